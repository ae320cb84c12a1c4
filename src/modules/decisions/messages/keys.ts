// Generated from sv.json by `npm run i18n:types`: do not edit.
import type { CatalogueOf } from '../../../platform/i18n/catalogue.ts';
import type messages from './sv.json';

/** The messages that take arguments: the keys that take each set of argument types. */
type Args = Record<"workspace.proposals.chainText", { members: string | number; interval: string | number; cycle: number }> &
  Record<"workspace.proposals.chainWarning", { cycle: number }> &
  Record<"workspace.proposals.chainIfApproved", { title: string | number; members: string | number; cycle: number }> &
  Record<"workspace.decisions.pdfFor" | "workspace.decisions.correctFor" | "home.decisions.task.send" | "home.decisions.task.decide", { title: string | number }> &
  Record<"workspace.decisions.proposalCity", { city: string | number; kind: string | number }> &
  Record<"timeline.lead" | "timeline.empty", { city: string | number }> &
  Record<"timeline.statusChange" | "timeline.kindChange", { from: string | number; to: string | number }> &
  Record<"timeline.statusSet", { to: string | number }> &
  Record<"timeline.decision", { body: string | number; date: string | number }> &
  Record<"timeline.meeting", { city: string | number; status: string | number }> &
  Record<"timeline.section", { section: string | number }> &
  Record<"rotation.warning", { members: string | number; cycle: number }> &
  Record<"home.decisions.p6.ok", { count: number }> &
  Record<"home.decisions.p6.okWaiting", { count: number; waiting: number }> &
  Record<"home.decisions.p6.missing", { cities: string | number; count: number }> &
  Record<"workspace.proposals.confirmSend.what" | "workspace.proposals.confirmWithdraw.what", { title: string | number; kind: string | number; city: string | number }>;

declare module '../../../platform/i18n/catalogue.ts' {
  interface MessageCatalogue extends CatalogueOf<typeof messages, Args> {}
}
