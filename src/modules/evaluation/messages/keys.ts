// Generated from sv.json by `npm run i18n:types`: do not edit.
import type { CatalogueOf } from '../../../platform/i18n/catalogue.ts';
import type messages from './sv.json';

/** The messages that take arguments, and their types. */
interface Args {
  "evaluation.dueOn": { date: string | number };
  "report.versionValue": { number: string | number };
  "report.figuresLead": { compiledAt: string | number };
  "report.publish.replaces": { number: string | number };
  "report.publish.button": { number: string | number };
  "report.flash.published": { number: string | number };
  "report.flash.withdrawn": { number: string | number };
  "report.workspace.title": { title: string | number; number: string | number };
  "report.doc.colophon": { date: string | number };
  "report.chart.alt": { title: string | number; count: number; largest: string | number; value: string | number };
}

declare module '../../../platform/i18n/catalogue.ts' {
  interface MessageCatalogue extends CatalogueOf<typeof messages, Args> {}
}
