import type { Config } from '../../config/config.ts';
import type { Db, Executor } from '../../db/database.ts';
import { holds } from '../../platform/permissions.ts';
import type { Role } from '../../platform/roles.ts';
import { nowIso } from '../../shared/dates.ts';
import { errors } from '../../shared/errors.ts';
import { recordsErrors } from './errors.ts';
import { newId } from '../../shared/ids.ts';
import type { PageRequest } from '../../shared/pagination.ts';
import { parseOrThrow } from '../../shared/validation.ts';
import { fromNothing, diff, recordAudit, type Actor } from '../audit/index.ts';
import { classLabel, planOf } from './records.plan.ts';
import * as repo from './records.repository.ts';
import {
  RECORD_KINDS,
  recordForm,
  type RecordKind,
  type RegisterFilter,
} from './records.schema.ts';
import { buildSip, safeName, type SipFile, type SipRecord } from './sip.ts';
import type { ZipEntry } from './zip.ts';

export type { RecordRow } from './records.repository.ts';

/** Who registers and exports records: the City Executive Office's coordinators (the registrar). */
export interface Registrar {
  actor: Actor;
  user: { roles: readonly { role: Role }[] } | null;
}

function assertRegistrar(registrar: Registrar): void {
  if (!holds(registrar.user, 'coordinator')) throw errors.forbidden();
}

export const isRecordKind = (kind: string): kind is RecordKind =>
  (RECORD_KINDS as readonly string[]).includes(kind);

/** The register's filter in the repository's terms. */
export function toRecordFilter(f: RegisterFilter): repo.RecordFilter {
  return {
    caseNumber: f.caseNumber || undefined,
    from: f.from || undefined,
    to: f.to || undefined,
    kinds: f.kind ? [f.kind] : RECORD_KINDS,
    classification: f.classification || undefined,
    secret: f.secrecy === '' ? undefined : f.secrecy === 'secret',
  };
}

/** A page of the register and the number of records the filter finds. */
export async function listRegister(db: Executor, filter: RegisterFilter, page: PageRequest) {
  const f = toRecordFilter(filter);
  const [records, total] = await Promise.all([
    repo.listRecords(db, f, page),
    repo.countRecords(db, f),
  ]);
  return { records, total };
}

export async function getRecord(db: Executor, kind: string, id: string): Promise<repo.RecordRow> {
  const row = isRecordKind(kind) ? await repo.findRecord(db, kind, id.slice(0, 100)) : undefined;
  if (!row) throw recordsErrors.recordNotFound(kind, id);
  return row;
}

/**
 * Registers a record: its case number (in one of CASE_NUMBER_PATTERNS' forms), public or
 * secret (with the ground), and its class in the plan. Checked, audited, in one transaction.
 */
export async function registerRecord(
  db: Db,
  registrar: Registrar,
  kind: string,
  id: string,
  input: Readonly<Record<string, unknown>>,
  config: Pick<Config, 'caseNumberPatterns' | 'classificationPlan'>,
): Promise<void> {
  assertRegistrar(registrar);
  const v = parseOrThrow(
    recordForm.superRefine((value, ctx) => {
      if (!config.caseNumberPatterns.some((p) => p.test(value.caseNumber)))
        ctx.addIssue({
          code: 'custom',
          path: ['caseNumber'],
          message: 'records.err.caseNumberInvalid',
        });
      if (!planOf(config).some((c) => c.code === value.classification))
        ctx.addIssue({
          code: 'custom',
          path: ['classification'],
          message: 'records.err.classificationUnknown',
        });
    }),
    input,
  );
  await db.kysely.transaction().execute(async (trx) => {
    const existing = await getRecord(trx, kind, id);
    const values = {
      case_number: v.caseNumber,
      secret: v.secrecy === 'secret' ? 1 : 0,
      secrecy_ground: v.secrecy === 'secret' ? v.ground : null,
      classification: v.classification,
    };
    await repo.updateRecord(trx, existing.kind, existing.id, values);
    await recordAudit(trx, registrar.actor, {
      entity: `record_${existing.kind}`,
      entityId: existing.id,
      action: 'register',
      changes: diff(
        {
          case_number: existing.case_number,
          secret: existing.secret,
          secrecy_ground: existing.secrecy_ground,
          classification: existing.classification,
        },
        values,
      ),
    });
  });
}

// ---- The E-ARK SIP export --------------------------------------------------------------

/** At most this many records go in one package (a period that holds more must be split). */
export const MAX_SIP_RECORDS = 500;

const json = (value: unknown) => Buffer.from(`${JSON.stringify(value, null, 2)}\n`);

