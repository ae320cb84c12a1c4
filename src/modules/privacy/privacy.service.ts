import { createHash } from 'node:crypto';
import type { Config } from '../../config/config.ts';
import type { Db, Executor } from '../../db/database.ts';
import { nowIso } from '../../shared/dates.ts';
import { errors } from '../../shared/errors.ts';
import { parseOrThrow } from '../../shared/validation.ts';
import { fromNothing, recordAudit, type Actor } from '../audit/index.ts';
import { correctCityContact } from '../cities/index.ts';
import { eraseMemberLogistics } from '../meetings/index.ts';
import { eraseSubscriberOf, exportSubscription, subscriptionTokenOf } from '../newsletter/index.ts';
import * as repo from './privacy.repository.ts';
import type { KindId } from './privacy.register.ts';
import { correctForm, eraseForm, personExportForm, type PersonQuery } from './privacy.schema.ts';

/**
 * A person's data: everything the system holds about one person, found by their account
 * (the address), by the address among contacts, subscribers and outgoing mail, and — only
 * when an administrator gives the name — among delegation members, who have no address on
 * record. Secrets (password hashes, the two-step secret, token hashes) are never exported:
 * only that they exist.
 */
export async function personData(db: Db, query: PersonQuery, config?: Config) {
  const k = db.kysely;
  const { email, name } = query;
  const account = (await repo.findAccountByEmail(k, email)) ?? null;
  const userId = account?.id ?? null;
  const ofUser = <T>(read: (id: string) => Promise<T[]>): Promise<T[]> =>
    userId ? read(userId) : Promise.resolve([]);
  // Independent reads, run together (several connections on PostgreSQL).
  const [
    token,
    roles,
    sessions,
    links,
    apiTokens,
    loginAttempts,
    audit,
    authored,
    evaluationComments,
    collaborations,
    cities,
    suggestions,
    organisations,
    delegates,
    outbox,
  ] = await Promise.all([
    subscriptionTokenOf(k, email),
    ofUser((id) => repo.listRoles(k, id)),
    ofUser((id) => repo.listSessions(k, id)),
    ofUser((id) => repo.listUserTokens(k, id)),
    ofUser((id) => repo.listApiTokens(k, id)),
    repo.listLoginAttempts(k, email),
    repo.listAuditOf(k, userId, email),
    ofUser((id) => repo.listAuthored(k, id)),
    ofUser((id) => repo.listEvaluationComments(k, id)),
    repo.listCollaborationContacts(k, email),
    repo.listCityContacts(k, email),
    repo.listCitySuggestions(k),
    repo.listOrganisationAddresses(k, email),
    name === '' ? Promise.resolve([]) : repo.listDelegateRecords(k, name),
    repo.listOutboxMails(k, email),
  ]);
  const newsletter = token
    ? await exportSubscription(db, token, config?.newsletter.retentionDays)
    : null;
  return {
    subject: { email, name: name === '' ? null : name },
    account: account && {
      email: account.email,
      name: account.name,
      language: account.language,
      active: account.active === 1,
      twoStepVerification: account.totp_enabled === 1,
      singleSignOn: account.oidc_subject !== null,
      lastLoginAt: account.last_login_at,
      createdAt: account.created_at,
      updatedAt: account.updated_at,
    },
    roles,
    sessions,
    links,
    apiTokens,
    loginAttempts: loginAttempts.map((a) => ({ ...a, succeeded: Number(a.succeeded) === 1 })),
    audit: audit.map((e) => ({ ...e, changes: JSON.parse(e.changes) as unknown })),
    authored,
    evaluationComments,
    contacts: {
      collaborations,
      cities,
      citySuggestions: suggestedContacts(suggestions, email),
      organisations,
    },
    delegates,
    newsletter,
    outbox,
  };
}
export type PersonData = Awaited<ReturnType<typeof personData>>;

/**
 * The suggestions (cities module) whose change of the city's contact names the address, with
 * only that change: the rest of a suggestion is the city's facts, not the person's.
 */
