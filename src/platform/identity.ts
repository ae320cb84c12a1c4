import type { Locale } from './i18n/locales.ts';
import type { RoleGrant } from './roles.ts';

/**
 * Who is making a request, as every layer sees it. The accounts module resolves sessions
 * and API tokens to a User (platform/auth.ts asks it through an AccountsPort); the audit
 * module records an Actor with every change.
 */
export interface User {
  id: string;
  email: string;
  name: string;
  active: boolean;
  hasPassword: boolean;
  totpEnabled: boolean;
  lastLoginAt: string | null;
  /** The language of the person's mails and of the workspace they land in after logging in. */
  language: Locale;
  roles: RoleGrant[];
}

/** Who acted, for the audit trail. */
export interface Actor {
  userId: string | null;
  /** E-mail of the user, or e.g. "cli", "system", "anonymous". */
  label: string;
  ip: string | null;
}
