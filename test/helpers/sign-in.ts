import type { FastifyInstance } from 'fastify';
import { beforeAll, expect } from 'vitest';
import type { Db } from '../../src/db/database.ts';
import { DEMO_PASSWORD } from '../../src/demo.ts';
import { findUserByEmail } from '../../src/modules/accounts/account.service.ts';
import { createApiToken } from '../../src/modules/accounts/api-token.service.ts';
import { TestAgent } from './agent.ts';

/** The demo's people the tests sign in as (all with DEMO_PASSWORD). */
export const DEMO_EMAIL = {
  admin: 'admin@vanort.example',
  coordinator: 'samordnare@vanort.example',
  council: 'sekretariatet@vanort.example',
  staff: 'medarbetare@vanort.example',
  reporter: 'rapportor@vanort.example',
  bergen: 'bergen@vanort.example',
} as const;

/**
 * A new agent signed in through the login form (the login must answer 303), by default
 * with the demo password; `options` as for TestAgent (e.g. the address it comes from).
 */
export async function signedIn(
  app: FastifyInstance,
  email: string,
  password: string = DEMO_PASSWORD,
  options: { remoteAddress?: string } = {},
): Promise<TestAgent> {
  const agent = new TestAgent(app, options);
  expect((await agent.login(email, password)).statusCode, email).toBe(303);
  return agent;
}

/** An agent signed in (as by signedIn) for each name, in the order given. */
export async function signedInAs<K extends string>(
  app: FastifyInstance,
  emails: Record<K, string>,
): Promise<Record<K, TestAgent>> {
  const agents = {} as Record<K, TestAgent>;
  for (const [who, email] of Object.entries(emails) as [K, string][])
    agents[who] = await signedIn(app, email);
  return agents;
}

/**
 * Agents for the tests of one `describe` block, one per e-mail address in the order given,
 * signed in (as by signedIn, with the demo password) before the tests:
 * `const [coordinator, staff] = useSignedIn(t, DEMO_EMAIL.coordinator, DEMO_EMAIL.staff)`.
 * Call it after useTestApp, whose app is built first.
 */
export function useSignedIn<const E extends readonly string[]>(
  t: { readonly app: FastifyInstance },
  ...emails: E
): { [I in keyof E]: TestAgent } {
  const agents = emails.map(() => new TestAgent(() => t.app));
  beforeAll(async () => {
    for (const [i, email] of emails.entries())
      expect((await agents[i]!.login(email, DEMO_PASSWORD)).statusCode, email).toBe(303);
  });
  return agents as { [I in keyof E]: TestAgent };
}

/**
 * A new API token (for `authorization: Bearer …`) of the user with this e-mail address, as
 * the user makes one on /account/tokens; by default named "API-test" and recorded in the
 * audit log under the address.
 */
export async function apiTokenOf(
  db: Db,
  email: string,
  options: { name?: string; label?: string; expiresInDays?: number } = {},
): Promise<string> {
  const { name = 'API-test', label = email, expiresInDays } = options;
  const user = await findUserByEmail(db.kysely, email);
  if (!user) throw new Error(`apiTokenOf: no user ${email}`);
  const input = expiresInDays === undefined ? { name } : { name, expiresInDays };
  const { token } = await createApiToken(db, { userId: user.id, label, ip: null }, user.id, input);
  return token;
}