function suggestedContacts(rows: { id: string; slug: string; changes: string }[], email: string) {
  type Change = { before?: string | null; after?: string | null };
  return rows.flatMap((r) => {
    const changes = JSON.parse(r.changes) as Record<string, Change | undefined>;
    const address = changes.contactEmail;
    const names = (v: Change | undefined) => [v?.before ?? '', v?.after ?? ''];
    if (!names(address).some((a) => a.trim().toLowerCase() === email)) return [];
    return [
      {
        id: r.id,
        slug: r.slug,
        contact_email: address ?? null,
        contact_name: changes.contactName ?? null,
      },
    ];
  });
}

/** Whether the system holds anything at all about the person. */
export function holdsAnything(d: PersonData): boolean {
  return (
    d.account !== null ||
    d.loginAttempts.length > 0 ||
    d.audit.length > 0 ||
    d.contacts.collaborations.length +
      d.contacts.cities.length +
      d.contacts.citySuggestions.length +
      d.contacts.organisations.length >
      0 ||
    d.delegates.length > 0 ||
    d.newsletter !== null ||
    d.outbox.length > 0
  );
}

/**
 * The export a person gets (from an administrator, or their own from `/account/data`): their
 * data, made into a file by `produce` (JSON or the printed PDF), then audited as who exported
 * whose data in which format (only once the file exists).
 */
export async function exportPersonData<T>(
  db: Db,
  actor: Actor,
  input: unknown,
  produce: (data: PersonData & { producedAt: string }, format: 'json' | 'pdf') => Promise<T> | T,
  config?: Config,
): Promise<T> {
  const { format, ...query } = parseOrThrow(personExportForm, input);
  const data = await personData(db, query, config);
  const file = await produce({ ...data, producedAt: nowIso() }, format);
  const account = await repo.findAccountByEmail(db.kysely, query.email);
  await recordAudit(db.kysely, actor, {
    entity: 'person',
    entityId: account?.id ?? null,
    action: 'privacy.export',
    changes: fromNothing({
      subject: query.email,
      ...(query.name ? { name: query.name } : {}),
      format,
    }),
  });
  return file;
}

/**
 * How the audit log names the person a correction or an erasure was about: a fingerprint of
 * the address, never the address itself (the log must not keep what an erasure removes), so
 * that a later question "was my data erased?" can still be answered from the log.
 */
export function subjectFingerprint(email: string): string {
  return `sha256:${createHash('sha256').update(email.trim().toLowerCase()).digest('hex').slice(0, 16)}`;
}

/**
 * Audits a correction or an erasure (`action`) as done to the person `email` names, on
 * their account if they have one, with what it did (`values`).
 */
function auditPersonChange(
  trx: Executor,
  actor: Actor,
  action: string,
  email: string,
  account: { id: string } | undefined,
  values: Record<string, unknown>,
): Promise<void> {
  return recordAudit(trx, actor, {
    entity: 'person',
    entityId: account?.id ?? null,
    action,
    changes: fromNothing({ subject: subjectFingerprint(email), ...values }),
  });
}

// ---- Correction ----------------------------------------------------------------------

export interface CorrectionLine {
  kind: KindId;
  /** The places changed (or, with a reason, left as they are). */
  count: number;
  fields: string[];
  reason: 'privacy.correct.subscriber' | 'privacy.correct.organisation' | null;
}

/**
 * Corrects a person's name, address and phone number wherever they are held: the account,
 * the contacts of collaborations and cities, and (by name) delegation members' names and
 * phone numbers. One transaction; one audit event per record changed, naming the fields (the
 * values are personal data and stay out of the log). A newsletter address is not changed (a
 * wrong address cannot have confirmed), nor an organisation's functional address.
 */