/** A record's files: what the system holds of it (decision 040). */
async function filesOf(db: Executor, r: repo.RecordRow): Promise<SipFile[]> {
  const folder = `${r.kind}-${safeName(r.id)}`;
  if (r.kind === 'decision') {
    const { decision, document } = await repo.decisionContent(db, r.id);
    const files: SipFile[] = [
      {
        path: `${folder}/beslut.json`,
        data: json({
          ...decision,
          secret: r.secret === 1,
          secrecy_ground: r.secrecy_ground,
          classification: r.classification,
        }),
        mimetype: 'application/json',
        created: decision.created_at,
      },
    ];
    if (document)
      files.push({
        path: `${folder}/${safeName(document.filename)}`,
        data: document.data,
        mimetype: document.content_type,
        created: document.created_at,
      });
    return files;
  }
  if (r.kind === 'report') {
    const { evaluation, version } = await repo.reportContent(db, r.id);
    const report = version
      ? {
          evaluation_id: evaluation.id,
          version: version.number,
          title: version.title,
          period_start: version.period_start,
          period_end: version.period_end,
          approved_at: version.approved_at,
          published_at: version.published_at,
          sections: JSON.parse(version.sections_json) as unknown,
          figures: JSON.parse(version.figures_json) as unknown,
        }
      : {
          evaluation_id: evaluation.id,
          version: null,
          status: evaluation.status,
          title: evaluation.title,
          period_start: evaluation.period_start,
          period_end: evaluation.period_end,
          sections: {
            summary: evaluation.summary,
            analysis: evaluation.analysis,
            conclusions: evaluation.conclusions,
            recommendations: evaluation.recommendations,
          },
        };
    return [
      {
        path: `${folder}/rapport.json`,
        data: json(report),
        mimetype: 'application/json',
        created: version?.approved_at ?? evaluation.updated_at,
      },
    ];
  }
  const document = await repo.documentContent(db, r.id);
  return [
    {
      path: `${folder}/${safeName(document.filename)}`,
      data: document.data,
      mimetype: document.content_type,
      created: document.created_at,
    },
  ];
}

export type SipScope = { caseNumber: string } | { from: string; to: string };

/**
 * The SIP of a case (every record with the case number) or of a period (every record dated
 * in it), as ZIP entries; audited as one export by the registrar. Throws RECORD_NOT_FOUND
 * when nothing matches.
 */
export async function exportSip(
  db: Db,
  registrar: Registrar,
  scope: SipScope,
  config: Pick<Config, 'classificationPlan'>,
  software: { name: string; version: string },
): Promise<{ entries: ZipEntry[]; filename: string; records: number }> {
  assertRegistrar(registrar);
  const filter: repo.RecordFilter =
    'caseNumber' in scope
      ? { kinds: RECORD_KINDS, caseNumber: scope.caseNumber }
      : { kinds: RECORD_KINDS, from: scope.from, to: scope.to };
  const label =
    'caseNumber' in scope ? `Ärende ${scope.caseNumber}` : `Period ${scope.from}–${scope.to}`;
  return db.kysely.transaction().execute(async (trx) => {
    const rows = await repo.listRecords(trx, filter, { limit: MAX_SIP_RECORDS + 1, offset: 0 });
    if (rows.length === 0)
      throw recordsErrors.recordNotFound(
        'case',
        'caseNumber' in scope ? scope.caseNumber : `${scope.from}/${scope.to}`,
      );
    if (rows.length > MAX_SIP_RECORDS)
      throw errors.validation([
        {
          path: 'caseNumber' in scope ? 'exportCase' : 'exportTo',
          message: 'records.err.tooMany',
          params: { max: MAX_SIP_RECORDS },
        },
      ]);
    const plan = planOf(config);
    const records: SipRecord[] = [];
    for (const r of rows.reverse())
      records.push({
        kind: r.kind,
        id: r.id,
        caseNumber: r.case_number,
        date: r.date,
        title: r.title,
        secret: r.secret === 1,
        secrecyGround: r.secrecy_ground,
        classification: r.classification,
        classLabel: classLabel(plan, r.classification),
        files: await filesOf(trx, r),
      });
    const id = newId();
    const entries = buildSip({
      id,
      label,
      caseNumber: 'caseNumber' in scope ? scope.caseNumber : null,
      createdAt: nowIso(),
      exportedBy: registrar.actor.label,
      software,
      organisation: 'Göteborgs Stad, Stadsledningskontoret',
      records,
    });
    await recordAudit(trx, registrar.actor, {
      entity: 'record_export',
      entityId: id,
      action: 'export',
      changes: fromNothing({
        scope: label,
        records: records.map((r) => `${r.kind}:${r.id}`).join(' '),
      }),
    });
    const base = 'caseNumber' in scope ? scope.caseNumber : `${scope.from}_${scope.to}`;
    return { entries, filename: `sip-${safeName(base)}.zip`, records: records.length };
  });
}
