// Generated from sv.json by `npm run i18n:types`: do not edit.
import type { CatalogueOf } from '../../../platform/i18n/catalogue.ts';
import type messages from './sv.json';

/** The messages that take arguments: the keys that take each set of argument types. */
type Args = Record<"collab.openEnded", { from: string | number }> &
  Record<"collab.amount", { amount: string | number }> &
  Record<"collab.exchange.title" | "home.collaborations.task.returnedExchange", { city: string | number; date: string | number }> &
  Record<"collab.queue.submitted", { at: string | number }> &
  Record<"collab.city.title" | "collab.city.all", { city: string | number }> &
  Record<"collab.mail.subject.acknowledged" | "collab.mail.subject.returned" | "campaign.mail.reminderSubject" | "campaign.mail.overdueSubject" | "home.collaborations.task.answer" | "home.collaborations.task.returnedCollaboration", { title: string | number }> &
  Record<"collab.mail.text.acknowledged", { title: string | number; link: string | number }> &
  Record<"collab.mail.text.returned", { title: string | number; comment: string | number; link: string | number }> &
  Record<"campaign.answeredOf" | "campaign.show.progress", { answered: string | number; asked: string | number }> &
  Record<"campaign.show.period", { period: string | number }> &
  Record<"campaign.show.deadline" | "campaign.show.closedNote", { date: string | number }> &
  Record<"campaign.show.snapshot", { collaborations: number; exchanges: number }> &
  Record<"campaign.answer.for", { organisation: string | number }> &
  Record<"campaign.answer.current", { answer: string | number; when: string | number; who: string | number }> &
  Record<"campaign.mail.reminderText", { organisation: string | number; title: string | number; deadline: string | number; link: string | number }> &
  Record<"campaign.mail.overdueText", { title: string | number; deadline: string | number; organisation: string | number; link: string | number }> &
  Record<"import.mapping.lead", { file: string | number; rows: number }> &
  Record<"import.check.ok" | "import.check.import" | "import.check.importValid" | "import.done.text" | "import.done.textExchanges", { rows: number }> &
  Record<"import.check.problems", { problems: number; badRows: string | number; rows: number; valid: number }> &
  Record<"import.progress.text", { done: string | number; rows: number }> &
  Record<"import.problem.kindInvalid" | "import.problem.statusInvalid" | "import.problem.dateInvalid" | "import.problem.cityUnknown" | "import.problem.areaUnknown" | "import.problem.emailInvalid" | "import.problem.fundingInvalid" | "import.problem.amountInvalid" | "import.problem.visibilityInvalid" | "import.problem.organisationUnknown" | "import.problem.directionInvalid" | "import.problem.participantsInvalid", { value: string | number }> &
  Record<"import.problem.textTooLong", { max: string | number }> &
  Record<"home.collaborations.task.reviewCollaborations" | "home.collaborations.task.reviewExchanges" | "home.collaborations.p7.orphaned", { count: number }> &
  Record<"home.collaborations.task.campaignMissing", { count: number; title: string | number }> &
  Record<"home.collaborations.task.answerFor", { title: string | number; organisation: string | number }> &
  Record<"home.collaborations.p7.ok", { count: number; organisations: number }> &
  Record<"home.collaborations.p8.all", { asked: string | number; title: string | number }> &
  Record<"home.collaborations.p8.running" | "home.collaborations.p8.missing", { answered: string | number; asked: string | number; title: string | number; deadline: string | number }> &
  Record<"campaign.confirmClose.what", { title: string | number; answered: string | number; asked: string | number }> &
  Record<"campaign.confirmClose.missing", { count: number; deadline: string | number }> &
  Record<"collab.review.position", { position: string | number; total: string | number }> &
  Record<"collab.review.skip" | "collab.review.thenNext" | "collab.flash.acknowledgedNext" | "collab.flash.returnedNext", { count: string | number }>;

declare module '../../../platform/i18n/catalogue.ts' {
  interface MessageCatalogue extends CatalogueOf<typeof messages, Args> {}
}