export async function correctPersonData(
  db: Db,
  actor: Actor,
  input: unknown,
): Promise<CorrectionLine[]> {
  const v = parseOrThrow(correctForm, input);
  const at = nowIso();
  return db.kysely.transaction().execute(async (trx) => {
    const lines: CorrectionLine[] = [];
    const audit = (entity: string, id: string, fields: string[]) =>
      recordAudit(trx, actor, {
        entity,
        entityId: id,
        action: 'privacy.correct',
        changes: { corrected: { before: null, after: fields.join(', ') } },
      });
    const account = await repo.findAccountByEmail(trx, v.email);
    if (account && (v.newName || v.newEmail)) {
      if (v.newEmail && (await repo.emailTakenByOther(trx, v.newEmail, account.id)))
        throw errors.validation([{ path: 'newEmail', message: 'privacy.err.emailTaken' }]);
      const set = {
        ...(v.newName ? { name: v.newName } : {}),
        ...(v.newEmail ? { email: v.newEmail } : {}),
      };
      await repo.updateAccount(trx, account.id, set, at);
      await audit('user', account.id, Object.keys(set));
      lines.push({ kind: 'account', count: 1, fields: Object.keys(set), reason: null });
    }
    const contactSet = {
      ...(v.newName ? { contact_name: v.newName } : {}),
      ...(v.newEmail ? { contact_email: v.newEmail } : {}),
    };
    const contactFields = Object.keys(contactSet);
    let contacts = 0;
    if (contactFields.length > 0) {
      for (const c of await repo.listCollaborationContacts(trx, v.email)) {
        await repo.updateCollaborationContact(trx, c.id, contactSet, at);
        await audit('collaboration', c.id, contactFields);
        contacts++;
      }
      for (const c of await repo.listCityContacts(trx, v.email)) {
        await correctCityContact(trx, c.id, contactSet);
        await audit('city', c.id, contactFields);
        contacts++;
      }
    }
    if (contacts > 0)
      lines.push({ kind: 'contacts', count: contacts, fields: contactFields, reason: null });
    if (v.name && (v.newName || v.newPhone)) {
      let delegates = 0;
      const fields = new Set<string>();
      for (const m of await repo.listDelegateRecords(trx, v.name)) {
        // A phone number is corrected only while the logistics are kept (not yet erased).
        const set = {
          ...(v.newName ? { name: v.newName } : {}),
          ...(v.newPhone && m.logistics_erased_at === null ? { phone: v.newPhone } : {}),
        };
        if (Object.keys(set).length === 0) continue;
        await repo.updateDelegate(trx, m.id, set, at);
        await audit('delegation_member', m.id, Object.keys(set));
        for (const f of Object.keys(set)) fields.add(f);
        delegates++;
      }
      if (delegates > 0)
        lines.push({ kind: 'delegates', count: delegates, fields: [...fields], reason: null });
    }
    if (v.newEmail && (await subscriptionTokenOf(trx, v.email)))
      lines.push({
        kind: 'subscribers',
        count: 1,
        fields: [],
        reason: 'privacy.correct.subscriber',
      });
    const organisations = await repo.listOrganisationAddresses(trx, v.email);
    if (v.newEmail && organisations.length > 0)
      lines.push({
        kind: 'contacts',
        count: organisations.length,
        fields: [],
        reason: 'privacy.correct.organisation',
      });
    await auditPersonChange(trx, actor, 'privacy.correct', v.email, account, {
      places: lines.filter((l) => !l.reason).reduce((n, l) => n + l.count, 0),
    });
    return lines;
  });
}

// ---- Erasure -------------------------------------------------------------------------

export type KeptReason =
  | 'privacy.kept.account'
  | 'privacy.kept.audit'
  | 'privacy.kept.authorship'
  | 'privacy.kept.delegate'
  | 'privacy.kept.organisation';

export interface ErasureLine {
  kind: KindId;
  outcome: 'removed' | 'kept';
  count: number;
  /** Why it is kept: the public record it belongs to, or the rule that keeps it. */
  reason: KeptReason | null;
}

/** The records a delegate's private logistics are still held in. */
const withLogistics = (d: PersonData['delegates'][number]) =>
  d.logistics_erased_at === null &&
  [d.dietary_needs, d.access_needs, d.travel, d.phone].some((v) => v !== null);

/**
 * What an erasure removes and what it keeps, and why. First the public records: the audit
 * log (kept by law), the records the person wrote, decided or approved (council decisions,
 * published reports and news name who made them), and the delegation lists of meetings
 * (public: name, role and party stay); then the rest goes.
 */
