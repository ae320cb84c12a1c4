// Generated from sv.json by `npm run i18n:types`: do not edit.
import type { CatalogueOf } from '../../../platform/i18n/catalogue.ts';
import type messages from './sv.json';

/** The messages that take arguments, and their types. */
interface Args {
  "news.when.scheduled": { date: string | number };
  "news.when.published": { date: string | number };
  "news.form.previewIn": { language: string | number };
  "news.form.version": { language: string | number };
  "news.titleRequired": { lang: string };
  "news.bodyRequired": { lang: string };
  "news.titleTooLong": { max: string | number };
  "news.summaryTooLong": { max: string | number };
  "news.bodyTooLong": { max: string | number };
  "news.languageUnsupported": { code: string | number };
}

declare module '../../../platform/i18n/catalogue.ts' {
  interface MessageCatalogue extends CatalogueOf<typeof messages, Args> {}
}
