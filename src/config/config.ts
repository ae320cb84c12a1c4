import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { z } from 'zod';

/** Where the database lives: `sqlite:PATH`, `sqlite::memory:` or a PostgreSQL URL. */
export type DatabaseTarget =
  { dialect: 'sqlite'; path: string } | { dialect: 'postgres'; url: string };

export function parseDatabaseUrl(value: string): DatabaseTarget | null {
  if (value.startsWith('sqlite:')) {
    const path = value.slice('sqlite:'.length);
    return path.length > 0 ? { dialect: 'sqlite', path } : null;
  }
  if (/^postgres(ql)?:\/\//.test(value)) {
    try {
      const url = new URL(value);
      if (!url.hostname && !url.searchParams.get('host')) return null;
      return { dialect: 'postgres', url: value };
    } catch {
      return null;
    }
  }
  return null;
}

/**
 * A setting written in digits: `digits` says what may be written (a whole number unless it
 * says otherwise) and `message` what is wrong when it is not; `min` and `max` bound the
 * number, with `outside` as what is wrong beyond them (`message` unless given).
 */
function numberSetting(
  fallback: number,
  message: string,
  bounds: { digits?: RegExp; min?: number; max?: number; outside?: string } = {},
) {
  const { digits = /^\d+$/, min, max, outside = message } = bounds;
  const read = z.string().regex(digits, message).transform(Number);
  const bounded =
    min === undefined && max === undefined
      ? read
      : read.refine((n) => n >= (min ?? -Infinity) && n <= (max ?? Infinity), outside);
  return bounded.default(fallback);
}

/**
 * A whole number of `units` (`[one, many]`) of at most `maxDigits` digits, and at least
 * `least` when given: "must be a whole number of days (e.g. 90)", "must be at least 1 hour".
 */
function countSetting(
  fallback: number,
  [one, many]: readonly [string, string],
  maxDigits: number,
  least?: number,
) {
  const digits = new RegExp(`^\\d{1,${maxDigits}}$`);
  const message = `must be a whole number of ${many} (e.g. ${fallback})`;
  if (least === undefined) return numberSetting(fallback, message, { digits });
  const outside = `must be at least ${least} ${least === 1 ? one : many}`;
  return numberSetting(fallback, message, { digits, min: least, outside });
}

const DAYS = ['day', 'days'] as const;

/** A decimal number: hours or days, which may be fractions. */
const DECIMAL = /^\d+(\.\d+)?$/;

const PER_MINUTE = 'must be a whole number of requests a minute (0 turns the limit off)';

/**
 * Case numbers (diarienummer) the register accepts, as regular expressions separated by
 * semicolons: today's form (SLK-2023-01047) and the older one (0263/20).
 */
export const DEFAULT_CASE_NUMBER_PATTERNS = ['[A-ZÅÄÖ]{2,6}-\\d{4}-\\d{3,6}', '\\d{3,5}/\\d{2}'];

/** One class of the classification plan (klassificeringsstruktur): its code and Swedish title. */
export interface PlanClass {
  code: string;
  title: string;
}

const planSchema = z
  .array(
    z.object({
      code: z.string().regex(/^\d{1,2}(\.\d{1,3}){0,4}$/, 'a code like 1.4.2'),
      title: z.string().trim().min(1).max(200),
    }),
  )
  .min(1)
  .max(500)
  .refine((plan) => new Set(plan.map((c) => c.code)).size === plan.length, 'a code twice');