export function erasurePlan(d: PersonData): ErasureLine[] {
  const lines: ErasureLine[] = [];
  const add = (
    kind: KindId,
    outcome: ErasureLine['outcome'],
    count: number,
    reason: KeptReason | null = null,
  ) => {
    if (count > 0) lines.push({ kind, outcome, count, reason });
  };
  if (d.account) {
    add('account', 'kept', 1, 'privacy.kept.account');
    add('mfa', 'removed', d.account.twoStepVerification || d.account.singleSignOn ? 1 : 0);
  }
  add('sessions', 'removed', d.sessions.length);
  add('tokens', 'removed', d.links.length + d.apiTokens.length);
  add('loginAttempts', 'removed', d.loginAttempts.length);
  add('subscribers', 'removed', d.newsletter ? 1 : 0);
  add('outbox', 'removed', d.outbox.length);
  add('contacts', 'removed', d.contacts.collaborations.length + d.contacts.cities.length);
  add('contacts', 'kept', d.contacts.organisations.length, 'privacy.kept.organisation');
  add('delegates', 'removed', d.delegates.filter(withLogistics).length);
  add('delegates', 'kept', d.delegates.length, 'privacy.kept.delegate');
  add(
    'authorship',
    'kept',
    d.authored.length + d.evaluationComments.length,
    'privacy.kept.authorship',
  );
  add('audit', 'kept', d.audit.length, 'privacy.kept.audit');
  return lines;
}

/**
 * Erases a person's data at their request, as the plan says, in one transaction: the
 * account is closed (signed out everywhere, roles, links, tokens and two-step secret
 * removed, deactivated) but its name and address stay where public records and the audit log
 * refer to it; login attempts, the newsletter subscription and outgoing mail are deleted;
 * contacts are cleared from collaborations and cities; delegates' private logistics are
 * erased (the delegation list stays). Every change is audited; the result lists what was
 * removed and what was kept, and why.
 */
export async function erasePersonData(
  db: Db,
  actor: Actor,
  input: unknown,
  config?: Config,
): Promise<ErasureLine[]> {
  const v = parseOrThrow(eraseForm, input);
  const query = { email: v.email, name: v.name };
  const data = await personData(db, query, config);
  const plan = erasurePlan(data);
  const at = nowIso();
  await db.kysely.transaction().execute(async (trx) => {
    const account = await repo.findAccountByEmail(trx, v.email);
    if (account) {
      await repo.closeAccount(trx, account.id, at);
      await recordAudit(trx, actor, {
        entity: 'user',
        entityId: account.id,
        action: 'privacy.erase',
        changes: { active: { before: account.active === 1, after: false } },
      });
    }
    await repo.deleteLoginAttemptsOf(trx, v.email);
    await eraseSubscriberOf(trx, actor, v.email);
    await repo.deleteOutboxMailsTo(trx, v.email);
    for (const c of await repo.listCollaborationContacts(trx, v.email)) {
      await repo.updateCollaborationContact(
        trx,
        c.id,
        { contact_name: null, contact_email: null },
        at,
      );
      await recordAudit(trx, actor, {
        entity: 'collaboration',
        entityId: c.id,
        action: 'privacy.erase',
        changes: { contact: { before: '(set)', after: null } },
      });
    }
    for (const c of await repo.listCityContacts(trx, v.email)) {
      await correctCityContact(trx, c.id, { contact_name: null, contact_email: null });
      await recordAudit(trx, actor, {
        entity: 'city',
        entityId: c.id,
        action: 'privacy.erase',
        changes: { contact: { before: '(set)', after: null } },
      });
    }
    if (v.name) {
      const members = (await repo.listDelegateRecords(trx, v.name)).filter(withLogistics);
      await eraseMemberLogistics(
        trx,
        members.map((m) => m.id),
        at,
      );
      for (const m of members)
        await recordAudit(trx, actor, {
          entity: 'delegation',
          entityId: m.delegation_id,
          action: 'logistics.erase',
          changes: fromNothing({
            logistics_erased: 1,
            member: m.id,
          }),
        });
    }
    await auditPersonChange(trx, actor, 'privacy.erase', v.email, account, {
      delegatesByName: v.name !== '',
      removed: plan.filter((l) => l.outcome === 'removed').reduce((n, l) => n + l.count, 0),
    });
  });
  return plan;
}
