// Generated from sv.json by `npm run i18n:types`: do not edit.
import type { CatalogueOf } from '../../../platform/i18n/catalogue.ts';
import type messages from './sv.json';

/** The messages that take arguments: the keys that take each set of argument types. */
type Args = Record<"evaluation.dueOn" | "report.doc.colophon" | "evaluation.figures.lead" | "evaluation.figures.campaigns.deadline", { date: string | number }> &
  Record<"evaluation.autoTitle", { city: string | number; year: string | number }> &
  Record<"evaluation.mail.beforeSubject" | "evaluation.mail.afterSubject" | "evaluation.task.write", { title: string | number; date: string | number }> &
  Record<"evaluation.mail.beforeText" | "evaluation.mail.afterText", { title: string | number; date: string | number; link: string | number }> &
  Record<"evaluation.task.review", { title: string | number }> &
  Record<"evaluation.p10.approved" | "evaluation.p10.due" | "evaluation.p10.overdue", { year: string | number; date: string | number }> &
  Record<"evaluation.p10.missing", { year: string | number }> &
  Record<"evaluation.status.approved" | "evaluation.page.figuresFrozen" | "evaluation.versions.name" | "evaluation.workflow.approved" | "evaluation.flash.approved", { version: string | number }> &
  Record<"evaluation.page.figuresLiveHint", { when: string | number }> &
  Record<"evaluation.autosave.saved", { time: string | number }> &
  Record<"evaluation.review.commentBy", { name: string | number; when: string | number }> &
  Record<"evaluation.versions.approvedBy", { when: string | number; name: string | number }> &
  Record<"evaluation.versions.compareWith" | "evaluation.compare.title" | "evaluation.compare.figureChanged", { from: string | number; to: string | number }> &
  Record<"evaluation.compare.versions", { from: string | number; fromWhen: string | number; to: string | number; toWhen: string | number }> &
  Record<"evaluation.compare.figuresPeriods", { from: string | number; to: string | number; changed: number }> &
  Record<"report.versionValue" | "report.publish.replaces" | "report.publish.button" | "report.flash.published" | "report.flash.withdrawn", { number: string | number }> &
  Record<"report.figuresLead", { compiledAt: string | number }> &
  Record<"report.workspace.title", { title: string | number; number: string | number }> &
  Record<"report.chart.alt", { title: string | number; count: number; largest: string | number; value: string | number }> &
  Record<"evaluation.figures.period", { start: string | number; end: string | number; previousStart: string | number; previousEnd: string | number }> &
  Record<"evaluation.figures.periodOnly", { start: string | number; end: string | number }> &
  Record<"evaluation.figures.flags.intro" | "evaluation.figures.others", { count: number }> &
  Record<"evaluation.figures.flag.cityInactive", { city: string | number; years: string | number; since: string | number }> &
  Record<"evaluation.figures.flag.neverReported", { organisation: string | number; asked: number }> &
  Record<"evaluation.figures.flag.followUpOpen", { year: string | number; since: string | number; text: string | number }> &
  Record<"evaluation.figures.flag.rotationBroken", { required: string | number; forecast: string | number }> &
  Record<"evaluation.figures.chart.desc", { bars: number; label: string | number; count: string | number }> &
  Record<"evaluation.figures.meetings.name", { host: string | number; year: string | number }> &
  Record<"evaluation.figures.meetings.followUpsValue", { closed: string | number; total: string | number }> &
  Record<"evaluation.figures.exchanges.sentence", { count: number; participants: number }>;

declare module '../../../platform/i18n/catalogue.ts' {
  interface MessageCatalogue extends CatalogueOf<typeof messages, Args> {}
}
