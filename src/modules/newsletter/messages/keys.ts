// Generated from sv.json by `npm run i18n:types`: do not edit.
import type { CatalogueOf } from '../../../platform/i18n/catalogue.ts';
import type messages from './sv.json';

/** The messages that take arguments, and their types. */
interface Args {
  "newsletter.err.testFailed": { answer: string | number };
  "newsletter.mail.confirm.text": { link: string | number; hours: number };
  "newsletter.mail.already.text": { link: string | number };
  "newsletter.mail.footer.unsubscribe": { link: string | number };
  "newsletter.mail.footer.manage": { link: string | number };
  "newsletter.digest.subject": { date: string | number };
  "newsletter.digest.meeting": { city: string | number; when: string | number };
  "newsletter.field.emailHint": { hours: number };
  "newsletter.flash.checkInbox": { hours: number };
  "newsletter.ws.subscribers": { confirmed: number; pending: string | number; unsubscribed: string | number };
  "newsletter.issue.since": { date: string | number };
  "newsletter.issue.previewLink": { language: string | number };
  "newsletter.flash.testSent": { email: string | number };
  "newsletter.flash.sendStarted": { count: number };
  "newsletter.progress.following": { seconds: string | number };
  "newsletter.issue.follow": { seconds: string | number };
  "newsletter.progress.done": { date: string | number };
  "newsletter.preview.title": { language: string | number };
  "home.newsletter.p9.news": { title: string | number; date: string | number };
  "home.newsletter.p9.letter": { date: string | number };
  "newsletter.confirmSend.what": { subject: string | number; count: number };
}

declare module '../../../platform/i18n/catalogue.ts' {
  interface MessageCatalogue extends CatalogueOf<typeof messages, Args> {}
}