/** Reads a classification plan file: a JSON array of { "code": "1.4.2", "title": "…" }. */
function readPlanFile(path: string, ctx: z.RefinementCtx): PlanClass[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    ctx.addIssue({
      code: 'custom',
      message: `must name a readable JSON file (${(error as Error).message.slice(0, 200)})`,
    });
    return z.NEVER;
  }
  const plan = planSchema.safeParse(parsed);
  if (!plan.success) {
    ctx.addIssue({
      code: 'custom',
      message: `must hold a JSON array of { "code": "1.4.2", "title": "…" } with distinct codes (${plan.error.issues
        .map((i) => `${i.path.join('.')}: ${i.message}`)
        .join('; ')
        .slice(0, 300)})`,
    });
    return z.NEVER;
  }
  return plan.data;
}

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1, 'must not be empty').default('127.0.0.1'),
  PORT: numberSetting(3000, 'must be a whole number from 0 to 65535 (0 picks a free port)', {
    min: 0,
    max: 65535,
  }),
  DATABASE_URL: z
    .string()
    .default('sqlite:data/vanort.sqlite')
    .transform((value, ctx) => {
      const target = parseDatabaseUrl(value);
      if (!target) {
        ctx.addIssue({
          code: 'custom',
          message:
            'must be sqlite:PATH (e.g. sqlite:data/vanort.sqlite) or postgres://user:password@host:port/database',
        });
        return z.NEVER;
      }
      return target;
    }),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DEMO_DATA: z.enum(['auto', 'on', 'off']).default('auto'),
  SCHEDULER: z.enum(['on', 'off']).default('on'),
  MIGRATE_ON_START: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  PUBLIC_URL: z.url({ message: 'must be an absolute http(s) URL' }).optional(),
  FEEDBACK_EMAIL: z.email({ message: 'must be an e-mail address' }).default('goteborg@goteborg.se'),
  OPEN_DATA_CONTACT_EMAIL: z
    .email({ message: 'must be an e-mail address' })
    .default('stadsledningskontoret@stadshuset.goteborg.se'),
  SMTP_URL: z
    .string()
    .refine((value) => {
      try {
        const url = new URL(value);
        return (url.protocol === 'smtp:' || url.protocol === 'smtps:') && url.hostname !== '';
      } catch {
        return false;
      }
    }, 'must be smtp://user:password@host:port or smtps://user:password@host:port (leave unset to keep mail in the database outbox)')
    .optional(),
  MAIL_FROM: z
    .email({ message: 'must be an e-mail address' })
    .default('vanortsportalen@goteborg.se'),
  PAGE_CACHE_TTL_MS: numberSetting(
    5000,
    'must be a whole number of milliseconds (0 turns the cache off)',
  ),
  COOKIE_SECRET: z.string().min(32, 'must be at least 32 characters of random text').optional(),
  API_RATE_LIMIT: numberSetting(300, PER_MINUTE),
  LOGIN_RATE_LIMIT: numberSetting(20, PER_MINUTE),
  RESET_RATE_LIMIT: numberSetting(10, PER_MINUTE),
  TRUST_PROXY: z
    .string()
    .default('off')
    .transform((value, ctx): false | number | string => {
      const v = value.trim();
      if (v === '' || v === 'off' || v === 'false') return false;
      if (/^\d{1,2}$/.test(v) && Number(v) > 0) return Number(v);
      const parts = v.split(',').map((p) => p.trim());
      if (parts.every((p) => isIP(p.split('/')[0]!) !== 0 && /^[^/]+(\/\d{1,3})?$/.test(p))) {
        return parts.join(',');
      }
      ctx.addIssue({
        code: 'custom',
        message:
          "must be off, a number of proxy hops (e.g. 1), or the proxies' addresses or ranges (e.g. 10.0.0.5,10.1.0.0/16)",
      });
      return z.NEVER;
    }),
  SESSION_IDLE_HOURS: numberSetting(8, 'must be a number of hours', { digits: DECIMAL }),
  SESSION_MAX_DAYS: numberSetting(7, 'must be a number of days', { digits: DECIMAL }),
  OIDC_ISSUER: z.url({ message: 'must be the issuer URL of the OpenID provider' }).optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_ROLE_MAPPING: z.string().optional(),
  CASE_NUMBER_PATTERNS: z
    .string()
    .default(DEFAULT_CASE_NUMBER_PATTERNS.join(';'))
    .transform((value, ctx) => {
      const patterns: RegExp[] = [];
      for (const source of value
        .split(';')
        .map((p) => p.trim())
        .filter(Boolean)) {
        try {
          patterns.push(new RegExp(`^(?:${source})$`, 'u'));
        } catch {
          ctx.addIssue({ code: 'custom', message: `is not a valid regular expression: ${source}` });
          return z.NEVER;
        }
      }
      if (patterns.length === 0) {
        ctx.addIssue({ code: 'custom', message: 'must name at least one pattern' });
        return z.NEVER;
      }
      return patterns;
    }),
  DELEGATION_RETENTION_DAYS: countSetting(90, DAYS, 5),
  // Evaluation (src/modules/evaluation, P10): months after the meeting's last day it is due.
  EVALUATION_DUE_MONTHS: numberSetting(
    3,
    'must be a whole number of months from 1 to 24 (e.g. 3)',
    {
      digits: /^(?:[1-9]|1[0-9]|2[0-4])$/,
    },
  ),
  // Newsletter (src/modules/newsletter).
  NEWSLETTER_CONFIRM_HOURS: countSetting(48, ['hour', 'hours'], 4, 1),
  NEWSLETTER_RETENTION_DAYS: countSetting(30, DAYS, 5),
  NEWSLETTER_SEND_RATE: countSetting(120, ['mail a minute', 'mails a minute'], 6, 1),
  NEWSLETTER_BATCH_SIZE: countSetting(20, ['mail', 'mails'], 5, 1),
  NEWSLETTER_MAX_ATTEMPTS: numberSetting(
    3,
    'must be a whole number of attempts from 1 to 99 (e.g. 3)',
    {
      digits: /^\d{1,2}$/,
      min: 1,
      outside: 'must be at least 1 attempt',
    },
  ),
  NEWSLETTER_RATE_LIMIT: numberSetting(10, PER_MINUTE),
  RECORDS_CLASSIFICATION_PLAN: z
    .string()
    .optional()
    .transform((path, ctx) => (path === undefined ? undefined : readPlanFile(path, ctx))),
  CHROMIUM_PATH: z.string().min(1, 'must not be empty').default('/usr/bin/chromium'),
  PDF_TIMEOUT_MS: countSetting(30000, ['millisecond', 'milliseconds'], 6, 1000),
  SHUTDOWN_TIMEOUT_MS: numberSetting(10000, 'must be a whole number of milliseconds'),
  // Operations (docs/operations.md, decision 041).
  METRICS_TOKEN: z
    .string()
    .min(32, 'must be at least 32 characters of random text (or unset: /metrics only on loopback)')
    .regex(
      /^[\x21-\x7e]+$/,
      'must be printable ASCII without spaces (it is sent as a Bearer token)',
    )
    .optional(),
  DATABASE_POOL_MAX: numberSetting(
    10,
    'must be a whole number of connections from 1 to 100 (e.g. 10)',
    {
      digits: /^\d{1,3}$/,
      min: 1,
      max: 100,
    },
  ),
});

