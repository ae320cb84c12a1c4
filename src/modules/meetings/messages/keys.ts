// Generated from sv.json by `npm run i18n:types`: do not edit.
import type { CatalogueOf } from '../../../platform/i18n/catalogue.ts';
import type messages from './sv.json';

/** The messages that take arguments: the keys that take each set of argument types. */
type Args = Record<"meetings.homeNext" | "meeting.originalYear" | "meeting.fromMeeting" | "workspace.meetings.editTitle" | "hostPlan.page.title" | "home.meetings.p4.none" | "home.meetings.p5.notRegistered" | "home.meetings.p5.noPlan" | "workspace.meetings.confirmClose.what", { year: string | number }> &
  Record<"meetings.p3Warning", { members: string | number; cycle: number }> &
  Record<"meeting.title", { year: string | number; city: string | number }> &
  Record<"meeting.programmeCaption", { day: string | number }> &
  Record<"meeting.delegationOf" | "meeting.responsible", { city: string | number }> &
  Record<"meeting.due" | "delegation.members.erasedNote" | "participants.generated", { date: string | number }> &
  Record<"meeting.closed", { date: string | number; note: string | number }> &
  Record<"meeting.download", { title: string | number; kind: string | number; size: string | number }> &
  Record<"workspace.meetings.adjustSwap", { year: string | number; city: string | number; other: string | number; reason: string | number }> &
  Record<"workspace.meetings.adjustSkip", { year: string | number; city: string | number; reason: string | number }> &
  Record<"workspace.meetings.remove" | "hostPlan.form.editTitle", { title: string | number }> &
  Record<"workspace.meetings.editPartLead" | "home.meetings.task.hostPlan", { year: string | number; title: string | number }> &
  Record<"workspace.meetings.docFileKept", { filename: string | number }> &
  Record<"delegation.col.members" | "hostPlan.mail.subject" | "hostPlan.flash.created" | "workspace.meetings.overview.openActions", { count: number }> &
  Record<"delegation.meeting" | "participants.title" | "home.meetings.task.nominateHome" | "home.meetings.task.confirmHome", { year: string | number; host: string | number }> &
  Record<"delegation.page.title", { city: string | number; year: string | number }> &
  Record<"delegation.form.logisticsHint", { days: number }> &
  Record<"participants.page", { page: string | number; pages: string | number }> &
  Record<"hostPlan.mail.greeting", { name: string | number }> &
  Record<"hostPlan.mail.upcomingLine" | "hostPlan.mail.overdueLine", { title: string | number; date: string | number; year: string | number; url: string | number }> &
  Record<"hostPlan.overview.progress", { closed: string | number; total: string | number }> &
  Record<"hostPlan.overview.overdue" | "hostPlan.page.overdueCount", { count: string | number }> &
  Record<"hostPlan.template.monthsBefore" | "hostPlan.template.monthsAfter" | "hostPlan.template.daysBefore" | "hostPlan.template.daysAfter", { n: number }> &
  Record<"home.meetings.task.fillPartner" | "home.meetings.task.confirmPartner", { city: string | number; year: string | number; host: string | number }> &
  Record<"home.meetings.p2.ok", { host: string | number; dates: string | number }> &
  Record<"home.meetings.p2.okUndated", { host: string | number; year: string | number }> &
  Record<"home.meetings.p2.attention", { from: string | number; to: string | number }> &
  Record<"home.meetings.p3.ok" | "home.meetings.p3.attention", { year: string | number; members: string | number; cycle: string | number }> &
  Record<"home.meetings.p4.ok", { year: string | number; count: number }> &
  Record<"home.meetings.p4.unconfirmed" | "home.meetings.p5.overdue", { count: number; year: string | number }> &
  Record<"home.meetings.p5.ok", { year: string | number; closed: string | number; total: string | number }> &
  Record<"workspace.meetings.confirmRemove.programme.what" | "workspace.meetings.confirmRemove.seminars.what" | "workspace.meetings.confirmRemove.documents.what", { title: string | number; year: string | number }> &
  Record<"delegation.confirmRemove.what", { name: string | number; city: string | number; year: string | number }> &
  Record<"workspace.meetings.sectionTitle", { section: string | number; meeting: string | number }> &
  Record<"workspace.meetings.programmeNeedsDates", { link: string | number }>;

declare module '../../../platform/i18n/catalogue.ts' {
  interface MessageCatalogue extends CatalogueOf<typeof messages, Args> {}
}
