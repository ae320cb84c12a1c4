import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { TestAgent } from '../../../test/helpers/agent.ts';
import { describeEachDialect } from '../../../test/helpers/databases.ts';
import { useTestApp } from '../../../test/helpers/test-app.ts';
import { findUserByEmail, type User } from '../accounts/account.service.ts';
import { detectDelimiter, parseCsv } from './import.parse.ts';
import { guessMapping } from './import.rows.ts';
import { runImport } from './import.run.ts';
import { checkImport, IMPORT_FROM_COLUMN, startImport, uploadImport } from './import.service.ts';
import { expectRefused } from '../../../test/helpers/forms.ts';
import { DEMO_EMAIL, signedIn } from '../../../test/helpers/sign-in.ts';
import { countRows, rowsWhere, rowWhere, updateRows } from '../../../test/helpers/rows.ts';

const HEADERS = [
  'Rubrik',
  'Typ',
  'Status',
  'Startdatum',
  'Slutdatum',
  'Vänorter',
  'Områden',
  'Mål',
  'Belopp (kr)',
  'Synlighet',
];
const CITIES = ['Bergen', 'Århus', 'Åbo', 'turku', 'Aarhus, Bergen'];
const AREAS = ['Kultur', 'Skola', 'urban-development-and-climate', 'Health and sport', ''];

/** A row of the generated file; `bad` breaks one cell of some rows. */
function row(i: number, bad: boolean): (string | number | Date)[] {
  const year = 2015 + (i % 11);
  const cells: (string | number | Date)[] = [
    `Samarbete nummer ${i} om stadsutveckling`,
    i % 2 ? 'Projekt' : 'network',
    i % 3 ? 'pågående' : 'completed',
    new Date(Date.UTC(year, i % 12, 1 + (i % 27))),
    `${year + 1}-06-30`,
    CITIES[i % CITIES.length]!,
    AREAS[i % AREAS.length]!,
    'Att utbyta erfarenheter om klimatanpassning mellan vänorterna.',
    i * 10,
    i % 2 ? 'Offentlig' : 'intern',
  ];
  if (!bad) return cells;
  if (i === 101) cells[3] = '2026-02-30'; // bad date
  if (i === 2001) cells[5] = 'Bergen, Oslo'; // unknown city
  if (i === 3001) cells[0] = ''; // empty title
  if (i === 4001) cells[7] = 'x'.repeat(10_001); // oversized text
  if (i === 4500) cells[4] = '2000-01-01'; // ends before it starts
  return cells;
}

async function workbook(rows: number, bad: boolean): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Samarbeten');
  sheet.addRow(HEADERS);
  for (let i = 1; i <= rows; i++) sheet.addRow(row(i, bad));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('reading CSV files', () => {
  it('detects the delimiter and reads quotes, doubled quotes, line breaks and a BOM', () => {
    expect(detectDelimiter('Rubrik;Startdatum;"Vänorter, flera"')).toBe(';');
    expect(detectDelimiter('title,starts on,"a;b"')).toBe(',');
    const sheet = parseCsv(
      Buffer.from('\uFEFFRubrik;Mål\r\n"Ett ""citat""";"rad1\nrad2"\r\n\r\nTvå;x', 'utf8'),
    );
    expect(sheet.headers).toEqual(['Rubrik', 'Mål']);
    expect(sheet.rows).toEqual([
      { row: 2, cells: ['Ett "citat"', 'rad1\nrad2'] },
      { row: 5, cells: ['Två', 'x'] },
    ]);
  });

  it('guesses the mapping from Swedish and English headers', () => {
    expect(guessMapping(['Rubrik', 'Startdatum', 'Vänorter', 'Belopp (kr)', 'Okänd'])).toEqual({
      title: 'Rubrik',
      startsOn: 'Startdatum',
      cities: 'Vänorter',
      fundingAmount: 'Belopp (kr)',
    });
    expect(
      guessMapping(['Title', 'Start date', 'End date', 'Twin cities', 'Areas', 'Organisation']),
    ).toEqual({
      title: 'Title',
      startsOn: 'Start date',
      endsOn: 'End date',
      cities: 'Twin cities',
      areas: 'Areas',
      organisationColumn: 'Organisation',
    });
  });
});

