import type { Config } from '../../config/config.ts';
import type { Db, Executor } from '../../db/database.ts';
import { fromNothing, recordAudit, type Actor } from '../audit/index.ts';
import { membersPastRetention } from '../meetings/index.ts';
import { subscribersPastRetention } from '../newsletter/index.ts';
import * as repo from './privacy.repository.ts';
import {
  RETENTION_RULES,
  RULE_JOB,
  RULE_TABLE,
  ruleDays,
  type RetentionRuleId,
} from './privacy.register.ts';

/** One record a retention rule erases (or, in a dry run, would erase). */
export interface RetentionItem {
  rule: RetentionRuleId;
  /** The job that applies the rule. */
  job: string;
  table: string;
  id: string;
}

export interface RetentionRuleResult {
  rule: RetentionRuleId;
  job: string;
  table: string;
  days: number;
  items: RetentionItem[];
}

const DAY_MS = 86_400_000;
const before = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS).toISOString();

/** This module's own rules: which rows each erases at `now`. */
const OWN_RULES = {
  sessions: (db: Executor, now: Date) => repo.listExpiredSessions(db, now.toISOString()),
  'user-tokens': (db: Executor, now: Date) => repo.listSpentUserTokens(db, now.toISOString()),
  'api-tokens': (db: Executor, now: Date, days: number) =>
    repo.listOldApiTokens(db, before(now, days)),
  'login-attempts': (db: Executor, now: Date, days: number) =>
    repo.listOldLoginAttempts(db, before(now, days)),
  'mail-outbox': (db: Executor, now: Date, days: number) =>
    repo.listOldOutboxMails(db, before(now, days)),
} as const;
type OwnRule = keyof typeof OWN_RULES;
const OWN_TABLE: Record<
  OwnRule,
  'session' | 'user_token' | 'api_token' | 'login_attempt' | 'mail_outbox'
> = {
  sessions: 'session',
  'user-tokens': 'user_token',
  'api-tokens': 'api_token',
  'login-attempts': 'login_attempt',
  'mail-outbox': 'mail_outbox',
};

/** The ids a rule erases at `now`: the very query its job runs. */
async function dueIds(
  db: Executor,
  rule: RetentionRuleId,
  now: Date,
  days: number,
): Promise<string[]> {
  switch (rule) {
    case 'delegate-logistics':
      return (await membersPastRetention(db, now, days)).map((r) => r.id);
    case 'newsletter-subscribers':
      return subscribersPastRetention(db, now, days);
    default:
      return (await OWN_RULES[rule](db, now, days)).map((r) => r.id);
  }
}

/**
 * The dry run: what every retention rule (this module's and the meetings' and newsletter's)
 * would erase if its job ran at `now`. Changes nothing.
 */
export async function retentionDryRun(
  db: Db,
  now: Date,
  config: Config | undefined,
): Promise<RetentionRuleResult[]> {
  const days = ruleDays(config);
  const out: RetentionRuleResult[] = [];
  for (const rule of RETENTION_RULES) {
    const ids = await dueIds(db.kysely, rule, now, days[rule]);
    out.push({
      rule,
      job: RULE_JOB[rule],
      table: RULE_TABLE[rule],
      days: days[rule],
      items: ids.map((id) => ({ rule, job: RULE_JOB[rule], table: RULE_TABLE[rule], id })),
    });
  }
  return out;
}

const RETENTION_ACTOR: Actor = { userId: null, label: 'job:privacy-retention', ip: null };

/**
 * This module's job: deletes the expired sessions, the spent reset and invitation links,
 * old API tokens, login attempts and outbox mails, in one transaction; one audit event per
 * rule that deleted anything (the number, never the rows).
 */
export async function applyOwnRetention(
  db: Db,
  now: Date,
  config: Config | undefined,
): Promise<Record<OwnRule, number>> {
  const days = ruleDays(config);
  return db.kysely.transaction().execute(async (trx) => {
    const counts = {} as Record<OwnRule, number>;
    for (const rule of Object.keys(OWN_RULES) as OwnRule[]) {
      const ids = (await OWN_RULES[rule](trx, now, days[rule])).map((r) => r.id);
      const deleted = await repo.deleteByIds(trx, OWN_TABLE[rule], ids);
      counts[rule] = deleted;
      if (deleted > 0)
        await recordAudit(trx, RETENTION_ACTOR, {
          entity: OWN_TABLE[rule],
          entityId: null,
          action: 'privacy.retention',
          changes: fromNothing({
            rule,
            deleted,
            retentionDays: days[rule],
          }),
        });
    }
    return counts;
  });
}
