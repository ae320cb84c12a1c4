import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TestAgent } from '../../../test/helpers/agent.ts';
import { describeEachDialect } from '../../../test/helpers/databases.ts';
import { expectPage, expectRefused } from '../../../test/helpers/forms.ts';
import { buildTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { newId } from '../../shared/ids.ts';
import { DEMO_EMAIL, signedIn } from '../../../test/helpers/sign-in.ts';
import { rowsWhere, rowWhere } from '../../../test/helpers/rows.ts';

const XSD = new URL('../../../test/fixtures/xsd/sip.xsd', import.meta.url).pathname;
const CASE = 'SLK-2026-00777';

/** `xmllint --xpath` on a file (never the network). */
const xpath = (file: string, expr: string) =>
  execFileSync('xmllint', ['--nonet', '--xpath', expr, file], { encoding: 'utf8' }).trim();

/** Validates a file against an XSD with xmllint; the exit status and what it said. */
function validate(file: string): { ok: boolean; output: string } {
  const r = spawnSync('xmllint', ['--nonet', '--noout', '--schema', XSD, file], {
    encoding: 'utf8',
  });
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}

/**
 * Checks an unpacked SIP as an archive would: the CSIP folders, and every file the METS
 * fileSec and its metadata references name exists with the stated SHA-256 and size. Returns
 * the problems (none: the package is whole).
 */
function checkPackage(root: string): string[] {
  const problems: string[] = [];
  for (const folder of [
    'metadata/descriptive',
    'metadata/preservation',
    'representations/rep1/data',
  ])
    if (!existsSync(join(root, folder))) problems.push(`missing folder ${folder}`);
  const mets = readFileSync(join(root, 'METS.xml'), 'utf8');
  const refs = [
    ...mets.matchAll(/<mets:(?:file|mdRef)\b([^>]*)>(?:\s*<mets:FLocat\b([^>]*)\/>)?/g),
  ];
  if (refs.length === 0) problems.push('no files in METS');
  for (const [, attrs, flocat] of refs) {
    const attr = (name: string, from = `${attrs} ${flocat ?? ''}`) =>
      new RegExp(`${name}="([^"]*)"`).exec(from)?.[1];
    const href = attr('xlink:href');
    if (!href) {
      problems.push('a reference without xlink:href');
      continue;
    }
    const path = join(root, href);
    if (!existsSync(path)) {
      problems.push(`missing ${href}`);
      continue;
    }
    if (attr('CHECKSUMTYPE') !== 'SHA-256') problems.push(`${href}: CHECKSUMTYPE`);
    const digest = createHash('sha256').update(readFileSync(path)).digest('hex');
    if (attr('CHECKSUM') !== digest) problems.push(`${href}: checksum`);
    if (Number(attr('SIZE')) !== statSync(path).size) problems.push(`${href}: size`);
  }
  return problems;
}

describeEachDialect('records: register and E-ARK SIP export', (dialect) => {
  let t: TestApp;
  let registrar: TestAgent;
  let work: string;
  const ids = { decision: '', report: '', document1: '', document2: '', meeting: '' };
  const secretDocTitle = 'Hemlig bilaga om säkerhet';

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    const db = t.db.kysely;
    const decision = await db
      .selectFrom('council_decision')
      .select(['id', 'title'])
      .orderBy('meeting_date', 'desc')
      .executeTakeFirstOrThrow();
    ids.decision = decision.id;
    // The demo's published report (evaluation), so hiding it from the portal can be seen.
    ids.report = (
      await db
        .selectFrom('evaluation_version')
        .select('evaluation_id')
        .where('published_at', 'is not', null)
        .executeTakeFirstOrThrow()
    ).evaluation_id;
    const doc = await db
      .selectFrom('meeting_document')
      .select(['id', 'meeting_id'])
      .executeTakeFirstOrThrow();
    ids.document1 = doc.id;
    ids.meeting = doc.meeting_id;
    // A second meeting document, with bytes of its own.
    const data = Buffer.from('Bilaga: säkerhetsplan för vänortsmötet.\n', 'utf8');
    ids.document2 = newId();
    await db
      .insertInto('meeting_document')
      .values({
        id: ids.document2,
        meeting_id: doc.meeting_id,
        kind: 'other',
        title: secretDocTitle,
        filename: 'säkerhetsplan.txt',
        content_type: 'text/plain',
        size: data.length,
        sha256: createHash('sha256').update(data).digest('hex'),
        data,
        visibility: 'public',
        created_by: null,
        created_at: '2026-11-30T09:00:00.000Z',
      })
      .execute();
    registrar = await signedIn(t.app, DEMO_EMAIL.coordinator);
    work = mkdtempSync(join(tmpdir(), 'sip-'));
  });
  afterAll(async () => {
    if (work) rmSync(work, { recursive: true, force: true });
    await t?.close();
  });

  const register = (kind: string, id: string, values: Record<string, string>) =>
    registrar.submit(`/workspace/records/${kind}/${id}`, values);

  it('refuses bad registrations with clear messages and changes nothing', async () => {
    const before = await rowWhere(t.db, 'council_decision', { id: ids.decision }, [
      'case_number',
      'secret',
      'classification',
    ]);
    const cases: [Record<string, string>, string][] = [
      [
        { caseNumber: 'x', secrecy: 'public', ground: '', classification: '1.4.2' },
        'SLK-2026-00123 eller 0263/20',
      ],
      [
        { caseNumber: CASE, secrecy: 'secret', ground: '', classification: '1.4.2' },
        'Skriv grunden för sekretessen',
      ],
      [
        { caseNumber: CASE, secrecy: 'public', ground: '', classification: '9.9.9' },
        'Klassen finns inte',
      ],
      [
        { caseNumber: CASE, secrecy: 'maybe', ground: '', classification: '1.4.2' },
        'offentlig eller omfattas av sekretess',
      ],
    ];
    for (const [values, message] of cases) {
      const res = await register('decision', ids.decision, values);
      expectRefused(res, [message]);
    }
    const after = await rowWhere(t.db, 'council_decision', { id: ids.decision }, [
      'case_number',
      'secret',
      'classification',
    ]);
    expect(after).toEqual(before);
    expect((await registrar.get('/workspace/records/decision/nope')).statusCode).toBe(404);
    expect((await registrar.get('/workspace/records/other/nope')).statusCode).toBe(404);
  });

  it('registers a decision, a report and two meeting documents under one case, audited', async () => {
    const secret = {
      caseNumber: CASE,
      secrecy: 'secret',
      ground: 'OSL 21 kap. 7 §',
      classification: '1.4.2',
    };
    const open = { caseNumber: CASE, secrecy: 'public', ground: '', classification: '1.4.3' };
    expect((await register('decision', ids.decision, secret)).statusCode).toBe(303);
    expect(
      (await register('report', ids.report, { ...open, classification: '1.4.4' })).statusCode,
    ).toBe(303);
    expect((await register('document', ids.document1, open)).statusCode).toBe(303);
    expect((await register('document', ids.document2, secret)).statusCode).toBe(303);
    const row = await rowWhere(t.db, 'meeting_document', { id: ids.document2 }, [
      'case_number',
      'secret',
      'secrecy_ground',
      'classification',
    ]);
    expect(row).toEqual({
      case_number: CASE,
      secret: 1,
      secrecy_ground: 'OSL 21 kap. 7 §',
      classification: '1.4.2',
    });
    const audits = await rowsWhere(t.db, 'audit_event', { action: 'register' }, [
      'entity',
      'entity_id',
    ]);
    expect(audits.map((a) => a.entity_id).sort()).toEqual(
      Object.values(ids)
        .filter((id) => id !== ids.meeting)
        .sort(),
    );

    const page = await registrar.get(`/workspace/records?caseNumber=${CASE}`);
    expect(page.statusCode).toBe(200);
    expect(page.body.match(new RegExp(CASE, 'g'))!.length).toBeGreaterThanOrEqual(4);
    expect(page.body).toContain(secretDocTitle);
    const filtered = await registrar.get(
      `/workspace/records?caseNumber=${CASE}&secrecy=secret&kind=document`,
    );
    expect(filtered.body).toContain(secretDocTitle);
    expect(filtered.body).not.toContain(`/workspace/records/decision/${ids.decision}`);
    expect(filtered.body.match(/<tr>/g)?.length).toBe(2); // the header and one record
    const bad = await registrar.get('/workspace/records?from=2026-13-01');
    expectPage(bad, 400, ['ÅÅÅÅ-MM-DD']);
  });

  it('never shows secret records on public pages, the API or downloads', async () => {
    const visitor = new TestAgent(t.app);
    const decision = await rowWhere(t.db, 'council_decision', { id: ids.decision }, ['title']);
    expect((await visitor.get(`/decisions/${ids.decision}`)).statusCode).toBe(404);
    expect((await visitor.get(`/en/decisions/${ids.decision}`)).statusCode).toBe(404);
    expect((await visitor.get(`/api/v1/decisions/${ids.decision}`)).statusCode).toBe(404);
    const api = await visitor.get('/api/v1/decisions?limit=100');
    expect(api.body).not.toContain(ids.decision);
    const list = await visitor.get('/decisions');
    expect(list.body).not.toContain(`/decisions/${ids.decision}`);
    const meeting = await visitor.get(`/meetings/${ids.meeting}`);
    expect(meeting.statusCode).toBe(200);
    expect(meeting.body).not.toContain(secretDocTitle);
    expect(
      (await visitor.get(`/meetings/${ids.meeting}/documents/${ids.document2}`)).statusCode,
    ).toBe(404);
    // The portal search (its index follows the public generation) finds a public decision
    // by its title, and neither secret record.
    const other = await t.db.kysely
      .selectFrom('council_decision')
      .select(['id', 'title'])
      .where('id', '!=', ids.decision)
      .executeTakeFirstOrThrow();
    const control = await visitor.get(
      `/search?q=${encodeURIComponent(other.title.split(' ').slice(0, 3).join(' '))}`,
    );
    expect(control.body).toContain(`/decisions/${other.id}`);
    for (const q of [CASE, decision.title.split(' ').slice(0, 3).join(' '), 'säkerhetsplan']) {
      const found = await visitor.get(`/search?q=${encodeURIComponent(q)}`);
      expect(found.statusCode).toBe(200);
      expect(found.body).not.toContain(`/decisions/${ids.decision}`);
      expect(found.body).not.toContain(secretDocTitle);
    }
    const csv = await visitor.get('/api/v1/decisions.csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.body).not.toContain(ids.decision);
    // A published report disappears from the portal once it is registered as secret.
    expect((await visitor.get(`/reports/${ids.report}`)).statusCode).toBe(200);
    expect((await visitor.get('/reports')).body).toContain(`/reports/${ids.report}`);
    const secretReport = {
      caseNumber: CASE,
      secrecy: 'secret',
      ground: 'OSL 18 kap. 8 §',
      classification: '1.4.4',
    };
    expect((await register('report', ids.report, secretReport)).statusCode).toBe(303);
    expect((await visitor.get(`/reports/${ids.report}`)).statusCode).toBe(404);
    expect((await visitor.get('/reports')).body).not.toContain(`/reports/${ids.report}`);
    expect((await visitor.get('/api/v1/reports')).body).not.toContain(ids.report);
    const sitemap = await visitor.get('/sitemap.xml');
    expect(sitemap.body).not.toContain(`/decisions/${ids.decision}`);
    expect(sitemap.body).not.toContain(`/reports/${ids.report}`);
    // The council secretariat's workspace still lists the decision.
    const secretariat = await signedIn(t.app, DEMO_EMAIL.council);
    expect((await secretariat.get('/workspace/decisions')).body).toContain(decision.title);
  });

  it('exports the case as an E-ARK SIP that validates, with every document and its checksum', async () => {
    await registrar.get('/workspace/records');
    const res = await registrar.post('/workspace/records/export/case', { exportCase: CASE });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/zip');
    const zip = join(work, 'case.zip');
    writeFileSync(zip, res.rawPayload);
    execFileSync('unzip', ['-q', zip, '-d', join(work, 'case')]);
    const [folder] = execFileSync('ls', [join(work, 'case')], { encoding: 'utf8' })
      .trim()
      .split('\n');
    const root = join(work, 'case', folder!);
    const mets = join(root, 'METS.xml');

    expect(checkPackage(root)).toEqual([]);
    const metsCheck = validate(mets);
    expect(metsCheck.output).toContain('validates');
    expect(metsCheck.ok).toBe(true);

    // The CSIP attributes and header.
    const text = readFileSync(mets, 'utf8');
    for (const attr of [
      'csip:CONTENTINFORMATIONTYPE="MIXED"',
      'TYPE="Mixed"',
      'OBJID="urn:uuid:',
      'PROFILE="https://earksip.dilcis.eu/profile/E-ARK-SIP.xml"',
      'csip:OAISPACKAGETYPE="SIP"',
      'ROLE="CREATOR" TYPE="OTHER" OTHERTYPE="SOFTWARE"',
    ])
      expect(text).toContain(attr);
    // Every document: the decision (its register entry, and its document if it has one),
    // the report, both meeting documents with their stored bytes.
    const files = xpath(mets, 'count(//*[local-name()="fileGrp"]/*[local-name()="file"])');
    expect(Number(files)).toBeGreaterThanOrEqual(4);
    for (const id of [ids.decision, ids.report, ids.document1, ids.document2])
      expect(text).toContain(id);
    const stored = await t.db.kysely
      .selectFrom('meeting_document')
      .select(['id', 'sha256', 'size'])
      .where('id', 'in', [ids.document1, ids.document2])
      .execute();
    for (const d of stored) {
      expect(text).toContain(`CHECKSUM="${d.sha256}"`);
      expect(text).toContain(`SIZE="${d.size}"`);
    }
    // PREMIS: one object per file with the same digest, the export event and its agents.
    const premis = join(root, 'metadata/preservation/premis.xml');
    expect(xpath(premis, 'count(//*[local-name()="object"])')).toBe(files);
    expect(xpath(premis, 'string(//*[local-name()="eventType"])')).toBe('creation');
    expect(xpath(premis, 'string(//*[local-name()="agent"][2]/*[local-name()="agentName"])')).toBe(
      'samordnare@vanort.example',
    );
    expect(readFileSync(join(root, 'metadata/descriptive/dc.xml'), 'utf8')).toContain(CASE);
    expect(
      readFileSync(join(root, `metadata/descriptive/document-${ids.document2}.xml`), 'utf8'),
    ).toContain('Sekretess: OSL 21 kap. 7 §');

    // The export is audited: who exported which case.
    const audit = await rowWhere(t.db, 'audit_event', { entity: 'record_export' }, [
      'actor_label',
      'changes',
    ]);
    expect(audit.actor_label).toBe('samordnare@vanort.example');
    expect(audit.changes).toContain(CASE);

    // A broken package fails: one byte of a document changed, then a METS without a checksum type.
    const docPath = /xlink:href="(representations\/rep1\/data\/document-[^"]+\.txt)"/.exec(
      text,
    )![1]!;
    writeFileSync(
      join(root, docPath),
      Buffer.concat([readFileSync(join(root, docPath)), Buffer.from('x')]),
    );
    expect(checkPackage(root)).toEqual([`${docPath}: checksum`, `${docPath}: size`]);
    writeFileSync(mets, text.replace('CHECKSUMTYPE="SHA-256"', 'CHECKSUMTYPE="SHA-257"'));
    const broken = validate(mets);
    expect(broken.ok).toBe(false);
    expect(broken.output).toContain('CHECKSUMTYPE');
  });

  it('exports a period, refuses an empty one and bad dates, and only for the registrar', async () => {
    await registrar.get('/workspace/records');
    const res = await registrar.post('/workspace/records/export/period', {
      exportFrom: '1900-01-01',
      exportTo: '2100-01-01',
    });
    expect(res.statusCode).toBe(200);
    await registrar.get('/workspace/records');
    const none = await registrar.post('/workspace/records/export/case', {
      exportCase: 'SLK-2000-00001',
    });
    expectRefused(none, ['Inga handlingar har det diarienumret']);
    await registrar.get('/workspace/records');
    const order = await registrar.post('/workspace/records/export/period', {
      exportFrom: '2026-02-01',
      exportTo: '2026-01-01',
    });
    expectRefused(order, ['Slutdatumet får inte vara före startdatumet']);
    const reporter = await signedIn(t.app, DEMO_EMAIL.reporter);
    await reporter.get('/workspace');
    expect(
      (await reporter.post('/workspace/records/export/case', { exportCase: CASE })).statusCode,
    ).toBe(403);
    expect((await reporter.get('/workspace/records')).statusCode).toBe(403);
  });
});
