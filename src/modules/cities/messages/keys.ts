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
  "citySuggestion.title": { city: string | number };
  "citySuggestion.lead": { city: string | number };
  "citySuggestion.publicPage": { city: string | number };
  "citySuggestion.state.pending": { when: string | number };
  "citySuggestion.state.returned": { when: string | number };
  "citySuggestion.state.approved": { when: string | number };
  "citySuggestion.pendingNote": { when: string | number };
  "citySuggestion.reviewLink": { city: string | number };
  "citySuggestion.reviewTitle": { city: string | number };
  "citySuggestion.backToCity": { city: string | number };
  "citySuggestion.reviewLead": { who: string | number; when: string | number };
  "flash.citySuggestion.suggested": { city: string | number };
  "flash.citySuggestion.withdrawn": { city: string | number };
  "flash.citySuggestion.unchanged": { city: string | number };
  "flash.citySuggestion.approved": { city: string | number };
  "flash.citySuggestion.returned": { city: string | number };
  "home.cities.suggestion.review": { city: string | number };
  "home.cities.suggestion.own": { state: string; city: string | number };
}

declare module '../../../platform/i18n/catalogue.ts' {
  interface MessageCatalogue extends CatalogueOf<typeof messages, Args> {}
}
