import type { Config } from '../../config/config.ts';
import { qualified } from '../../db/qualified.ts';
import { DELEGATE_FIELDS, DELEGATION_RETENTION_DEFAULT_DAYS } from '../meetings/index.ts';

/**
 * The register of personal data (GDPR art. 30): every kind of personal data the system
 * holds, where (tables), why (the legal basis of art. 6), and how long. One typed source:
 * the public page `/privacy`, the person's export and the retention dry run all read it.
 * The texts (what, purpose, source, who sees it, how long) are the messages
 * `privacy.kind.<id>.*` in the five catalogues.
 */

/** GDPR art. 6(1): (a) consent, (c) legal obligation, (e) public task. */
export type LegalBasis = 'a' | 'c' | 'e';

/**
 * The retention rules: each erases one kind of record when it is due, in a scheduled job.
 * `delegate-logistics` and `newsletter-subscribers` are the meetings' and the newsletter's own
 * rules and jobs (reused, not redefined); the others are this module's job `privacy-retention`.
 */
export const RETENTION_RULES = [
  'sessions',
  'user-tokens',
  'api-tokens',
  'login-attempts',
  'mail-outbox',
  'delegate-logistics',
  'newsletter-subscribers',
] as const;
export type RetentionRuleId = (typeof RETENTION_RULES)[number];

/** The job that applies each rule. */
export const RULE_JOB: Record<RetentionRuleId, string> = {
  sessions: 'privacy-retention',
  'user-tokens': 'privacy-retention',
  'api-tokens': 'privacy-retention',
  'login-attempts': 'privacy-retention',
  'mail-outbox': 'privacy-retention',
  'delegate-logistics': 'delegation-retention',
  'newsletter-subscribers': 'newsletter-retention',
};

/** The table (and, for an erasure of some columns, what) each rule removes from. */
export const RULE_TABLE: Record<RetentionRuleId, string> = {
  sessions: 'session',
  'user-tokens': 'user_token',
  'api-tokens': 'api_token',
  'login-attempts': 'login_attempt',
  'mail-outbox': 'mail_outbox',
  'delegate-logistics': 'delegation_member',
  'newsletter-subscribers': 'newsletter_subscriber',
};

/** Days this module keeps its records after they are spent (fixed; docs/privacy.md). */
export const LOGIN_ATTEMPT_DAYS = 90;
export const API_TOKEN_DAYS = 90;
export const OUTBOX_DAYS = 90;

/**
 * How many days after its starting point each rule erases a record (0: at once): the
 * meetings' and the newsletter's from the configuration, as their jobs read it.
 */
export type RuleDays = Record<RetentionRuleId, number>;

export function ruleDays(config: Config | undefined): RuleDays {
  return {
    sessions: 0,
    'user-tokens': 0,
    'api-tokens': API_TOKEN_DAYS,
    'login-attempts': LOGIN_ATTEMPT_DAYS,
    'mail-outbox': OUTBOX_DAYS,
    'delegate-logistics': config?.delegationRetentionDays ?? DELEGATION_RETENTION_DEFAULT_DAYS,
    'newsletter-subscribers': config?.newsletter.retentionDays ?? 30,
  };
}

export const KINDS = [
  'account',
  'mfa',
  'sessions',
  'loginAttempts',
  'tokens',
  'delegates',
  'contacts',
  'subscribers',
  'outbox',
  'audit',
  'authorship',
] as const;
export type KindId = (typeof KINDS)[number];

export interface RegisterEntry {
  id: KindId;
  /** Where the data is held: tables, or `table.column` for some columns of a table. */
  places: readonly string[];
  basis: LegalBasis;
  /** The retention rules that erase it; none: kept as the entry's text says. */
  rules: readonly RetentionRuleId[];
  /** Part of a public record (allmän handling): never erased on request, only as the archive rules say. */
  publicRecord: boolean;
}

export const REGISTER: readonly RegisterEntry[] = [
  {
    id: 'account',
    places: [
      'app_user.name',
      'app_user.email',
      'app_user.language',
      'app_user.last_login_at',
      'user_role',
    ],
    basis: 'e',
    rules: [],
    publicRecord: false,
  },
  {
    id: 'mfa',
    places: ['app_user.totp_secret', 'app_user.oidc_subject'],
    basis: 'e',
    rules: [],
    publicRecord: false,
  },
  { id: 'sessions', places: ['session'], basis: 'e', rules: ['sessions'], publicRecord: false },
  {
    id: 'loginAttempts',
    places: ['login_attempt'],
    basis: 'e',
    rules: ['login-attempts'],
    publicRecord: false,
  },
  {
    id: 'tokens',
    places: ['user_token', 'api_token'],
    basis: 'e',
    rules: ['user-tokens', 'api-tokens'],
    publicRecord: false,
  },
  {
    id: 'delegates',
    places: qualified('delegation_member', DELEGATE_FIELDS),
    basis: 'e',
    rules: ['delegate-logistics'],
    publicRecord: true,
  },
  {
    id: 'contacts',
    places: [
      'collaboration.contact_name',
      'collaboration.contact_email',
      'city.contact_name',
      'city.contact_email',
      'city_suggestion.changes',
      'organisation.email',
    ],
    basis: 'e',
    rules: [],
    publicRecord: false,
  },
  {
    id: 'subscribers',
    places: ['newsletter_subscriber', 'newsletter_delivery'],
    basis: 'a',
    rules: ['newsletter-subscribers'],
    publicRecord: false,
  },
  {
    id: 'outbox',
    places: ['mail_outbox'],
    basis: 'e',
    rules: ['mail-outbox'],
    publicRecord: false,
  },
  { id: 'audit', places: ['audit_event'], basis: 'c', rules: [], publicRecord: true },
  {
    id: 'authorship',
    places: [
      'council_decision.recorded_by',
      'proposal.created_by',
      'news_item.created_by',
      'news_item.updated_by',
      'evaluation_owner',
      'evaluation_comment',
      'evaluation_version.approved_by',
      'evaluation_version.published_by',
      'collaboration.created_by',
      'exchange.created_by',
      'meeting_document.created_by',
      'delegation.confirmed_by',
      'host_plan_task.owner_user_id',
      'city_suggestion.submitted_by',
      'city_suggestion.reviewed_by',
    ],
    basis: 'e',
    rules: [],
    publicRecord: true,
  },
];
