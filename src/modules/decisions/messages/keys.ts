// Generated from sv.json by `npm run i18n:types`: do not edit.
import type { CatalogueOf } from '../../../platform/i18n/catalogue.ts';
import type messages from './sv.json';

/** The messages that take arguments, and their types. */
interface Args {
  "workspace.proposals.chainText": { members: string | number; interval: string | number; cycle: number };
  "workspace.proposals.chainWarning": { cycle: number };
  "workspace.proposals.chainIfApproved": { title: string | number; members: string | number; cycle: number };
  "workspace.decisions.pdfFor": { title: string | number };
  "workspace.decisions.correctFor": { title: string | number };
  "workspace.decisions.proposalCity": { city: string | number; kind: string | number };
  "timeline.lead": { city: string | number };
  "timeline.empty": { city: string | number };
  "timeline.statusChange": { from: string | number; to: string | number };
  "timeline.statusSet": { to: string | number };
  "timeline.kindChange": { from: string | number; to: string | number };
  "timeline.decision": { body: string | number; date: string | number };
  "timeline.meeting": { city: string | number; status: string | number };
  "timeline.section": { section: string | number };
  "rotation.warning": { members: string | number; cycle: number };
  "home.decisions.task.send": { title: string | number };
  "home.decisions.task.decide": { title: string | number };
  "home.decisions.p6.ok": { count: number };
  "home.decisions.p6.okWaiting": { count: number; waiting: number };
  "home.decisions.p6.missing": { cities: string | number; count: number };
  "workspace.proposals.confirmSend.what": { title: string | number; kind: string | number; city: string | number };
  "workspace.proposals.confirmWithdraw.what": { title: string | number; kind: string | number; city: string | number };
}

declare module '../../../platform/i18n/catalogue.ts' {
  interface MessageCatalogue extends CatalogueOf<typeof messages, Args> {}
}
