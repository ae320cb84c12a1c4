// Generated from sv.json by `npm run i18n:types`: do not edit.
import type { CatalogueOf } from '../../../platform/i18n/catalogue.ts';
import type messages from './sv.json';

/** The messages that take arguments, and their types. */
interface Args {
  "collab.openEnded": { from: string | number };
  "collab.amount": { amount: string | number };
  "collab.exchange.title": { city: string | number; date: string | number };
  "collab.queue.submitted": { at: string | number };
  "collab.city.title": { city: string | number };
  "collab.city.all": { city: string | number };
  "collab.mail.subject.acknowledged": { title: string | number };
  "collab.mail.subject.returned": { title: string | number };
  "collab.mail.text.acknowledged": { title: string | number; link: string | number };
  "collab.mail.text.returned": { title: string | number; comment: string | number; link: string | number };
  "campaign.answeredOf": { answered: string | number; asked: string | number };
  "campaign.show.period": { period: string | number };
  "campaign.show.deadline": { date: string | number };
  "campaign.show.progress": { answered: string | number; asked: string | number };
  "campaign.show.closedNote": { date: string | number };
  "campaign.show.snapshot": { collaborations: number; exchanges: number };
  "campaign.answer.for": { organisation: string | number };
  "campaign.answer.current": { answer: string | number; when: string | number; who: string | number };
  "campaign.mail.reminderSubject": { title: string | number };
  "campaign.mail.reminderText": { organisation: string | number; title: string | number; deadline: string | number; link: string | number };
  "campaign.mail.overdueSubject": { title: string | number };
  "campaign.mail.overdueText": { title: string | number; deadline: string | number; organisation: string | number; link: string | number };
  "import.mapping.lead": { file: string | number; rows: number };
  "import.check.ok": { rows: number };
  "import.check.problems": { problems: number; badRows: string | number; rows: number; valid: number };
  "import.check.import": { rows: number };
  "import.check.importValid": { rows: number };
  "import.progress.text": { done: string | number; rows: number };
  "import.done.text": { rows: number };
  "import.problem.kindInvalid": { value: string | number };
  "import.problem.statusInvalid": { value: string | number };
  "import.problem.dateInvalid": { value: string | number };
  "import.problem.cityUnknown": { value: string | number };
  "import.problem.areaUnknown": { value: string | number };
  "import.problem.textTooLong": { max: string | number };
  "import.problem.emailInvalid": { value: string | number };
  "import.problem.fundingInvalid": { value: string | number };
  "import.problem.amountInvalid": { value: string | number };
  "import.problem.visibilityInvalid": { value: string | number };
  "import.problem.organisationUnknown": { value: string | number };
  "import.done.textExchanges": { rows: number };
  "import.problem.directionInvalid": { value: string | number };
  "import.problem.participantsInvalid": { value: string | number };
  "home.collaborations.task.reviewCollaborations": { count: number };
  "home.collaborations.task.reviewExchanges": { count: number };
  "home.collaborations.task.campaignMissing": { count: number; title: string | number };
  "home.collaborations.task.answer": { title: string | number };
  "home.collaborations.task.answerFor": { title: string | number; organisation: string | number };
  "home.collaborations.task.returnedCollaboration": { title: string | number };
  "home.collaborations.task.returnedExchange": { city: string | number; date: string | number };
  "home.collaborations.p7.ok": { count: number; organisations: number };
  "home.collaborations.p7.orphaned": { count: number };
  "home.collaborations.p8.all": { asked: string | number; title: string | number };
  "home.collaborations.p8.running": { answered: string | number; asked: string | number; title: string | number; deadline: string | number };
  "home.collaborations.p8.missing": { answered: string | number; asked: string | number; title: string | number; deadline: string | number };
  "campaign.confirmClose.what": { title: string | number; answered: string | number; asked: string | number };
  "campaign.confirmClose.missing": { count: number; deadline: string | number };
  "collab.review.position": { position: string | number; total: string | number };
  "collab.review.skip": { count: string | number };
  "collab.review.thenNext": { count: string | number };
  "collab.flash.acknowledgedNext": { count: string | number };
  "collab.flash.returnedNext": { count: string | number };
}

declare module '../../../platform/i18n/catalogue.ts' {
  interface MessageCatalogue extends CatalogueOf<typeof messages, Args> {}
}
