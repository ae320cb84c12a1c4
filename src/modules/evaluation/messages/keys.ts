// Generated from sv.json by `npm run i18n:types`: do not edit.
import type { CatalogueOf } from '../../../platform/i18n/catalogue.ts';
import type messages from './sv.json';

/** The messages that take arguments, and their types. */
interface Args {
  "evaluation.dueOn": { date: string | number };
  "evaluation.autoTitle": { city: string | number; year: string | number };
  "evaluation.mail.beforeSubject": { title: string | number; date: string | number };
  "evaluation.mail.beforeText": { title: string | number; date: string | number; link: string | number };
  "evaluation.mail.afterSubject": { title: string | number; date: string | number };
  "evaluation.mail.afterText": { title: string | number; date: string | number; link: string | number };
  "evaluation.task.write": { title: string | number; date: string | number };
  "evaluation.task.review": { title: string | number };
  "evaluation.p10.approved": { year: string | number; date: string | number };
  "evaluation.p10.due": { year: string | number; date: string | number };
  "evaluation.p10.overdue": { year: string | number; date: string | number };
  "evaluation.p10.missing": { year: string | number };
  "evaluation.status.approved": { version: string | number };
  "evaluation.page.figuresLiveHint": { when: string | number };
  "evaluation.page.figuresFrozen": { version: string | number };
  "evaluation.autosave.saved": { time: string | number };
  "evaluation.review.commentBy": { name: string | number; when: string | number };
  "evaluation.versions.name": { version: string | number };
  "evaluation.versions.approvedBy": { when: string | number; name: string | number };
  "evaluation.versions.compareWith": { from: string | number; to: string | number };
  "evaluation.workflow.approved": { version: string | number };
  "evaluation.flash.approved": { version: string | number };
  "evaluation.compare.title": { from: string | number; to: string | number };
  "evaluation.compare.versions": { from: string | number; fromWhen: string | number; to: string | number; toWhen: string | number };
  "evaluation.compare.figuresPeriods": { from: string | number; to: string | number; changed: number };
  "evaluation.compare.figureChanged": { from: string | number; to: string | number };
  "report.versionValue": { number: string | number };
  "report.figuresLead": { compiledAt: string | number };
  "report.publish.replaces": { number: string | number };
  "report.publish.button": { number: string | number };
  "report.flash.published": { number: string | number };
  "report.flash.withdrawn": { number: string | number };
  "report.workspace.title": { title: string | number; number: string | number };
  "report.doc.colophon": { date: string | number };
  "report.chart.alt": { title: string | number; count: number; largest: string | number; value: string | number };
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
