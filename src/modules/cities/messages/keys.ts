// Generated from sv.json by `npm run i18n:types`: do not edit.
import type { CatalogueOf } from '../../../platform/i18n/catalogue.ts';
import type messages from './sv.json';

/** The messages that take arguments, and their types. */
interface Args {
  "workspace.cities.editTitle": { city: string | number };
  "workspace.cities.statusNote": { status: string | number; kind: string | number };
  "workspace.cities.field.name": { language: string | number };
  "workspace.cities.field.description": { language: string | number };
  "flash.cityFactsSaved": { city: string | number };
  "flash.cityFactsUnchanged": { city: string | number };
  "home.cities.p1.ok": { cities: string | number; since: string | number };
  "home.cities.p1.inactive": { count: number; cities: string | number };
}

declare module '../../../platform/i18n/catalogue.ts' {
  interface MessageCatalogue extends CatalogueOf<typeof messages, Args> {}
}
