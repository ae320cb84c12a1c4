// Generated from sv.json by `npm run i18n:types`: do not edit.
import type { CatalogueOf } from '../../../platform/i18n/catalogue.ts';
import type messages from './sv.json';

/** The messages that take arguments, and their types. */
interface Args {
  "overview.title": { year: string | number };
  "overview.titleCity": { year: string | number; city: string | number };
  "overview.asOf": { date: string | number };
  "overview.noActivity": { year: string | number };
  "overview.err.yearNotFound": { year: string | number };
  "overview.nav.previous": { year: string | number };
  "overview.nav.next": { year: string | number };
  "overview.nav.cities": { year: string | number };
  "overview.collab.sentence": { year: string | number; organisations: number; total: number; started: number };
  "overview.collab.sentenceCity": { year: string | number; organisations: number; total: number; city: string | number; started: number };
  "overview.collab.none": { year: string | number };
  "overview.exchange.sentence": { year: string | number; total: number; participants: number };
  "overview.exchange.sentenceCity": { year: string | number; total: number; city: string | number; participants: number };
  "overview.exchange.none": { year: string | number };
  "overview.meeting.sentence": { year: string | number; meetings: number; seminars: number };
  "overview.meeting.none": { year: string | number };
  "overview.meeting.item": { year: string | number; city: string | number };
  "overview.meeting.outcomes": { outcomes: number; followedUp: number };
  "overview.decision.sentence": { year: string | number; total: number };
  "overview.decision.sentenceCity": { year: string | number; total: number; city: string | number };
  "overview.decision.none": { year: string | number };
  "overview.news.sentence": { year: string | number; count: number };
  "overview.news.none": { year: string | number };
  "overview.news.cityNote": { city: string | number };
  "overview.chart.others": { count: number };
  "overview.chart.desc": { bars: number; label: string | number; count: string | number };
}

declare module '../../../platform/i18n/catalogue.ts' {
  interface MessageCatalogue extends CatalogueOf<typeof messages, Args> {}
}
