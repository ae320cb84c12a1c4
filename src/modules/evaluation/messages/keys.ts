// Generated from sv.json by `npm run i18n:types`: do not edit.
import type { CatalogueOf } from '../../../platform/i18n/catalogue.ts';
import type messages from './sv.json';

/** The messages that take arguments, and their types. */
interface Args {
  "evaluation.dueOn": { date: string | number };
  "evaluation.figures.lead": { date: string | number };
  "evaluation.figures.period": { start: string | number; end: string | number; previousStart: string | number; previousEnd: string | number };
  "evaluation.figures.periodOnly": { start: string | number; end: string | number };
  "evaluation.figures.flags.intro": { count: number };
  "evaluation.figures.flag.cityInactive": { city: string | number; years: string | number; since: string | number };
  "evaluation.figures.flag.neverReported": { organisation: string | number; asked: number };
  "evaluation.figures.flag.followUpOpen": { year: string | number; since: string | number; text: string | number };
  "evaluation.figures.flag.rotationBroken": { required: string | number; forecast: string | number };
  "evaluation.figures.others": { count: number };
  "evaluation.figures.chart.desc": { bars: number; label: string | number; count: string | number };
  "evaluation.figures.meetings.name": { host: string | number; year: string | number };
  "evaluation.figures.meetings.followUpsValue": { closed: string | number; total: string | number };
  "evaluation.figures.exchanges.sentence": { count: number; participants: number };
  "evaluation.figures.campaigns.deadline": { date: string | number };
}

declare module '../../../platform/i18n/catalogue.ts' {
  interface MessageCatalogue extends CatalogueOf<typeof messages, Args> {}
}
