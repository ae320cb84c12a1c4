import type { AppUserTable } from './account.table.ts';

/** What makes one account: its address, name, password (if any) and language. */
type NewAccount = Pick<AppUserTable, 'email' | 'name' | 'password_hash' | 'language'> &
  Partial<Pick<AppUserTable, 'oidc_subject'>>;

/**
 * The row of a new account (an invitation, a first login with the city's sign-in, the
 * demo): active, without a second factor yet, never logged in.
 */
export function newUserRow(account: NewAccount, now: string): Omit<AppUserTable, 'id'> {
  return {
    ...account,
    active: 1,
    totp_secret: null,
    totp_enabled: 0,
    oidc_subject: account.oidc_subject ?? null,
    last_login_at: null,
    created_at: now,
    updated_at: now,
  };
}