describeEachDialect('importing collaborations', (dialect) => {
  const t = useTestApp(dialect);
  let reporter: User;
  let coordinator: User;
  let kultur: string;
  const actor = () => ({ userId: reporter.id, label: reporter.email, ip: null });
  const count = (table: 'collaboration' | 'search_document' | 'collaboration_city') =>
    countRows(t.db, table);

  beforeAll(async () => {
    reporter = (await findUserByEmail(t.db.kysely, 'rapportor@vanort.example'))!;
    coordinator = (await findUserByEmail(t.db.kysely, 'samordnare@vanort.example'))!;
    kultur = reporter.roles.find((g) => g.role === 'reporter')!.organisationId!;
  });

  it('reports every bad row and cell of a 5,000-row spreadsheet and writes nothing; the fixed file imports 5,000 rows in under 5 s', async () => {
    // The demo data has collaborations already; the import adds to them.
    const base = {
      collaboration: await count('collaboration'),
      search: await count('search_document'),
      cities: await count('collaboration_city'),
    };
    const bad = await uploadImport(t.db, actor(), reporter, {
      filename: 'samarbeten.xlsx',
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      data: await workbook(5000, true),
      organisation: kultur,
    });
    expect(bad.totalRows).toBe(5000);
    const checked = await checkImport(t.db, actor(), reporter, bad.id, guessMapping(HEADERS));
    expect(checked.problems.map((p) => [p.row, p.column, p.message, p.params ?? null])).toEqual([
      [102, 'Startdatum', 'import.problem.dateInvalid', { value: '2026-02-30' }],
      [2002, 'Vänorter', 'import.problem.cityUnknown', { value: 'Oslo' }],
      [3002, 'Rubrik', 'import.problem.titleRequired', null],
      [4002, 'Mål', 'import.problem.textTooLong', { max: 10000 }],
      [4501, 'Slutdatum', 'import.problem.endBeforeStart', null],
    ]);
    expect(checked.validRows).toBe(4995);
    await expect(startImport(t.db, actor(), reporter, bad.id, false)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    expect(await count('collaboration')).toBe(base.collaboration);
    expect(await count('search_document')).toBe(base.search);

    const good = await uploadImport(t.db, actor(), reporter, {
      filename: 'samarbeten-rättad.xlsx',
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      data: await workbook(5000, false),
      organisation: kultur,
    });
    const ok = await checkImport(t.db, actor(), reporter, good.id, guessMapping(HEADERS));
    expect(ok.problems).toEqual([]);
    await startImport(t.db, actor(), reporter, good.id, false);
    const progress: number[] = [];
    expect(
      await runImport(t.db, actor(), good.id, { onProgress: (n) => progress.push(n) }),
    ).toEqual({
      imported: 5000,
    });
    expect(progress.at(-1)).toBe(5000);
    if (dialect === 'postgres') {
      // The planner's statistics are refreshed at once (not when autovacuum comes round).
      const stats = await sql<{ reltuples: number }>`
        select reltuples from pg_class where relname = 'collaboration'`.execute(t.db.kysely);
      expect(Number(stats.rows[0]?.reltuples)).toBeGreaterThanOrEqual(5000);
    }
    expect(await count('collaboration')).toBe(base.collaboration + 5000);
    expect(await count('search_document')).toBe(base.search + 5000);
    // every fifth row has two cities
    expect(await count('collaboration_city')).toBe(base.cities + 6000);

    const sample = await rowWhere(t.db, 'collaboration', {
      title: 'Samarbete nummer 7 om stadsutveckling',
    });
    expect(sample).toMatchObject({
      organisation_id: kultur,
      kind: 'project',
      status: 'ongoing',
      starts_on: '2022-08-08',
      ends_on: '2023-06-30',
      funding_amount: 70,
      visibility: 'public',
      review_state: 'submitted',
    });
    expect(sample.submitted_at).toBeTruthy();
    const doc = await rowWhere(t.db, 'search_document', { id: sample.id });
    expect(doc).toMatchObject({
      entity: 'collaboration',
      organisation_id: kultur,
      year: 2022,
      visibility: 'public',
      title: sample.title,
      body: 'Att utbyta erfarenheter om klimatanpassning mellan vänorterna.\n\nStadsutveckling och klimat\n',
    });
    const audit = await rowsWhere(
      t.db,
      'audit_event',
      { entity: 'import_job', entity_id: good.id },
      ['action'],
    );
    expect(audit.map((a) => a.action).sort()).toEqual(['check', 'import', 'start', 'upload']);
  });

  it('refuses a file over 10 MB and a file without rows, storing nothing', async () => {
    const jobs = () => countRows(t.db, 'import_job');
    const before = await jobs();
    for (const [filename, contentType, data, message] of [
      [
        'stor.csv',
        'text/csv',
        Buffer.alloc(10 * 1024 * 1024 + 1, 'a'),
        'import.error.fileTooLarge',
      ],
      ['tom.csv', 'text/csv', Buffer.from('Rubrik;Startdatum\n'), 'import.error.fileEmpty'],
      [
        'fel.xlsx',
        'application/octet-stream',
        Buffer.from('PK not really a zip'),
        'import.error.fileUnreadable',
      ],
    ] as const) {
      await expect(
        uploadImport(t.db, actor(), reporter, {
          filename,
          contentType,
          data,
          organisation: kultur,
        }),
        filename,
      ).rejects.toMatchObject({ details: { problems: [{ path: 'file', message }] } });
    }
    expect(await jobs()).toBe(before);
  });

  it('takes the organisation from a column for coordinators only and refuses unknown ones', async () => {
    const csv = Buffer.from(
      'Title,Start date,Twin cities,Organisation\r\nA,2024-01-01,Bergen,liseberg\r\nB,2024-01-01,Bergen,Okänt bolag\r\n',
    );
    await expect(
      uploadImport(t.db, actor(), reporter, {
        filename: 'a.csv',
        contentType: 'text/csv',
        data: csv,
        organisation: IMPORT_FROM_COLUMN,
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const job = await uploadImport(
      t.db,
      { userId: coordinator.id, label: coordinator.email, ip: null },
      coordinator,
      { filename: 'a.csv', contentType: 'text/csv', data: csv, organisation: IMPORT_FROM_COLUMN },
    );
    const checked = await checkImport(
      t.db,
      { userId: coordinator.id, label: coordinator.email, ip: null },
      coordinator,
      job.id,
      guessMapping(['Title', 'Start date', 'Twin cities', 'Organisation']),
    );
    expect(checked.problems).toEqual([
      {
        row: 3,
        column: 'Organisation',
        message: 'import.problem.organisationUnknown',
        params: { value: 'Okänt bolag' },
      },
    ]);
  });

  it('runs the flow through the pages: upload, mapping, dry run with a problem table, import of the valid rows', async () => {
    const agent = await signedIn(t.app, DEMO_EMAIL.reporter);
    const page = await agent.get('/workspace/import');
    expect(page.statusCode).toBe(200);
    const upload = (filename: string, content: string, organisation = kultur) => {
      const boundary = '----vanort-test-boundary';
      const body = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${agent.csrfToken}\r\n` +
            `--${boundary}\r\nContent-Disposition: form-data; name="organisation"\r\n\r\n${organisation}\r\n` +
            `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: text/csv\r\n\r\n`,
        ),
        Buffer.from(content, 'utf8'),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return t.app.inject({
        method: 'POST',
        url: '/workspace/import',
        cookies: Object.fromEntries(agent.cookies),
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload: body,
      });
    };
    const none = await upload('', '');
    expectRefused(none, ['Välj en fil']);
    const wrong = await upload('bild.png', 'PNG');
    expectRefused(wrong, ['Filen måste vara Excel (.xlsx) eller CSV']);
    const otherOrg = await upload('a.csv', 'Rubrik\nA', 'no-such-organisation');
    expect(otherOrg.statusCode).toBe(400);
    expect(otherOrg.body).toContain(
      'Välj vilken organisation filens samarbeten eller utbyten gäller.',
    );

    const res = await upload(
      'lista.csv',
      'Rubrik;Startdatum;Slutdatum;Vänorter;Områden\n' +
        'Lägerskola för årskurs 9;2026-05-04;2026-05-08;Århus;Skola\n' +
        ';2026-13-01;;Oslo;Rymden\n',
    );
    expect(res.statusCode).toBe(303);
    const jobUrl = String(res.headers.location);
    const mapping = await agent.get(jobUrl);
    expect(mapping.body).toContain('<option value="Rubrik" selected>Rubrik</option>');
    const check = await agent.post(`${jobUrl}/check`, {
      'map-title': 'Rubrik',
      'map-startsOn': 'Startdatum',
      'map-endsOn': 'Slutdatum',
      'map-cities': 'Vänorter',
      'map-areas': 'Områden',
    });
    expect(check.statusCode).toBe(303);
    const report = await agent.get(jobUrl);
    expect(report.body).toContain('4 problem på 1 av 2 rader');
    expect(report.body).toContain('Rubriken saknas');
    expect(report.body).toContain('”2026-13-01” är inget giltigt datum (ÅÅÅÅ-MM-DD)');
    expect(report.body).toContain('”Oslo” är ingen aktiv vänort');
    expect(report.body).toContain('Okänt område ”Rymden”');
    const refused = await agent.post(`${jobUrl}/start`, {});
    expect(refused.statusCode).toBe(400);
    await agent.get(jobUrl);
    const before = await count('collaboration');
    expect((await agent.post(`${jobUrl}/start`, { onlyValid: '1' })).statusCode).toBe(303);
    let done = '';
    for (let i = 0; i < 50 && !done.includes('Importen är klar'); i++) {
      done = (await agent.get(jobUrl)).body;
      if (!done.includes('Importen är klar')) await new Promise((r) => setTimeout(r, 100));
    }
    expect(done).toContain('1 samarbete är importerat');
    expect(await count('collaboration')).toBe(before + 1);

    // Someone else's import is not found.
    const other = await signedIn(t.app, DEMO_EMAIL.coordinator);
    expect((await other.get(jobUrl)).statusCode).toBe(404);
    // A bad mapping is refused field by field.
    const second = await upload('lista.csv', 'Rubrik;Startdatum\nA;2026-01-01\n');
    const url2 = String(second.headers.location);
    await agent.get(url2);
    const badMap = await agent.post(`${url2}/check`, { 'map-title': 'Finns inte' });
    expectRefused(badMap, [
      'Den valda kolumnen finns inte i filen',
      'Välj vilken kolumn som innehåller vänorterna',
    ]);

    // Many problems are paginated, 50 a page.
    const many = await upload(
      'många.csv',
      'Rubrik;Startdatum;Vänorter\n' +
        Array.from({ length: 120 }, (_, i) => `Rad ${i};inte ett datum;Bergen\n`).join(''),
    );
    const url3 = String(many.headers.location);
    await agent.get(url3);
    await agent.post(`${url3}/check`, {
      'map-title': 'Rubrik',
      'map-startsOn': 'Startdatum',
      'map-cities': 'Vänorter',
    });
    const page1 = await agent.get(url3);
    expect(page1.body).toContain('120 problem på 120 av 120 rader');
    expect(page1.body.match(/<tr><th scope="row">\d+<\/th>/g)).toHaveLength(50);
    const page3 = await agent.get(`${url3}?page=3`);
    expect(page3.body.match(/<tr><th scope="row">\d+<\/th>/g)).toHaveLength(20);
    expect(page3.body).toContain('<th scope="row">121</th>');
    // No valid row: nothing to import.
    expect(page1.body).not.toContain('Importera bara');

    // While an import runs, the page shows progress and refreshes itself (no JavaScript).
    const id3 = url3.split('/').pop()!;
    await updateRows(
      t.db,
      'import_job',
      { id: id3 },
      { status: 'importing', valid_rows: 120, processed_rows: 40 },
    );
    const running = await agent.get(url3);
    expect(running.body).toContain('<meta http-equiv="refresh" content="2"/>');
    expect(running.body).toContain('40 av 120 rader är behandlade.');
    await updateRows(t.db, 'import_job', { id: id3 }, { status: 'failed' });
  });

  it('exports the filtered list, streamed, as CSV and Excel for logged-in users, in a form the import reads back', async () => {
    const staff = await signedIn(t.app, DEMO_EMAIL.staff);
    const all = await staff.get('/workspace/collaborations/export.csv');
    expect(all.statusCode).toBe(200);
    expect(all.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = all.body.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      '\uFEFFRubrik,Typ,Status,Startdatum,Slutdatum,Vänorter,Områden,Mål,Resultat,Kontaktperson,Kontaktens e-post,Finansiering,Program,Belopp (kr),Strategiska mål,Synlighet,Organisation,Granskning',
    );
    expect(lines).toHaveLength(1 + (await count('collaboration')));

    const bergen = await staff.get(
      '/workspace/collaborations/export.csv?city=bergen&year=2020&kind=project',
    );
    const bergenLines = bergen.body.trimEnd().split('\r\n').slice(1);
    const expected = Number(
      (
        await t.db.kysely
          .selectFrom('collaboration as c')
          .innerJoin('collaboration_city as cc', 'cc.collaboration_id', 'c.id')
          .innerJoin('city', 'city.id', 'cc.city_id')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('city.slug', '=', 'bergen')
          .where('c.kind', '=', 'project')
          .where('c.starts_on', '<=', '2020-12-31')
          .where((eb) => eb.or([eb('c.ends_on', 'is', null), eb('c.ends_on', '>=', '2020-01-01')]))
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(expected).toBeGreaterThan(0);
    expect(bergenLines).toHaveLength(expected);
    expect(bergenLines.every((l) => l.includes('Bergen') && l.includes(',Projekt,'))).toBe(true);

    expect((await staff.get('/workspace/collaborations/export.csv?year=tjugo')).statusCode).toBe(
      400,
    );
    expect(
      (await staff.get('/workspace/collaborations/export.xlsx?status=sleeping')).statusCode,
    ).toBe(400);
    expect(
      (await new TestAgent(t.app).get('/workspace/collaborations/export.csv')).statusCode,
    ).toBe(303);

    const xlsx = await staff.get(
      '/workspace/collaborations/export.xlsx?organisation=kulturforvaltningen&year=2025&lang=en',
    );
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.name).toBe('Collaborations');
    expect(sheet.getRow(1).getCell(1).value).toBe('Title');
    expect(sheet.actualRowCount).toBeGreaterThan(100);

    // The Swedish CSV goes back into the import without a problem.
    const csv = await staff.get(
      '/workspace/collaborations/export.csv?organisation=kulturforvaltningen&year=2024&lang=sv',
    );
    const job = await uploadImport(t.db, actor(), reporter, {
      filename: 'export.csv',
      contentType: 'text/csv',
      data: csv.rawPayload,
      organisation: kultur,
    });
    expect(job.totalRows).toBeGreaterThan(100);
    const headers = csv.body.split('\r\n')[0]!.replace('\uFEFF', '').split(',');
    const checked = await checkImport(t.db, actor(), reporter, job.id, guessMapping(headers));
    expect(checked.problems).toEqual([]);
  });

  it('imports experience exchanges: every problem by row and column first, then the fixed file', async () => {
    const header = 'Datum;Vänort;Riktning;Antal deltagare;Vad gjordes;Vad lärde ni er;Synlighet\n';
    const ok1 =
      '2026-03-12;Bergen;Besök till vänorten;12;Studiebesök om skyfallsplaner;Bergens modell för dagvatten;Offentlig\n';
    const bad = '2026-02-30;Bergen, Åbo;på cykel;många;;;hemlig\n';
    const job = await uploadImport(t.db, actor(), reporter, {
      filename: 'utbyten.csv',
      contentType: 'text/csv',
      data: Buffer.from(header + ok1 + bad),
      organisation: kultur,
      kind: 'exchange',
    });
    expect(job.kind).toBe('exchange');
    const mapping = guessMapping(
      [
        'Datum',
        'Vänort',
        'Riktning',
        'Antal deltagare',
        'Vad gjordes',
        'Vad lärde ni er',
        'Synlighet',
      ],
      'exchange',
    );
    expect(Object.keys(mapping).sort()).toEqual([
      'activities',
      'city',
      'direction',
      'learnings',
      'occurredOn',
      'participants',
      'visibility',
    ]);
    const checked = await checkImport(t.db, actor(), reporter, job.id, mapping);
    expect(checked.problems.map((p) => [p.row, p.column, p.message])).toEqual([
      [3, 'Datum', 'import.problem.dateInvalid'],
      [3, 'Vänort', 'import.problem.oneCity'],
      [3, 'Riktning', 'import.problem.directionInvalid'],
      [3, 'Antal deltagare', 'import.problem.participantsInvalid'],
      [3, 'Vad gjordes', 'import.problem.activitiesRequired'],
      [3, 'Synlighet', 'import.problem.visibilityInvalid'],
    ]);
    const before = await countRows(t.db, 'exchange');
    await startImport(t.db, actor(), reporter, job.id, true);
    expect(await runImport(t.db, actor(), job.id)).toEqual({ imported: 1 });
    const rows = await t.db.kysely
      .selectFrom('exchange')
      .innerJoin('search_document as d', 'd.id', 'exchange.id')
      .select([
        'exchange.direction',
        'exchange.participants',
        'exchange.review_state',
        'd.entity',
        'd.year',
        'd.body',
      ])
      .orderBy('exchange.created_at')
      .execute();
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toEqual({
      direction: 'visit_to',
      participants: 12,
      review_state: 'submitted',
      entity: 'exchange',
      year: 2026,
      body: 'Studiebesök om skyfallsplaner\nBergens modell för dagvatten',
    });
  });
});
