// Generated from sv.json by `npm run i18n:types`: do not edit.
import type { CatalogueOf } from '../../../platform/i18n/catalogue.ts';
import type messages from './sv.json';

/** The messages that take arguments: the keys that take each set of argument types. */
type Args = Record<"login.locked" | "login.throttled" | "reset.lead" | "reset.sent" | "reset.locked", { minutes: number }> &
  Record<"login.throttledSeconds", { seconds: number }> &
  Record<"flash.userCreated" | "admin.users.edit" | "admin.invite.exists" | "flash.invited" | "newPassword.resetLead" | "newPassword.inviteLead" | "mfa.qrLabel" | "mfa.flash.reset", { email: string | number }> &
  Record<"account.sessions" | "apiToken.revokeAllWarning" | "apiToken.revokeAll" | "apiToken.revokedAll" | "apiToken.confirmRevokeAll.title" | "apiToken.confirmRevokeAll.what", { count: number }> &
  Record<"pagination.status", { from: string | number; to: string | number; total: string | number }> &
  Record<"org.deactivate" | "org.activate" | "org.rename" | "apiToken.revokeName" | "apiToken.revoked" | "apiToken.alreadyRevoked", { name: string | number }> &
  Record<"newPassword.passwordHint", { min: string | number }> &
  Record<"mail.reset.text", { link: string | number; minutes: number }> &
  Record<"mail.invite.text", { name: string | number; link: string | number; days: number }> &
  Record<"apiToken.createdLead", { name: string | number; expires: string | number }> &
  Record<"apiToken.confirmRevoke.what", { name: string | number; used: string; lastUsed: string | number }> &
  Record<"mfa.admin.confirmReset.what", { name: string | number; email: string | number }>;

declare module '../../../platform/i18n/catalogue.ts' {
  interface MessageCatalogue extends CatalogueOf<typeof messages, Args> {}
}