/** Every environment variable the portal reads (docs/operations.md names each; a test checks). */
export const ENVIRONMENT_VARIABLES: readonly string[] = Object.keys(envSchema.shape);

export type Config = Readonly<{
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  database: DatabaseTarget;
  logLevel: string;
  demoData: 'auto' | 'on' | 'off';
  migrateOnStart: boolean;
  publicUrl: string | undefined;
  /** Whether this instance runs the scheduled jobs (reminders, retention). */
  schedulerEnabled: boolean;
  shutdownTimeoutMs: number;
  /** Who may read /metrics besides loopback: `Authorization: Bearer <token>` (unset: nobody). */
  metricsToken: string | undefined;
  /** Connections each instance's PostgreSQL pool opens at most (ignored on SQLite). */
  databasePoolMax: number;
  feedbackEmail: string;
  /** The open-data catalogue's contact point: an e-mail of the office, never of a person. */
  openDataContactEmail: string;
  pageCacheTtlMs: number;
  /**
   * Whom `X-Forwarded-For` is believed from (Fastify's trustProxy): off (the default, the
   * connection's address counts), a hop count, or the proxies' addresses.
   */
  trustProxy: false | number | string;
  /** Requests a minute one address may make to the open API (0: no limit). */
  apiRateLimit: number;
  /**
   * Posts a minute one address may make to the login form, and to the two-step code form
   * (each its own count; 0: no limit).
   */
  loginRateLimit: number;
  /** Posts a minute one address may make to the form asking for a reset link (0: no limit). */
  resetRateLimit: number;
  smtpUrl: string | undefined;
  mailFrom: string;
  cookieSecret: string | undefined;
  sessionIdleMs: number;
  sessionMaxAgeMs: number;
  caseNumberPatterns: readonly RegExp[];
  /** The classification plan of public records (undefined: the records module's default). */
  classificationPlan: readonly PlanClass[] | undefined;
  /** The evaluation report's PDF: the Chromium it is printed with, and the longest a print may take. */
  pdf: Readonly<{ chromiumPath: string; timeoutMs: number }>;
  /** Days after a meeting when the delegation members' private logistics are erased. */
  delegationRetentionDays: number;
  /** Months after a Gothenburg-hosted meeting's last day when its evaluation is due (P10). */
  evaluationDueMonths: number;
  /** The newsletter: links, retention, sending rate and the subscription form's limit. */
  newsletter: Readonly<{
    /** Hours a confirmation link works. */
    confirmHours: number;
    /** Days an unsubscribed (or never confirmed) address is kept before it is deleted. */
    retentionDays: number;
    /** Mails a minute the sending job sends at most. */
    ratePerMinute: number;
    /** Mails claimed and sent together. */
    batchSize: number;
    /** Attempts per recipient before a temporary failure counts as failed. */
    maxAttempts: number;
    /** Posts a minute one address may make to the subscription form (0: no limit). */
    formRateLimit: number;
  }>;
  oidc:
    | { issuer: string; clientId: string; clientSecret: string; roleMapping: string | undefined }
    | undefined;
}>;

