import type { LightMyRequestResponse } from 'fastify';
import { expect, it } from 'vitest';
import type { TestAgent } from '../../../test/helpers/agent.ts';
import { describeEachDialect } from '../../../test/helpers/databases.ts';
import { expectPage, expectRedirect, expectRefused } from '../../../test/helpers/forms.ts';
import { useTestApp } from '../../../test/helpers/test-app.ts';
import { getCity } from '../cities/city.service.ts';
import { MAX_DOCUMENT_BYTES } from './decision.service.ts';
import { DEMO_EMAIL, signedIn, useSignedIn } from '../../../test/helpers/sign-in.ts';
import { countRows, rowWhere } from '../../../test/helpers/rows.ts';

/** A small but real PDF, with a few non-ASCII bytes to prove the download is byte-identical. */
function samplePdf(): Buffer {
  return Buffer.concat([
    Buffer.from('%PDF-1.4\n%', 'latin1'),
    Buffer.from([0xe2, 0xe3, 0xcf, 0xd3, 0x0a]),
    Buffer.from(
      [
        '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
        '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
        '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj',
        'trailer << /Root 1 0 R >>',
        '%%EOF',
        '',
      ].join('\n'),
      'latin1',
    ),
  ]);
}

interface Upload {
  filename: string;
  type: string;
  data: Buffer;
}

/**
 * Posts a multipart form through the agent as a browser would (its cookies and the CSRF
 * token of its last page, unless `csrf` says otherwise), with an optional document.
 */
function postMultipart(
  agent: TestAgent,
  url: string,
  fields: Record<string, string>,
  document?: Upload,
  options: { csrf?: string | null } = {},
): Promise<LightMyRequestResponse> {
  return agent.postMultipart(url, fields, document && { field: 'document', ...document }, options);
}

/** A PDF document for the decision form's upload. */
const pdfUpload = (filename: string): Upload => ({
  filename,
  type: 'application/pdf',
  data: samplePdf(),
});

const today = () => new Date().toISOString().slice(0, 10);
const nextYear = () => `${new Date().getUTCFullYear() + 1}-06-01`;

/** A decision that passes every check, for the proposal's form. */
const goodDecision = (overrides: Record<string, string> = {}) => ({
  body: 'KF',
  meetingDate: today(),
  section: '§ 12',
  caseNumber: 'SLK-2026-01047',
  title: 'Vänortssamarbete med Tromsø',
  outcome: 'approved',
  link: 'https://goteborg.se/kf/protokoll',
  finalOn: '',
  ...overrides,
});

/** The proposal form's fields for a new twin city. */
const newCity = (slug: string, nameSv: string, countryCode: string) => ({
  kind: 'establish_twin',
  city: 'new',
  slug,
  nameSv,
  countryCode,
});

const unescape = (html: string) =>
  html
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

