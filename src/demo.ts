import type { Db } from './db/database.ts';
import { DEMO_DATA_KEY, findSetting, upsertSetting } from './db/settings.ts';
import { modules } from './modules/registry.ts';
import { fromNothing, recordAudit } from './modules/audit/audit.service.ts';
import { DEMO_ACCOUNTS } from './modules/accounts/account.demo.ts';
import { DEMO_ACTOR, type DemoContext } from './platform/demo.ts';
import { nowIso } from './shared/dates.ts';

export { DEMO_ACCOUNTS, DEMO_PASSWORD } from './modules/accounts/account.demo.ts';
export { hasDemoData } from './db/settings.ts';

export interface SeedResult {
  seeded: boolean;
  reason?: 'already-present' | 'not-empty';
}

/**
 * Seeds the demo data in one transaction: each module's own, in registry order (cities,
 * decisions, organisations, accounts, meetings, collaborations). Does nothing when the
 * registry already has cities. Never called when NODE_ENV=production (the callers check).
 */
export async function seedDemo(db: Db): Promise<SeedResult> {
  return db.kysely.transaction().execute(async (trx) => {
    if ((await findSetting(trx, DEMO_DATA_KEY)) === 'true') {
      return { seeded: false, reason: 'already-present' };
    }
    const existing = await trx.selectFrom('city').select('id').limit(1).executeTakeFirst();
    if (existing) return { seeded: false, reason: 'not-empty' };

    const context: DemoContext = {
      trx,
      now: nowIso(),
      chainId: '',
      cityIds: new Map(),
      orgIds: new Map(),
      userIds: new Map(),
    };
    for (const module of modules) await module.demo?.(context);

    await recordAudit(trx, DEMO_ACTOR, {
      entity: 'demo',
      entityId: null,
      action: 'seed',
      changes: fromNothing({
        accounts: DEMO_ACCOUNTS.map((a) => a.email).join(', '),
      }),
    });
    await upsertSetting(trx, DEMO_DATA_KEY, 'true');
    return { seeded: true };
  });
}
