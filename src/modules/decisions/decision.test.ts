import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeEachDialect, openTestDb } from '../../../test/helpers/databases.ts';
import {
  COORDINATOR,
  COUNCIL,
  decision,
  TROMSO_PROPOSAL,
} from '../../../test/helpers/decision-fixtures.ts';
import { loadConfig } from '../../config/config.ts';
import type { Db } from '../../db/database.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { seedDemo } from '../../demo.ts';
import { AppError } from '../../shared/errors.ts';
import { getChain, getCity, hostCycleYears } from '../cities/city.service.ts';
import { recordDecision } from './decision.service.ts';
import { draftProposal, sendProposal } from './proposal.service.ts';
import { countRows, rowsWhere, rowWhere } from '../../../test/helpers/rows.ts';

const PATTERNS = loadConfig({}).caseNumberPatterns;

async function problemsOf(promise: Promise<unknown>): Promise<string[]> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError && error.code === 'VALIDATION_FAILED') {
      return (error.details.problems as { path: string; message: string }[]).map(
        (p) => `${p.path}:${p.message}`,
      );
    }
    throw error;
  }
  throw new Error('expected a validation error');
}

describeEachDialect('council decisions and proposals', (dialect) => {
  let db: Db;
  let close: () => Promise<void>;
  beforeEach(async () => {
    const t = await openTestDb(dialect);
    db = t.db;
    close = t.close;
    await migrateToLatest(db);
    await seedDemo(db);
  });
  afterEach(() => close());

  const count = (
    table: 'council_decision' | 'proposal' | 'city_status_change' | 'decision_document',
  ) => countRows(db, table);

  const newTwinProposal = async () => {
    const proposal = await draftProposal(db, COORDINATOR, TROMSO_PROPOSAL);
    return sendProposal(db, COORDINATOR, proposal.id);
  };

  it('makes a new twin city active only through an approving City Council decision (P6)', async () => {
    const sent = await newTwinProposal();
    expect(sent.status).toBe('sent');
    expect((await getCity(db, 'tromso')).status).toBe('proposed');

    // The City Executive Board cannot decide a twin city.
    const before = await count('council_decision');
    expect(
      await problemsOf(
        recordDecision(db, COUNCIL, decision({ body: 'KS', proposalId: sent.id }), PATTERNS),
      ),
    ).toEqual(['body:decision.onlyKfForTwinCities']);
    expect(await count('council_decision')).toBe(before);
    expect((await getCity(db, 'tromso')).status).toBe('proposed');

    const recorded = await recordDecision(db, COUNCIL, decision({ proposalId: sent.id }), PATTERNS);
    expect(recorded).toMatchObject({
      body: 'KF',
      section: '12',
      caseNumber: 'SLK-2026-01047',
      outcome: 'approved',
    });
    const city = await getCity(db, 'tromso');
    expect(city).toMatchObject({ kind: 'twin', status: 'active', sinceYear: 2026 });
    const chain = await getChain(db);
    expect(chain?.members.map((m) => m.city.slug)).toEqual([
      'bergen',
      'aarhus',
      'turku',
      'goteborg',
      'tromso',
    ]);
    expect(hostCycleYears(chain!)).toBe(10);
    const history = await db.kysely
      .selectFrom('city_status_change')
      .selectAll()
      .where('city_id', '=', city.id)
      .orderBy('created_at')
      .execute();
    expect(
      history.map(
        (h) => `${h.from_status ?? '-'}>${h.to_status}:${h.decision_id ? 'decision' : 'none'}`,
      ),
    ).toEqual(['->proposed:none', 'proposed>active:decision']);
    const audit = await db.kysely
      .selectFrom('audit_event')
      .select(['entity', 'action'])
      .where('entity', 'in', ['proposal', 'council_decision', 'city'])
      .orderBy('occurred_at')
      .execute();
    expect(audit.map((a) => `${a.entity}.${a.action}`).sort()).toEqual(
      // Events of one transaction can share a millisecond: compare as a set.
      [
        'city.create',
        'proposal.draft',
        'proposal.send',
        'council_decision.record',
        'proposal.approve',
        'city.status.change',
      ].sort(),
    );
    // The proposal is decided: a second decision on it is refused.
    expect(
      await problemsOf(recordDecision(db, COUNCIL, decision({ proposalId: sent.id }), PATTERNS)),
    ).toEqual(['proposalId:decision.proposalNotPending']);
  });

  it('leaves the city as it was when the council rejects', async () => {
    const sent = await newTwinProposal();
    await recordDecision(
      db,
      COUNCIL,
      decision({ proposalId: sent.id, outcome: 'rejected' }),
      PATTERNS,
    );
    expect((await getCity(db, 'tromso')).status).toBe('proposed');
    const proposal = await rowWhere(db, 'proposal', { id: sent.id }, ['status']);
    expect(proposal.status).toBe('rejected');
  });

  it('lets KS decide on partner cities, e.g. make one dormant', async () => {
    const p = await draftProposal(db, COORDINATOR, {
      kind: 'make_dormant',
      citySlug: 'nelson-mandela-bay',
      title: 'Vilande',
      justification: 'Inget aktivt samarbete.',
    });
    await sendProposal(db, COORDINATOR, p.id);
    await recordDecision(
      db,
      COUNCIL,
      decision({ body: 'KS', proposalId: p.id, title: 'Nelson Mandela Bay vilande' }),
      PATTERNS,
    );
    expect((await getCity(db, 'nelson-mandela-bay')).status).toBe('dormant');
  });

  it('refuses proposals that do not fit the city, and a second open one', async () => {
    /** The problems of a proposal of this kind for the city, with a title and justification. */
    const refusedFor = (kind: string, citySlug: string) =>
      problemsOf(
        draftProposal(db, COORDINATOR, { kind, citySlug, title: 'x', justification: 'y' }),
      );
    expect(await refusedFor('establish_twin', 'bergen')).toEqual(['kind:proposal.notApplicable']);
    expect(await refusedFor('make_dormant', 'goteborg')).toEqual(['kind:proposal.notApplicable']);
    await draftProposal(db, COORDINATOR, {
      kind: 'activate_partner',
      citySlug: 'kiel',
      title: 'Kiel',
      justification: 'Nytt samarbete.',
    });
    expect(await refusedFor('end_relation', 'kiel')).toEqual(['city:proposal.alreadyOpen']);
    expect(
      await problemsOf(
        draftProposal(db, COORDINATOR, { kind: 'nonsense', title: '', justification: '' }),
      ),
    ).toEqual([
      'kind:proposal.kindRequired',
      'title:proposal.titleRequired',
      'justification:proposal.justificationRequired',
      'city:proposal.cityRequired',
    ]);
  });

  it('refuses malformed case and § numbers, future dates and bad attachments field by field, changing nothing', async () => {
    const before = [await count('council_decision'), await count('decision_document')];
    const bad = decision({
      caseNumber: 'SLK 2026 1047',
      section: 'tolv',
      meetingDate: '2999-01-01',
      finalOn: '2026-02-30',
      link: 'javascript:alert(1)',
      document: {
        filename: 'beslut.pdf',
        contentType: 'application/pdf',
        data: Buffer.from('not a pdf'),
      },
    });
    expect(await problemsOf(recordDecision(db, COUNCIL, bad, PATTERNS))).toEqual([
      'meetingDate:decision.dateInFuture',
      'section:decision.sectionInvalid',
      'caseNumber:decision.caseNumberInvalid',
      'link:decision.linkInvalid',
      'finalOn:decision.dateInvalid',
      'document:decision.documentNotPdf',
    ]);
    const huge = Buffer.alloc(25 * 1024 * 1024 + 1, 0x20);
    huge.write('%PDF-1.7');
    expect(
      await problemsOf(
        recordDecision(
          db,
          COUNCIL,
          decision({ document: { filename: 'x.pdf', contentType: 'application/pdf', data: huge } }),
          PATTERNS,
        ),
      ),
    ).toEqual(['document:decision.documentTooLarge']);
    expect([await count('council_decision'), await count('decision_document')]).toEqual(before);
  });

  it('accepts the older case number form, stores a PDF, and corrects only by superseding', async () => {
    const pdf = Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const first = await recordDecision(
      db,
      COUNCIL,
      decision({
        caseNumber: '0263/20',
        document: { filename: 'protokoll.pdf', contentType: 'application/pdf', data: pdf },
      }),
      PATTERNS,
    );
    expect(first.documentId).not.toBeNull();
    const stored = await rowWhere(db, 'decision_document', { id: first.documentId! }, [
      'data',
      'size',
    ]);
    expect(Buffer.from(stored.data).equals(pdf)).toBe(true);
    const correction = await recordDecision(
      db,
      COUNCIL,
      decision({ supersedesId: first.id, section: '13' }),
      PATTERNS,
    );
    expect(correction.supersedesId).toBe(first.id);
    expect(
      await problemsOf(recordDecision(db, COUNCIL, decision({ supersedesId: first.id }), PATTERNS)),
    ).toEqual(['supersedesId:decision.alreadySuperseded']);
  });

  it('has the establishing decisions of 1946 as historical records in the demo data', async () => {
    const historical = await rowsWhere(db, 'council_decision', { historical: 1 });
    expect(
      historical.some(
        (d) => d.meeting_date.startsWith('1946') && d.section === null && d.case_number === null,
      ),
    ).toBe(true);
    const bergen = await getCity(db, 'bergen');
    const history = await rowsWhere(db, 'city_status_change', { city_id: bergen.id });
    expect(history.map((h) => `${h.changed_on.slice(0, 4)}:${h.to_status}`)).toEqual([
      '1946:active',
    ]);
  });
});