describeEachDialect('workspace: proposals and council decisions', (dialect) => {
  const t = useTestApp(dialect);
  const [coordinator, council, staff] = useSignedIn(
    t,
    DEMO_EMAIL.coordinator,
    DEMO_EMAIL.council,
    DEMO_EMAIL.staff,
  );

  const count = (
    table: 'council_decision' | 'proposal' | 'city' | 'decision_document' | 'city_status_change',
  ) => countRows(t.db, table);
  const snapshot = async () => ({
    decisions: await count('council_decision'),
    documents: await count('decision_document'),
    proposals: await count('proposal'),
    cities: await count('city'),
    history: await count('city_status_change'),
  });
  const proposalRow = (title: string) => rowWhere(t.db, 'proposal', { title });

  it('is for coordinators and the council secretariat only', async () => {
    const anonymous = await t.app.inject({ url: '/workspace/proposals' });
    expectRedirect(anonymous, '/login?next=%2Fworkspace%2Fproposals');
    for (const [agent, url] of [
      [staff, '/workspace/proposals'],
      [staff, '/workspace/decisions'],
      [council, '/workspace/proposals'],
      [coordinator, '/workspace/decisions'],
      [coordinator, '/workspace/decisions/new'],
    ] as const)
      expect((await agent.get(url)).statusCode, url).toBe(403);

    const before = await snapshot();
    const asStaff = await staff.post('/workspace/proposals/new', {
      ...newCity('hackarby', 'Hackarby', 'SE'),
      title: 'Obehörigt',
      justification: 'Nej.',
    });
    expect(asStaff.statusCode).toBe(403);
    await coordinator.get('/workspace/proposals');
    const asCoordinator = await postMultipart(
      coordinator,
      '/workspace/decisions/new',
      goodDecision(),
      pdfUpload('beslut.pdf'),
    );
    expect(asCoordinator.statusCode).toBe(403);
    expect(await snapshot()).toEqual(before);

    // The workspace start page leads each role to its own tasks.
    expect((await coordinator.get('/workspace')).body).toContain('href="/workspace/proposals"');
    expect((await council.get('/workspace')).body).toContain('href="/workspace/decisions"');
    expect((await staff.get('/workspace')).body).not.toContain('href="/workspace/decisions"');
    expect((await staff.get('/workspace')).body).not.toContain('href="/workspace/proposals"');
  });

  it('refuses a bad proposal field by field and keeps the values', async () => {
    const list = await coordinator.get('/workspace/proposals');
    expectPage(list, 200, [
      'Kedjan har 4 medlemmar',
      'Göteborg står värd vart 8:e år',
      'Det stämmer med policyn',
    ]);

    expect((await coordinator.get('/workspace/proposals/new')).statusCode).toBe(200);
    const before = await snapshot();
    const bad = await coordinator.post('/workspace/proposals/new', {
      kind: '',
      city: 'new',
      slug: 'Tromsø!',
      nameSv: '',
      nameEn: '',
      countryCode: 'Norge',
      latitude: 'nord',
      longitude: '500',
      title: '',
      justification: '',
    });
    expect(bad.statusCode).toBe(400);
    const html = unescape(bad.body);
    expect(html).toContain('Det finns problem');
    for (const message of [
      'Välj vad förslaget gäller',
      'Skriv stadens namn i sidans adress med 2–61 tecken',
      'Ange stadens namn på svenska',
      'Ange landskoden med två bokstäver',
      'Ange koordinaten i decimalgrader',
      'Ange en rubrik',
      'Skriv en motivering',
    ]) {
      expect(html).toContain(message);
    }
    for (const field of ['kind', 'slug', 'nameSv', 'countryCode', 'latitude', 'longitude'])
      expect(html).toContain(`href="#${field}"`);
    expect(html).toContain('value="Tromsø!"');
    expect(html).toContain('value="Norge"');

    // No city; a city the proposal does not fit; a new city at a taken address.
    for (const [fields, message] of [
      [
        { kind: 'activate_partner', city: '', title: 'Något', justification: 'Något.' },
        'Välj en stad i listan',
      ],
      [
        {
          kind: 'activate_partner',
          city: 'bergen',
          title: 'Bergen som partnerstad',
          justification: 'Fel.',
        },
        'Förslaget passar inte stadens nuvarande status',
      ],
      [
        { ...newCity('bergen', 'Bergen igen', 'NO'), title: 'Dubblett', justification: 'Fel.' },
        'En stad i registret har redan den adressen',
      ],
    ] as const) {
      const res = await coordinator.post('/workspace/proposals/new', fields);
      expect(res.statusCode).toBe(400);
      expect(unescape(res.body)).toContain(message);
    }
    expect(await snapshot()).toEqual(before);

    const noToken = await coordinator.post(
      '/workspace/proposals/new',
      {
        ...newCity('tromso', 'Tromsø', 'NO'),
        title: 'Utan formulärnyckel',
        justification: 'CSRF.',
      },
      { csrf: null },
    );
    expect(noToken.statusCode).toBe(403);
    expect(await snapshot()).toEqual(before);
  });

  it('runs the whole flow by forms: a new twin city through a City Council decision', async () => {
    // The coordinator drafts a proposal for a new twin city and sends it.
    const drafted = await coordinator.submit('/workspace/proposals/new', {
      ...newCity('tromso', 'Tromsø', 'no'),
      nameEn: 'Tromsø',
      latitude: '69,6492',
      longitude: '18.9553',
      title: 'Förslag: Tromsø som ny vänort',
      justification: 'Arktiskt samarbete mellan hamnstäder.',
    });
    expectRedirect(drafted, '/workspace/proposals');
    let list = await coordinator.get('/workspace/proposals');
    expect(list.body).toContain('Förslaget är sparat som utkast.');
    expect(list.body).toContain('Utkast');
    expect(unescape(list.body)).toContain(
      'Om förslaget ”Förslag: Tromsø som ny vänort” bifalls får kedjan 5 medlemmar och Göteborg står värd vart 10:e år',
    );
    const city = await getCity(t.db, 'tromso');
    expect(city).toMatchObject({
      kind: 'twin',
      status: 'proposed',
      countryCode: 'NO',
      coordinates: { latitude: 69.6492, longitude: 18.9553 },
    });
    const proposal = await proposalRow('Förslag: Tromsø som ny vänort');
    const sent = await coordinator.post(`/workspace/proposals/${proposal.id}/send`);
    expect(sent.statusCode).toBe(303);
    list = await coordinator.get('/workspace/proposals');
    expect(list.body).toContain('Skickat till KF/KS – väntar på beslut');
    // Sent: neither sent again nor withdrawn.
    const again = await coordinator.post(`/workspace/proposals/${proposal.id}/withdraw`);
    expectRefused(again, ['Förslaget är inte längre ett utkast']);
    expect((await proposalRow('Förslag: Tromsø som ny vänort')).status).toBe('sent');

    // The council secretariat sees it pending.
    const decisions = await council.get('/workspace/decisions');
    expectPage(decisions, 200, ['Förslag som väntar på beslut']);
    const formUrl = `/workspace/decisions/new?proposal=${proposal.id}`;
    expect(unescape(decisions.body)).toContain(`href="${formUrl}"`);
    const form = await council.get(formUrl);
    expectPage(form, 200, [
      'enctype="multipart/form-data"',
      'kan bara kommunfullmäktige (KF) besluta om det',
      'SLK-2023-01047',
      '0263/20',
    ]);

    // KS cannot decide a twin city (P6): refused, nothing changes.
    const before = await snapshot();
    const ks = await postMultipart(council, formUrl, goodDecision({ body: 'KS' }), {
      filename: 'beslut.pdf',
      type: 'application/pdf',
      data: samplePdf(),
    });
    expect(ks.statusCode).toBe(400);
    expect(ks.body).toContain(
      'Endast kommunfullmäktige (KF) kan besluta om att etablera eller avsluta en vänort',
    );
    expect(ks.body).toContain('href="#body"');
    expect(ks.body).toContain('value="SLK-2026-01047"');
    expect(await snapshot()).toEqual(before);
    expect((await getCity(t.db, 'tromso')).status).toBe('proposed');

    // Malformed fields and files, each refused on its own field; nothing stored.
    const bad = await postMultipart(
      council,
      formUrl,
      goodDecision({
        meetingDate: nextYear(),
        section: 'tolv',
        caseNumber: 'KS 2026/1047',
        link: 'goteborg.se',
        finalOn: '2026-02-30',
      }),
      {
        filename: 'beslut.docx',
        type: 'application/msword',
        data: Buffer.from('PK\u0003\u0004 Word'),
      },
    );
    expect(bad.statusCode).toBe(400);
    const html = unescape(bad.body);
    for (const [field, message] of [
      ['meetingDate', 'Datumet kan inte ligga i framtiden'],
      ['section', 'Ange paragrafnumret med siffror'],
      ['caseNumber', 'Ange diarienumret i formen SLK-2023-01047'],
      ['link', 'Ange en fullständig webbadress'],
      ['finalOn', 'Ange ett datum i formen ÅÅÅÅ-MM-DD'],
      ['document', 'Filen är inte en PDF-fil'],
    ] as const) {
      expect(html).toContain(`href="#${field}"`);
      expect(html).toMatch(new RegExp(`id="${field}-error">${message}`));
    }
    expect(html).toContain('value="KS 2026/1047"');
    expect(await snapshot()).toEqual(before);

    // Over 25 MB: refused as too large (just over the limit, and far over it).
    for (const size of [MAX_DOCUMENT_BYTES + 1, MAX_DOCUMENT_BYTES + 3 * 1024 * 1024]) {
      const data = Buffer.alloc(size, 0x20);
      data.write('%PDF-1.4\n');
      const big = await postMultipart(council, formUrl, goodDecision(), {
        filename: 'stort.pdf',
        type: 'application/pdf',
        data,
      });
      expect(big.statusCode, `${size} bytes`).toBe(400);
      expect(big.body).toMatch(/id="document-error">Filen är större än 25 MB/);
      expect(await snapshot()).toEqual(before);
    }

    // No CSRF token: refused before anything is recorded.
    const noToken = await postMultipart(council, formUrl, goodDecision(), pdfUpload('beslut.pdf'), {
      csrf: null,
    });
    expectPage(noToken, 403, ['Formuläret har gått ut']);
    const wrongToken = await postMultipart(
      council,
      formUrl,
      goodDecision(),
      pdfUpload('beslut.pdf'),
      { csrf: 'not-the-token' },
    );
    expect(wrongToken.statusCode).toBe(403);
    expect(await snapshot()).toEqual(before);

    // The City Council approves, with the decision as a PDF.
    await council.get(formUrl);
    const pdf = samplePdf();
    const recorded = await postMultipart(council, formUrl, goodDecision(), {
      filename: 'KF-beslut Tromsø.pdf',
      type: 'application/pdf',
      data: pdf,
    });
    expectRedirect(recorded, '/workspace/decisions');
    expect(await getCity(t.db, 'tromso')).toMatchObject({
      kind: 'twin',
      status: 'active',
      sinceYear: new Date().getUTCFullYear(),
    });
    expect((await proposalRow('Förslag: Tromsø som ny vänort')).status).toBe('approved');
    const after = await council.get('/workspace/decisions');
    expect(after.body).toContain('Beslutet är registrerat.');
    expect(after.body).toContain('Inga förslag väntar på beslut.');
    expect(after.body).toContain('SLK-2026-01047');
    const decision = await rowWhere(t.db, 'council_decision', { case_number: 'SLK-2026-01047' });
    expect(decision).toMatchObject({ body: 'KF', section: '12', outcome: 'approved' });
    expect(after.body).toContain(`href="/decisions/${decision.id}/document"`);

    // Anyone downloads the document, byte for byte.
    const download = await t.app.inject({ url: `/decisions/${decision.id}/document` });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="KF-beslut Troms_.pdf"; filename*=UTF-8''${encodeURIComponent('KF-beslut Tromsø.pdf')}`,
    );
    expect(Buffer.compare(download.rawPayload, pdf)).toBe(0);

    // The coordinator's workspace now warns about the longer hosting cycle (P3).
    list = await coordinator.get('/workspace/proposals');
    expect(list.body).toContain('Bifallet');
    expect(list.body).toContain('Kedjan har 5 medlemmar');
    expect(list.body).toContain(
      'Varning: Göteborg står värd vart 10:e år, inte vart åttonde år som policyn utgår från (policyns regel P3, ”roterande värdskap”).',
    );

    // The proposal is decided: a second decision on it is refused.
    await council.get(formUrl);
    const twice = await postMultipart(council, formUrl, goodDecision());
    expectRefused(twice, ['Förslaget väntar inte längre på beslut']);

    // The audit trail shows each step, by whom.
    const audit = await t.db.kysely
      .selectFrom('audit_event')
      .select(['entity', 'action', 'actor_label'])
      .where('entity', 'in', ['proposal', 'council_decision', 'city'])
      .where('entity_id', 'in', [proposal.id, decision.id, city.id])
      .orderBy('occurred_at')
      .execute();
    expect(audit.map((a) => `${a.entity}.${a.action} ${a.actor_label}`).sort()).toEqual(
      // Events of one transaction can share a millisecond: compare as a set.
      [
        'city.create samordnare@vanort.example',
        'proposal.draft samordnare@vanort.example',
        'proposal.send samordnare@vanort.example',
        'council_decision.record sekretariatet@vanort.example',
        'proposal.approve sekretariatet@vanort.example',
        'city.status.change sekretariatet@vanort.example',
      ].sort(),
    );
  });

  it('shows the public page of the new twin city as an active twin city', async () => {
    const page = await t.app.inject({ url: '/cities/tromso' });
    expectPage(page, 200, ['Tromsø', 'Vänort', 'Aktiv']);
  });

  it('corrects a decision only by recording a new one that supersedes it', async () => {
    const original = await rowWhere(t.db, 'council_decision', { case_number: 'SLK-2026-01047' });
    const url = `/workspace/decisions/new?supersedes=${original.id}`;
    const form = await council.get(url);
    expectPage(form, 200, ['Rätta ett beslut', 'value="SLK-2026-01047"', 'value="§ 12"']);
    const before = await snapshot();
    const corrected = await postMultipart(
      council,
      url,
      goodDecision({ title: 'Vänortssamarbete med Tromsø (rättelse)', caseNumber: '0263/20' }),
    );
    expect(corrected.statusCode).toBe(303);
    expect(await count('council_decision')).toBe(before.decisions + 1);
    // The city is not decided again by a correction.
    expect(await count('city_status_change')).toBe(before.history);
    const list = await council.get('/workspace/decisions');
    expect(list.body).toContain('Rättat');
    expect(list.body).toContain('Rättelse');
    await council.get(url);
    const twice = await postMultipart(council, url, goodDecision());
    expectRefused(twice, ['Beslutet är redan rättat']);
    expect(await count('council_decision')).toBe(before.decisions + 1);
    // The correction has no document: 404, as an unknown decision.
    const correction = await rowWhere(t.db, 'council_decision', { supersedes_id: original.id }, [
      'id',
    ]);
    expect((await t.app.inject({ url: `/decisions/${correction.id}/document` })).statusCode).toBe(
      404,
    );
    expect((await t.app.inject({ url: '/decisions/no-such-id/document' })).statusCode).toBe(404);
    expect((await council.get('/workspace/decisions/new?supersedes=no-such-id')).statusCode).toBe(
      404,
    );
    expect((await council.get('/workspace/decisions/new?proposal=no-such-id')).statusCode).toBe(
      404,
    );
  });

  it('withdraws a draft, and a partner city stays as it was', async () => {
    const drafted = await coordinator.submit('/workspace/proposals/new', {
      kind: 'activate_partner',
      city: 'kiel',
      title: 'Återuppta samarbetet med Kiel',
      justification: 'Hamnsamarbete.',
    });
    expect(drafted.statusCode).toBe(303);
    const proposal = await proposalRow('Återuppta samarbetet med Kiel');
    await coordinator.get('/workspace/proposals');
    expect(
      (await coordinator.post(`/workspace/proposals/${proposal.id}/withdraw`)).statusCode,
    ).toBe(303);
    const list = await coordinator.get('/workspace/proposals');
    expect(list.body).toContain('Förslaget är återtaget.');
    expect(list.body).toContain('Återtaget');
    expect((await getCity(t.db, 'kiel')).status).toBe('dormant');
    const again = await coordinator.post(`/workspace/proposals/${proposal.id}/send`);
    expectRefused(again, ['Förslaget är inte längre ett utkast']);
    expect((await coordinator.post('/workspace/proposals/no-such-id/send')).statusCode).toBe(404);
  });

  it('reads multipart forms on other routes too, with the CSRF check, dropping their files', async () => {
    await coordinator.get('/workspace/proposals/new');
    const noToken = await postMultipart(
      coordinator,
      '/workspace/proposals/new',
      { kind: 'activate_partner', city: 'lyon', title: 'Lyon', justification: 'Utan nyckel.' },
      undefined,
      { csrf: null },
    );
    expect(noToken.statusCode).toBe(403);
    await coordinator.get('/workspace/proposals/new');
    const res = await postMultipart(
      coordinator,
      '/workspace/proposals/new',
      {
        kind: 'activate_partner',
        city: 'lyon',
        title: 'Återuppta samarbetet med Lyon',
        justification: 'Kultursamarbete.',
      },
      pdfUpload('bilaga.pdf'),
    );
    expect(res.statusCode).toBe(303);
    expect((await proposalRow('Återuppta samarbetet med Lyon')).status).toBe('draft');
  });

  it('speaks English too', async () => {
    const en = await signedIn(t.app, DEMO_EMAIL.council);
    const page = await en.get('/workspace/decisions?lang=en');
    expectPage(page, 200, ['<html lang="en"', 'Recorded decisions']);
    const form = await en.get('/workspace/decisions/new');
    expect(form.body).toContain('Deciding body');
    const bad = await postMultipart(en, '/workspace/decisions/new', {
      ...goodDecision(),
      caseNumber: 'nope',
    });
    expectRefused(bad, ['Enter the case number as SLK-2023-01047']);
    const coordinatorEn = await signedIn(t.app, DEMO_EMAIL.coordinator);
    const proposals = await coordinatorEn.get('/workspace/proposals?lang=en');
    expect(proposals.body).toContain('Warning: Gothenburg hosts every 10 years');
    expect(proposals.body).toContain('Approved');
    const newProposal = await coordinatorEn.get('/workspace/proposals/new');
    expect(newProposal.body).toContain('What is the proposal about?');
    for (const res of [page, form, proposals, newProposal])
      expect(res.body).not.toMatch(/undefined|\{\w+\}/);
  });
});
