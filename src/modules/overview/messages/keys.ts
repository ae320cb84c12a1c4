// Generated from sv.json by `npm run i18n:types`: do not edit.
import type { CatalogueOf } from '../../../platform/i18n/catalogue.ts';
import type messages from './sv.json';

/** The messages that take arguments: the keys that take each set of argument types. */
type Args = Record<"overview.title" | "overview.noActivity" | "overview.err.yearNotFound" | "overview.nav.previous" | "overview.nav.next" | "overview.nav.cities" | "overview.collab.none" | "overview.exchange.none" | "overview.meeting.none" | "overview.decision.none" | "overview.news.none", { year: string | number }> &
  Record<"overview.titleCity" | "overview.meeting.item", { year: string | number; city: string | number }> &
  Record<"overview.asOf", { date: string | number }> &
  Record<"overview.collab.sentence", { year: string | number; organisations: number; total: number; started: number }> &
  Record<"overview.collab.sentenceCity", { year: string | number; organisations: number; total: number; city: string | number; started: number }> &
  Record<"overview.exchange.sentence", { year: string | number; total: number; participants: number }> &
  Record<"overview.exchange.sentenceCity", { year: string | number; total: number; city: string | number; participants: number }> &
  Record<"overview.meeting.sentence", { year: string | number; meetings: number; seminars: number }> &
  Record<"overview.meeting.outcomes", { outcomes: number; followedUp: number }> &
  Record<"overview.decision.sentence", { year: string | number; total: number }> &
  Record<"overview.decision.sentenceCity", { year: string | number; total: number; city: string | number }> &
  Record<"overview.news.sentence", { year: string | number; count: number }> &
  Record<"overview.news.cityNote", { city: string | number }> &
  Record<"overview.chart.others", { count: number }> &
  Record<"overview.chart.desc", { bars: number; label: string | number; count: string | number }>;

declare module '../../../platform/i18n/catalogue.ts' {
  interface MessageCatalogue extends CatalogueOf<typeof messages, Args> {}
}
