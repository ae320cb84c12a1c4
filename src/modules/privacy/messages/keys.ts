// Generated from sv.json by `npm run i18n:types`: do not edit.
import type { CatalogueOf } from '../../../platform/i18n/catalogue.ts';
import type messages from './sv.json';

/** The messages that take arguments: the keys that take each set of argument types. */
type Args = Record<"privacy.kind.loginAttempts.retention", { loginAttempts: number }> &
  Record<"privacy.kind.tokens.retention", { apiTokens: number }> &
  Record<"privacy.kind.delegates.retention", { delegateLogistics: number }> &
  Record<"privacy.kind.subscribers.retention", { newsletterSubscribers: number }> &
  Record<"privacy.kind.outbox.retention", { mailOutbox: number }> &
  Record<"privacy.export.subject" | "privacy.admin.found" | "privacy.erased.lead", { email: string | number }> &
  Record<"privacy.export.produced", { date: string | number }> &
  Record<"privacy.retention.lead" | "privacy.retention.more", { count: number }> &
  Record<"privacy.retention.records", { count: number; table: string | number }>;

declare module '../../../platform/i18n/catalogue.ts' {
  interface MessageCatalogue extends CatalogueOf<typeof messages, Args> {}
}
