// Generated from sv.json by `npm run i18n:types`: do not edit.
import type { CatalogueOf } from '../../../platform/i18n/catalogue.ts';
import type messages from './sv.json';

/** The messages that take arguments: the keys that take each set of argument types. */
type Args = Record<"newsletter.err.testFailed", { answer: string | number }> &
  Record<"newsletter.mail.confirm.text", { link: string | number; hours: number }> &
  Record<"newsletter.mail.already.text" | "newsletter.mail.footer.unsubscribe" | "newsletter.mail.footer.manage", { link: string | number }> &
  Record<"newsletter.digest.subject" | "newsletter.issue.since" | "newsletter.progress.done" | "home.newsletter.p9.letter", { date: string | number }> &
  Record<"newsletter.digest.meeting", { city: string | number; when: string | number }> &
  Record<"newsletter.field.emailHint" | "newsletter.flash.checkInbox", { hours: number }> &
  Record<"newsletter.ws.subscribers", { confirmed: number; pending: string | number; unsubscribed: string | number }> &
  Record<"newsletter.issue.previewLink" | "newsletter.preview.title", { language: string | number }> &
  Record<"newsletter.flash.testSent", { email: string | number }> &
  Record<"newsletter.flash.sendStarted", { count: number }> &
  Record<"newsletter.progress.following" | "newsletter.issue.follow", { seconds: string | number }> &
  Record<"home.newsletter.p9.news", { title: string | number; date: string | number }> &
  Record<"newsletter.confirmSend.what", { subject: string | number; count: number }>;

declare module '../../../platform/i18n/catalogue.ts' {
  interface MessageCatalogue extends CatalogueOf<typeof messages, Args> {}
}
