// Generated from sv.json by `npm run i18n:types`: do not edit.
import type { CatalogueOf } from '../../../platform/i18n/catalogue.ts';
import type messages from './sv.json';

/** The messages that take arguments, and their types. */
interface Args {
  "search.summary": { count: number; query: string | number };
  "search.filter.item": { kind: string | number; count: string | number };
  "search.group.heading": { kind: string | number; count: string | number };
  "search.group.more": { kind: string | number; count: string | number };
  "search.noResults": { query: string | number };
  "search.shortened": { max: string | number };
  "search.tooManyWords": { max: string | number };
}

declare module '../../../platform/i18n/catalogue.ts' {
  interface MessageCatalogue extends CatalogueOf<typeof messages, Args> {}
}
