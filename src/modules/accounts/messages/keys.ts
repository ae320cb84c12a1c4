// Generated from sv.json by `npm run i18n:types`: do not edit.
import type { CatalogueOf } from '../../../platform/i18n/catalogue.ts';
import type messages from './sv.json';

/** The messages that take arguments, and their types. */
interface Args {
  "login.locked": { minutes: number };
  "login.throttled": { minutes: number };
  "login.throttledSeconds": { seconds: number };
  "flash.userCreated": { email: string | number };
  "account.sessions": { count: number };
  "admin.users.edit": { email: string | number };
  "pagination.status": { from: string | number; to: string | number; total: string | number };
  "org.deactivate": { name: string | number };
  "org.activate": { name: string | number };
  "org.rename": { name: string | number };
  "admin.invite.exists": { email: string | number };
  "flash.invited": { email: string | number };
  "reset.lead": { minutes: number };
  "reset.sent": { minutes: number };
  "reset.locked": { minutes: number };
  "newPassword.resetLead": { email: string | number };
  "newPassword.inviteLead": { email: string | number };
  "newPassword.passwordHint": { min: string | number };
  "mail.reset.text": { link: string | number; minutes: number };
  "mail.invite.text": { name: string | number; link: string | number; days: number };
  "apiToken.revokeName": { name: string | number };
  "apiToken.createdLead": { name: string | number; expires: string | number };
  "apiToken.revoked": { name: string | number };
  "apiToken.alreadyRevoked": { name: string | number };
  "apiToken.revokeAllWarning": { count: number };
  "apiToken.revokeAll": { count: number };
  "apiToken.revokedAll": { count: number };
  "mfa.qrLabel": { email: string | number };
  "mfa.flash.reset": { email: string | number };
  "apiToken.confirmRevoke.what": { name: string | number; used: string; lastUsed: string | number };
  "apiToken.confirmRevokeAll.title": { count: number };
  "apiToken.confirmRevokeAll.what": { count: number };
  "mfa.admin.confirmReset.what": { name: string | number; email: string | number };
}

declare module '../../../platform/i18n/catalogue.ts' {
  interface MessageCatalogue extends CatalogueOf<typeof messages, Args> {}
}
