import type { Db } from '../../src/db/database.ts';
import { findUserByEmail } from '../../src/modules/accounts/account.service.ts';
import { contextOutsideRequest, type PageContext } from '../../src/platform/page-context.ts';
import type { User } from '../../src/platform/identity.ts';

// The set-up the modules' workspace start-page tests (*.home.test.ts) share.

/** The context a start-page source gets: Swedish, on /workspace, over demo data. */
export function workspaceContext(): PageContext {
  return contextOutsideRequest('sv', '/workspace', { demo: true, assetVersion: 'test' });
}

/** A demo user by e-mail address (the test fails when there is none). */
export async function demoUser(db: Db, email: string): Promise<User> {
  const user = await findUserByEmail(db.kysely, email);
  if (!user) throw new Error(`no demo user ${email}`);
  return user;
}

/** An instant in the morning of a plain date (Gothenburg's day is the same). */
export const morningOf = (date: string): Date => new Date(`${date}T10:00:00Z`);
