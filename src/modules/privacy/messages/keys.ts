// Generated from sv.json by `npm run i18n:types`: do not edit.
import type { CatalogueOf } from '../../../platform/i18n/catalogue.ts';
import type messages from './sv.json';

/** The messages that take arguments, and their types. */
interface Args {
  "privacy.kind.loginAttempts.retention": { loginAttempts: number };
  "privacy.kind.tokens.retention": { apiTokens: number };
  "privacy.kind.delegates.retention": { delegateLogistics: number };
  "privacy.kind.subscribers.retention": { newsletterSubscribers: number };
  "privacy.kind.outbox.retention": { mailOutbox: number };
  "privacy.export.subject": { email: string | number };
  "privacy.export.produced": { date: string | number };
  "privacy.admin.found": { email: string | number };
  "privacy.erased.lead": { email: string | number };
  "privacy.retention.lead": { count: number };
  "privacy.retention.records": { count: number; table: string | number };
  "privacy.retention.more": { count: number };
}

declare module '../../../platform/i18n/catalogue.ts' {
  interface MessageCatalogue extends CatalogueOf<typeof messages, Args> {}
}
