import { insertWithNewId, type DemoContext } from '../../platform/demo.ts';
import { newUserRow } from './new-user.ts';
import { hashPassword } from './password.ts';

/** The demo password of every demo account (listed in the README; never in production). */
export const DEMO_PASSWORD = 'vanort-demo-2026';

/** One demo account per role. */
export const DEMO_ACCOUNTS = [
  { email: 'admin@vanort.example', name: 'Alva Admin', role: 'admin' },
  { email: 'samordnare@vanort.example', name: 'Sara Samordnare', role: 'coordinator' },
  {
    email: 'rapportor@vanort.example',
    name: 'Rasmus Rapportör',
    role: 'reporter',
    organisation: 'kulturforvaltningen',
  },
  { email: 'presidiet@vanort.example', name: 'Per Presidiet', role: 'presidium' },
  { email: 'sekretariatet@vanort.example', name: 'Selma Sekretariatet', role: 'council' },
  { email: 'bergen@vanort.example', name: 'Bjørn Bergen', role: 'partner', city: 'bergen' },
  { email: 'medarbetare@vanort.example', name: 'Maja Medarbetare', role: 'staff' },
] as const;

/** One demo account per role, all with DEMO_PASSWORD. */
export async function seedAccountsDemo(ctx: DemoContext): Promise<void> {
  const { trx, now, cityIds, orgIds, userIds } = ctx;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const account of DEMO_ACCOUNTS) {
    const { email, name } = account;
    const row = newUserRow({ email, name, password_hash: passwordHash, language: 'sv' }, now);
    const id = await insertWithNewId(trx, 'app_user', row);
    userIds.set(account.email, id);
    await trx
      .insertInto('user_role')
      .values({
        user_id: id,
        role: account.role,
        organisation_id:
          'organisation' in account ? (orgIds.get(account.organisation) ?? null) : null,
        city_id: 'city' in account ? (cityIds.get(account.city) ?? null) : null,
      })
      .execute();
  }
}
