// Generated from sv.json by `npm run i18n:types`: do not edit.
import type { CatalogueOf } from '../../../platform/i18n/catalogue.ts';
import type messages from './sv.json';

/** The messages that take arguments, and their types. */
interface Args {
  "meetings.homeNext": { year: string | number };
  "meetings.p3Warning": { members: string | number; cycle: number };
  "meeting.title": { year: string | number; city: string | number };
  "meeting.originalYear": { year: string | number };
  "meeting.programmeCaption": { day: string | number };
  "meeting.delegationOf": { city: string | number };
  "meeting.responsible": { city: string | number };
  "meeting.due": { date: string | number };
  "meeting.closed": { date: string | number; note: string | number };
  "meeting.fromMeeting": { year: string | number };
  "meeting.download": { title: string | number; kind: string | number; size: string | number };
  "workspace.meetings.editTitle": { year: string | number };
  "workspace.meetings.adjustSwap": { year: string | number; city: string | number; other: string | number; reason: string | number };
  "workspace.meetings.adjustSkip": { year: string | number; city: string | number; reason: string | number };
  "workspace.meetings.remove": { title: string | number };
  "workspace.meetings.editPartLead": { year: string | number; title: string | number };
  "workspace.meetings.docFileKept": { filename: string | number };
  "delegation.col.members": { count: number };
  "delegation.meeting": { year: string | number; host: string | number };
  "delegation.page.title": { city: string | number; year: string | number };
  "delegation.members.erasedNote": { date: string | number };
  "delegation.form.logisticsHint": { days: number };
  "participants.title": { year: string | number; host: string | number };
  "participants.generated": { date: string | number };
  "participants.page": { page: string | number; pages: string | number };
  "hostPlan.mail.subject": { count: number };
  "hostPlan.mail.greeting": { name: string | number };
  "hostPlan.mail.upcomingLine": { title: string | number; date: string | number; year: string | number; url: string | number };
  "hostPlan.mail.overdueLine": { title: string | number; date: string | number; year: string | number; url: string | number };
  "hostPlan.overview.progress": { closed: string | number; total: string | number };
  "hostPlan.overview.overdue": { count: string | number };
  "hostPlan.page.title": { year: string | number };
  "hostPlan.page.overdueCount": { count: string | number };
  "hostPlan.form.editTitle": { title: string | number };
  "hostPlan.flash.created": { count: number };
  "hostPlan.template.monthsBefore": { n: number };
  "hostPlan.template.monthsAfter": { n: number };
  "hostPlan.template.daysBefore": { n: number };
  "hostPlan.template.daysAfter": { n: number };
  "home.meetings.task.hostPlan": { year: string | number; title: string | number };
  "home.meetings.task.nominateHome": { year: string | number; host: string | number };
  "home.meetings.task.confirmHome": { year: string | number; host: string | number };
  "home.meetings.task.fillPartner": { city: string | number; year: string | number; host: string | number };
  "home.meetings.task.confirmPartner": { city: string | number; year: string | number; host: string | number };
  "home.meetings.p2.ok": { host: string | number; dates: string | number };
  "home.meetings.p2.okUndated": { host: string | number; year: string | number };
  "home.meetings.p2.attention": { from: string | number; to: string | number };
  "home.meetings.p3.ok": { year: string | number; members: string | number; cycle: string | number };
  "home.meetings.p3.attention": { year: string | number; members: string | number; cycle: string | number };
  "home.meetings.p4.ok": { year: string | number; count: number };
  "home.meetings.p4.unconfirmed": { count: number; year: string | number };
  "home.meetings.p4.none": { year: string | number };
  "home.meetings.p5.notRegistered": { year: string | number };
  "home.meetings.p5.noPlan": { year: string | number };
  "home.meetings.p5.overdue": { count: number; year: string | number };
  "home.meetings.p5.ok": { year: string | number; closed: string | number; total: string | number };
  "workspace.meetings.confirmRemove.programme.what": { title: string | number; year: string | number };
  "workspace.meetings.confirmRemove.seminars.what": { title: string | number; year: string | number };
  "workspace.meetings.confirmRemove.documents.what": { title: string | number; year: string | number };
  "workspace.meetings.confirmClose.what": { year: string | number };
  "delegation.confirmRemove.what": { name: string | number; city: string | number; year: string | number };
  "workspace.meetings.sectionTitle": { section: string | number; meeting: string | number };
  "workspace.meetings.overview.openActions": { count: number };
  "workspace.meetings.programmeNeedsDates": { link: string | number };
}

declare module '../../../platform/i18n/catalogue.ts' {
  interface MessageCatalogue extends CatalogueOf<typeof messages, Args> {}
}