export class ConfigError extends Error {
  constructor(public readonly problems: { variable: string; message: string }[]) {
    super(
      'Invalid configuration:\n' + problems.map((p) => `  ${p.variable}: ${p.message}`).join('\n'),
    );
    this.name = 'ConfigError';
  }
}

/** Reads and checks the environment once; throws ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings count as unset, as in most .env conventions.
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ''),
  );
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => ({
        variable: String(issue.path[0] ?? '(environment)'),
        message: issue.message,
      })),
    );
  }
  const e = result.data;
  const oidcSet = [e.OIDC_ISSUER, e.OIDC_CLIENT_ID, e.OIDC_CLIENT_SECRET].filter(Boolean).length;
  if (oidcSet > 0 && oidcSet < 3) {
    throw new ConfigError(
      (['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const)
        .filter((v) => !e[v])
        .map((variable) => ({
          variable,
          message:
            'must be set too: single sign-on needs OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET',
        })),
    );
  }
  // What production refuses, in this order; the first one found is the error.
  const refused = [
    {
      variable: 'PUBLIC_URL',
      wrong: !e.PUBLIC_URL,
      message:
        'must be set when NODE_ENV=production (links in e-mails are built from it, never from the request)',
    },
    {
      variable: 'COOKIE_SECRET',
      wrong: !e.COOKIE_SECRET,
      message:
        'must be set when NODE_ENV=production (at least 32 random characters, the same on every instance)',
    },
    {
      variable: 'DEMO_DATA',
      wrong: e.DEMO_DATA === 'on',
      message:
        'must not be "on" when NODE_ENV=production (demo data is never seeded in production)',
    },
  ].find((rule) => rule.wrong);
  if (e.NODE_ENV === 'production' && refused) {
    throw new ConfigError([{ variable: refused.variable, message: refused.message }]);
  }
  return Object.freeze({
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    database: e.DATABASE_URL,
    logLevel: e.LOG_LEVEL,
    demoData: e.DEMO_DATA,
    migrateOnStart: e.MIGRATE_ON_START,
    publicUrl: e.PUBLIC_URL,
    schedulerEnabled: e.SCHEDULER === 'on',
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    metricsToken: e.METRICS_TOKEN,
    databasePoolMax: e.DATABASE_POOL_MAX,
    feedbackEmail: e.FEEDBACK_EMAIL,
    openDataContactEmail: e.OPEN_DATA_CONTACT_EMAIL,
    pageCacheTtlMs: e.PAGE_CACHE_TTL_MS,
    cookieSecret: e.COOKIE_SECRET,
    trustProxy: e.TRUST_PROXY,
    apiRateLimit: e.API_RATE_LIMIT,
    loginRateLimit: e.LOGIN_RATE_LIMIT,
    resetRateLimit: e.RESET_RATE_LIMIT,
    sessionIdleMs: e.SESSION_IDLE_HOURS * 3600_000,
    sessionMaxAgeMs: e.SESSION_MAX_DAYS * 86400_000,
    caseNumberPatterns: e.CASE_NUMBER_PATTERNS,
    classificationPlan: e.RECORDS_CLASSIFICATION_PLAN,
    pdf: Object.freeze({ chromiumPath: e.CHROMIUM_PATH, timeoutMs: e.PDF_TIMEOUT_MS }),
    delegationRetentionDays: e.DELEGATION_RETENTION_DAYS,
    evaluationDueMonths: e.EVALUATION_DUE_MONTHS,
    newsletter: Object.freeze({
      confirmHours: e.NEWSLETTER_CONFIRM_HOURS,
      retentionDays: e.NEWSLETTER_RETENTION_DAYS,
      ratePerMinute: e.NEWSLETTER_SEND_RATE,
      batchSize: e.NEWSLETTER_BATCH_SIZE,
      maxAttempts: e.NEWSLETTER_MAX_ATTEMPTS,
      formRateLimit: e.NEWSLETTER_RATE_LIMIT,
    }),
    oidc:
      e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET
        ? {
            issuer: e.OIDC_ISSUER,
            clientId: e.OIDC_CLIENT_ID,
            clientSecret: e.OIDC_CLIENT_SECRET,
            roleMapping: e.OIDC_ROLE_MAPPING,
          }
        : undefined,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
  });
}