describe('the only path that changes a status', () => {
  it('is a council decision: only the decision service calls the cities module to set a status', () => {
    const offenders: string[] = [];
    const callers: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (
          /\.tsx?$/.test(name) &&
          !/\.test\.tsx?$/.test(name) &&
          !path.includes('migrations')
        ) {
          const text = readFileSync(path, 'utf8');
          if (
            /updateTable\(\s*'city'\s*\)/.test(text) &&
            !path.endsWith(join('cities', 'city.repository.ts'))
          )
            offenders.push(path);
          if (/\bsetCityStatus\(/.test(text)) callers.push(path);
        }
      }
    };
    walk('src');
    expect(offenders).toEqual([]);
    // The repository's status write is called by the register service, which only the
    // decision service calls (the cities module's public surface re-exports it).
    expect(callers.sort()).toEqual(
      [
        join('src', 'modules', 'cities', 'city-register.service.ts'),
        join('src', 'modules', 'cities', 'city.repository.ts'),
        join('src', 'modules', 'decisions', 'decision.service.ts'),
      ].sort(),
    );
    // The city facts update (coordinators) is typed to the facts columns: no status, no kind.
    const cityRepo = readFileSync(join('src', 'modules', 'cities', 'city.repository.ts'), 'utf8');
    const facts = /export function updateCityFacts\([\s\S]*?\n\}/.exec(cityRepo)?.[0] ?? '';
    expect(facts).toContain("updateTable('city')");
    expect(facts).not.toMatch(/'status'|'kind'|status:|kind:/);
    // The contact correction (the privacy module, decision 037) is typed to the contact
    // columns: no status, no kind.
    const contact =
      /export async function updateCityContact\([\s\S]*?\n\}/.exec(cityRepo)?.[0] ?? '';
    expect(contact).toContain("updateTable('city')");
    expect(contact).not.toMatch(/'status'|'kind'|status:|kind:/);
    expect(cityRepo.match(/updateTable\(\s*'city'\s*\)/g)).toHaveLength(3);
  });
});
