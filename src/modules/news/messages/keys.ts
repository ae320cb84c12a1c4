// Generated from sv.json by `npm run i18n:types`: do not edit.
import type { CatalogueOf } from '../../../platform/i18n/catalogue.ts';
import type messages from './sv.json';

/** The messages that take arguments: the keys that take each set of argument types. */
type Args = Record<"news.when.scheduled" | "news.when.published", { date: string | number }> &
  Record<"news.form.previewIn" | "news.form.version", { language: string | number }> &
  Record<"news.titleRequired" | "news.bodyRequired", { lang: string }> &
  Record<"news.titleTooLong" | "news.summaryTooLong" | "news.bodyTooLong", { max: string | number }> &
  Record<"news.languageUnsupported", { code: string | number }>;

declare module '../../../platform/i18n/catalogue.ts' {
  interface MessageCatalogue extends CatalogueOf<typeof messages, Args> {}
}
