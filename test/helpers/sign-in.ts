import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo.ts';
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
