import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import type { TestAgent } from '../../../test/helpers/agent.ts';
import { describeEachDialect } from '../../../test/helpers/databases.ts';
import { useTestApp } from '../../../test/helpers/test-app.ts';
import { tinyPdf } from './meeting.demo.ts';
import { MAX_MEETING_DOCUMENT_BYTES } from './meeting-document.service.ts';
import { expectPage, expectRedirect, expectRefused } from '../../../test/helpers/forms.ts';
import ICAL from 'ical.js';
import { DEMO_EMAIL, signedIn } from '../../../test/helpers/sign-in.ts';
import { rowsWhere, rowWhere } from '../../../test/helpers/rows.ts';
import { cityRow } from '../../../test/helpers/city-fixtures.ts';
import {
  DEMO_ROTATION_FROM_2023,
  SWAP_AARHUS_TURKU_2039,
} from '../../../test/helpers/meeting-fixtures.ts';

/** Posts a meeting document form (multipart) through the agent, with an optional file. */
function postMultipart(
  _app: FastifyInstance,
  agent: TestAgent,
  url: string,
  fields: Record<string, string>,
  file?: { filename: string; type: string; data: Buffer },
): Promise<LightMyRequestResponse> {
  return agent.postMultipart(url, fields, file && { field: 'docFile', ...file });
}

describeEachDialect('meeting pages', (dialect) => {
  const t = useTestApp(dialect);
  let ids: Map<number, string>;
  const coordinator = () => signedIn(t.app, DEMO_EMAIL.coordinator);
  const bergen = () => signedIn(t.app, DEMO_EMAIL.bergen);

  beforeAll(async () => {
    const rows = await t.db.kysely.selectFrom('meeting').select(['id', 'year']).execute();
    ids = new Map(rows.map((r) => [r.year, r.id]));
  });

  const audits = (entity: string) =>
    rowsWhere(t.db, 'audit_event', { entity }, ['action', 'entity_id']);

  it('answers the rotation API with the record and the forecast', async () => {
    const res = await t.app.inject({ url: '/api/v1/rotation?from=2023&count=7' });
    expect(res.statusCode).toBe(200);
    const body = res.json<{ year: number; host: { slug: string }; status: string }[]>();
    expect(body.map((b) => `${b.year} ${b.host.slug} ${b.status}`)).toEqual(
      DEMO_ROTATION_FROM_2023,
    );
    expect(body[0]).toMatchObject({
      host: { slug: 'aarhus', name: 'Aarhus', localized: { name: { text: 'Aarhus', lang: 'sv' } } },
    });
    // The host's name in the language asked for; `name` stays Swedish.
    const danish = await t.app.inject({ url: '/api/v1/rotation?from=2023&count=2&lang=da' });
    expect(danish.headers['content-language']).toBe('da');
    expect(danish.json()).toMatchObject([
      { host: { name: 'Aarhus', localized: { name: { text: 'Aarhus', lang: 'da' } } } },
      { host: { name: 'Åbo', localized: { name: { text: 'Turku', lang: 'da' } } } },
    ]);
    const finnish = await t.app.inject({
      url: '/api/v1/rotation?from=2025&count=1&lang=xx',
      headers: { 'accept-language': 'fi' },
    });
    expect(finnish.statusCode).toBe(200);
    expect(finnish.headers['content-language']).toBe('fi');
    expect(finnish.json()).toMatchObject([
      { host: { localized: { name: { text: 'Turku', lang: 'fi' } } } },
    ]);
    for (const q of ['from=1900', 'from=2201', 'from=abc', 'count=0', 'count=101', 'count=2.5']) {
      const bad = await t.app.inject({ url: `/api/v1/rotation?${q}` });
      expect(bad.statusCode, q).toBe(400);
      expect(bad.json<{ error: { code: string } }>().error.code, q).toBe('VALIDATION_FAILED');
    }
  });

  it('shows the timeline with Gothenburg next in 2027, held meetings and the forecast', async () => {
    const res = await t.app.inject({ url: '/meetings' });
    expectPage(res, 200, [
      'Göteborg står värd nästa gång 2027.',
      `<a href="/meetings/${ids.get(2027)}">2027</a>`,
      `<a href="/meetings/${ids.get(2013)}">2013</a>`,
    ]);
    expect(res.body).toMatch(/<th scope="row">2035<\/th>[\s\S]*?Prognos/);
    expect(res.body).toContain('href="/meetings" aria-current="page"');
  });

  it('shows one meeting: programme by day, seminars, follow-ups, public documents', async () => {
    const res = await t.app.inject({ url: `/meetings/${ids.get(2027)}` });
    expectPage(res, 200, [
      'Vänortsmötet 2027 i Göteborg',
      'Program 14 september 2027',
      'Politiskt erfarenhetsutbyte',
      'Klimatanpassning av hamnstäder',
    ]);
    // The open action of 2025 is a follow-up; the closed one of 2023 is not.
    expect(res.body).toContain('gemensamma mått för hållbart resande');
    expect(res.body).not.toContain('sammanställer erfarenheterna');
    const link = /href="(\/meetings\/[^"]+\/documents\/[^"]+)"/.exec(res.body)?.[1];
    expect(link).toBeDefined();
    const doc = await t.app.inject({ url: link! });
    expect(doc.statusCode).toBe(200);
    expect(doc.headers['content-type']).toBe('application/pdf');
    expect(doc.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await t.app.inject({ url: '/meetings/no-such-id' })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/meetings/${ids.get(2027)}/documents/x` })).statusCode).toBe(
      404,
    );
  });

  it('serves the calendars in Europe/Stockholm', async () => {
    const all = await t.app.inject({ url: '/meetings.ics' });
    expect(all.statusCode).toBe(200);
    expect(all.headers['content-type']).toContain('text/calendar');
    expect(all.body).toContain('BEGIN:VCALENDAR');
    expect(all.body).toContain('TZID:Europe/Stockholm');
    expect(all.body).toContain('DTSTART;VALUE=DATE:20270914');
    expect(all.body).toContain('DTEND;VALUE=DATE:20270917');
    expect(all.body).not.toContain('2013'); // no dates on record for 2013
    expect(all.body).toContain('SUMMARY:Vänortsmötet 2027 i Göteborg');
    // A download's language is in its link (?lang=), not in Accept-Language.
    const danish = await t.app.inject({
      url: '/meetings.ics?lang=da',
      headers: { 'accept-language': 'fi' },
    });
    expect(danish.statusCode).toBe(200);
    expect(danish.headers['content-language']).toBe('da');
    expect(danish.body).toContain('X-WR-CALNAME:Venskabsbymøder');
    expect(danish.body).toContain('SUMMARY:Venskabsbymødet 2025 i Turku');
    expect(danish.body).toContain('PRODID:-//Goteborgs Stad//Vanortsportalen//DA');
    const unknown = await t.app.inject({ url: '/meetings.ics?lang=xx' });
    expectPage(unknown, 200, ['SUMMARY:Vänortsmötet 2027 i Göteborg']);
    const one = await t.app.inject({ url: `/meetings/${ids.get(2027)}/calendar.ics` });
    expectPage(one, 200, [
      'DTSTART;TZID=Europe/Stockholm:20270915T090000',
      'SUMMARY:Politiskt erfarenhetsutbyte',
    ]);
    expect(
      (await t.app.inject({ url: `/meetings/${ids.get(2013)}/calendar.ics` })).statusCode,
    ).toBe(404);
  });

  it('stamps the feed in UTC and tells calendar clients when an event changed', async () => {
    const event = async () => {
      const res = await t.app.inject({ url: '/meetings.ics' });
      const calendar = new ICAL.Component(ICAL.parse(res.body) as unknown[]);
      const vevent = calendar
        .getAllSubcomponents('vevent')
        .find(
          (e) =>
            String(e.getFirstPropertyValue('uid')) === `meeting-${ids.get(2027)}@vanortsportalen`,
        )!;
      return {
        raw: res.body,
        stamp: vevent.getFirstProperty('dtstamp')!.getFirstValue() as ICAL.Time,
        modified: vevent.getFirstProperty('last-modified')!.getFirstValue() as ICAL.Time,
        sequence: Number(vevent.getFirstPropertyValue('sequence')),
      };
    };
    const before = await event();
    // RFC 5545: DTSTAMP and LAST-MODIFIED in UTC ("Z").
    expect(before.raw).toMatch(/\r\nDTSTAMP:\d{8}T\d{6}Z\r\n/);
    expect(before.raw).toMatch(/\r\nLAST-MODIFIED:\d{8}T\d{6}Z\r\n/);
    expect(before.stamp.zone?.tzid).toBe('UTC');
    await new Promise((r) => setTimeout(r, 1100)); // a change at least a second later
    const agent = await coordinator();
    const id = ids.get(2027)!;
    const form = await agent.get(`/workspace/meetings/${id}/edit`);
    const value = (name: string) =>
      new RegExp(`name="${name}"[^>]*value="([^"]*)"`).exec(form.body)?.[1] ?? '';
    const saved = await agent.post(`/workspace/meetings/${id}/edit`, {
      year: '2027',
      host: 'goteborg',
      startDate: value('startDate'),
      endDate: value('endDate'),
      venue: 'Göteborgs rådhus',
      theme: value('theme'),
      status: 'planned',
      statusReason: '',
    });
    expect(saved.statusCode).toBe(303);
    const after = await event();
    expect(after.sequence).toBeGreaterThan(before.sequence);
    expect(after.modified.compare(before.modified)).toBe(1);
    expect(after.raw).toContain('LOCATION:Göteborgs rådhus');
  });

  it('registers a meeting, refusing bad input field by field', async () => {
    const agent = await coordinator();
    expect((await agent.get('/workspace/meetings')).statusCode).toBe(200);
    const bad = await agent.submit('/workspace/meetings/new', {
      year: '2027',
      host: 'oslo',
      startDate: '2027-09-16',
      endDate: '2027-09-14',
      venue: '',
      theme: '',
      status: 'postponed',
      statusReason: '',
    });
    expectRefused(bad, [
      'Det finns redan ett vänortsmöte det året.',
      'Värdstaden måste vara med i vänortskedjan.',
      'Sista dagen kan inte vara före första dagen.',
      'Ange skälet till att mötet skjuts upp eller ställs in.',
      'href="#year"',
      'value="2027-09-16"',
    ]);

    const overlap = await agent.post('/workspace/meetings/new', {
      year: '2027',
      host: 'bergen',
      startDate: '2027-09-15',
      endDate: '2027-09-15',
      status: 'planned',
    });
    expectRefused(overlap, ['Datumen överlappar ett annat vänortsmöte.']);
    const outside = await agent.post('/workspace/meetings/new', {
      year: '2029',
      host: 'bergen',
      startDate: '2030-01-02',
      endDate: '2030-01-03',
      status: 'planned',
    });
    expect(outside.body).toContain('Mötets datum måste ligga inom mötesåret.');
    const junk = await agent.post('/workspace/meetings/new', { year: 'x'.repeat(9000) });
    expect(junk.statusCode).toBe(400);

    const ok = await agent.post('/workspace/meetings/new', {
      year: '2029',
      host: 'bergen',
      startDate: '2029-06-05',
      endDate: '2029-06-06',
      venue: 'Grieghallen',
      theme: 'Havet',
      status: 'planned',
      statusReason: '',
    });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toMatch(/^\/workspace\/meetings\//);
    expect((await audits('meeting')).map((a) => a.action)).toContain('schedule');
    const api = await t.app.inject({ url: '/api/v1/rotation?from=2029&count=2' });
    expect(api.json()).toMatchObject([
      { year: 2029, status: 'planned', host: { slug: 'bergen' } },
      { year: 2031, status: 'forecast', host: { slug: 'aarhus' } },
    ]);
  });

  it('lets a partner contact edit only meetings their city hosts', async () => {
    const agent = await bergen();
    const page = await agent.get(`/workspace/meetings/${ids.get(2027)}`);
    expectPage(page, 200, ['din stad är inte värd']);
    expect((await agent.get(`/workspace/meetings/${ids.get(2027)}/edit`)).statusCode).toBe(403);
    const refused = await agent.post(`/workspace/meetings/${ids.get(2027)}/programme`, {
      itemDay: '2027-09-14',
      itemStart: '10:00',
      itemEnd: '11:00',
      itemKind: 'plenary',
      itemTitle: 'Bergen vill',
    });
    expect(refused.statusCode).toBe(403);
    const other = await agent.submit('/workspace/meetings/new', {
      year: '2031',
      host: 'aarhus',
      status: 'planned',
    });
    expectRefused(other, ['Du kan bara registrera möten som din egen stad står värd för.']);
  });

  it('postpones a meeting to a later year, keeping the original year, and the forecast moves', async () => {
    const agent = await coordinator();
    const id = ids.get(2027)!;
    // The 2027 meeting as its edit form shows it; each post changes only what it names.
    const edit = (changes: Record<string, string>) =>
      agent.submit(`/workspace/meetings/${id}/edit`, {
        year: '2027',
        host: 'goteborg',
        startDate: '2027-09-14',
        endDate: '2027-09-16',
        venue: 'Göteborgs konserthus, Götaplatsen',
        theme: 'Klimatanpassade och inkluderande städer',
        status: 'planned',
        statusReason: '',
        ...changes,
      });
    const postponed = { status: 'postponed', statusReason: 'Valår' };
    const same = await edit(postponed);
    expectRefused(same, ['Ett uppskjutet möte flyttas till ett senare år.']);
    const moved = await edit({
      year: '2028',
      startDate: '2028-09-12',
      endDate: '2028-09-14',
      ...postponed,
    });
    expect(moved.statusCode).toBe(303);
    const row = await rowWhere(t.db, 'meeting', { id }, ['year', 'original_year', 'status_reason']);
    expect(row).toEqual({ year: 2028, original_year: 2027, status_reason: 'Valår' });
    expect((await audits('meeting')).map((a) => a.action)).toContain('postpone');
    const api = await t.app.inject({ url: '/api/v1/rotation?from=2027&count=1' });
    expect(api.json()).toMatchObject([
      { year: 2028, status: 'postponed', host: { slug: 'goteborg' } },
    ]);
    expect((await t.app.inject({ url: `/meetings/${id}` })).body).toContain(
      'Ursprungligen planerat till 2027',
    );
    // Undo, so the other tests see the demo data.
    const back = await edit({});
    expect(back.statusCode).toBe(303);
  });

  it('adds programme items, seminars, outcomes and closes a follow-up action', async () => {
    const agent = await coordinator();
    const id = ids.get(2027)!;
    const base = `/workspace/meetings/${id}`;
    await agent.get(base);
    const inverted = await agent.post(`${base}/programme`, {
      itemDay: '2027-09-18',
      itemStart: '11:00',
      itemEnd: '10:00',
      itemKind: '',
      itemTitle: '',
    });
    expectRefused(inverted, [
      'Dagen måste vara en av mötets dagar.',
      'Sluttiden måste vara senare än starttiden.',
      'Välj typ av programpunkt.',
      'href="#itemEnd"',
    ]);
    const added = await agent.post(`${base}/programme`, {
      itemDay: '2027-09-16',
      itemStart: '12:00',
      itemEnd: '13:00',
      itemKind: 'social',
      itemTitle: 'Avskedslunch',
      itemLocation: 'Foajén',
    });
    expect(added.statusCode).toBe(303);

    await agent.get(base);
    expect((await agent.post(`${base}/seminars`, { seminarTitle: '' })).statusCode).toBe(400);
    await agent.get(base);
    const seminar = await agent.post(`${base}/seminars`, {
      seminarTitle: 'Idrott för alla',
      seminarTopic: 'Idrott',
      seminarSpeakers: 'Idrotts- och föreningsförvaltningen',
    });
    expect(seminar.statusCode).toBe(303);

    await agent.get(base);
    const noCity = await agent.post(`${base}/outcomes`, {
      outcomeKind: 'action',
      outcomeText: 'Något ska göras',
      outcomeCity: '',
    });
    expectRefused(noCity, ['Välj vilken stad som ansvarar för åtgärden.']);

    const followUp = await t.db.kysely
      .selectFrom('meeting_outcome')
      .select('id')
      .where('kind', '=', 'action')
      .where('closed_on', 'is', null)
      .executeTakeFirstOrThrow();
    await agent.get(base);
    const empty = await agent.post(`${base}/outcomes/${followUp.id}/close`, {});
    expectRefused(empty, ['Skriv hur åtgärden avslutades.']);
    const closed = await agent.post(`${base}/outcomes/${followUp.id}/close`, {
      [`closingNote-${followUp.id}`]: 'Förslaget presenteras 2027.',
    });
    expect(closed.statusCode).toBe(303);
    const pub = await t.app.inject({ url: `/meetings/${id}` });
    expect(pub.body).toContain('Avskedslunch');
    expect(pub.body).toContain('Idrott för alla');
    expect(pub.body).toContain('Inga öppna åtgärder från tidigare möten.');
    expect((await audits('meeting_outcome')).map((a) => a.action)).toContain('close');
    expect((await audits('meeting_programme_item')).length).toBe(1);

    // Removing a seminar: the editor may, a partner of another city may not.
    const added2 = await rowWhere(t.db, 'meeting_seminar', { title: 'Idrott för alla' }, ['id']);
    const partner = await bergen();
    await partner.get(base);
    expect((await partner.post(`${base}/seminars/${added2.id}/delete`, {})).statusCode).toBe(403);
    const page = await agent.get(`${base}/seminars`);
    expect(page.body).toContain('Ta bort: Idrott för alla');
    expect((await agent.post(`${base}/seminars/no-such-id/delete`, {})).statusCode).toBe(404);
    await agent.get(base);
    expect((await agent.post(`${base}/seminars/${added2.id}/delete`, {})).statusCode).toBe(303);
    expect((await t.app.inject({ url: `/meetings/${id}` })).body).not.toContain('Idrott för alla');
    expect((await audits('meeting_seminar')).map((a) => a.action)).toEqual(['create', 'delete']);
  });

  it('uploads documents, refusing wrong types and oversize files field by field', async () => {
    const agent = await coordinator();
    const id = ids.get(2027)!;
    const base = `/workspace/meetings/${id}`;
    await agent.get(base);
    const fields = { docKind: 'minutes', docTitle: 'Protokoll', docVisibility: 'internal' };
    const exe = await postMultipart(t.app, agent, `${base}/documents`, fields, {
      filename: 'protokoll.pdf',
      type: 'application/pdf',
      data: Buffer.from('MZ\x90\x00 not a pdf at all', 'latin1'),
    });
    expectRefused(exe, ['innehållet måste stämma med filändelsen']);
    const big = await postMultipart(t.app, agent, `${base}/documents`, fields, {
      filename: 'stor.pdf',
      type: 'application/pdf',
      data: Buffer.concat([tinyPdf('x'), Buffer.alloc(MAX_MEETING_DOCUMENT_BYTES)]),
    });
    expectRefused(big, ['Filen är större än 25 MB.']);
    const none = await postMultipart(t.app, agent, `${base}/documents`, {});
    expectRefused(none, ['Välj en fil.', 'Välj typ av dokument.']);
    const ok = await postMultipart(t.app, agent, `${base}/documents`, fields, {
      filename: 'protokoll.pdf',
      type: 'application/pdf',
      data: tinyPdf('Protokoll'),
    });
    expect(ok.statusCode).toBe(303);
    const doc = await rowWhere(t.db, 'meeting_document', { title: 'Protokoll' }, ['id']);
    // Internal: not for visitors, but for logged-in users.
    expect((await t.app.inject({ url: `/meetings/${id}/documents/${doc.id}` })).statusCode).toBe(
      404,
    );
    expect((await agent.get(`/meetings/${id}/documents/${doc.id}`)).statusCode).toBe(200);
    expect((await t.app.inject({ url: `/meetings/${id}` })).body).not.toContain('Protokoll (');
  });

  it('records a swap in the rotation (coordinators only) and the forecast follows it', async () => {
    const agent = await coordinator();
    await agent.get('/workspace/meetings');
    const bad = await agent.post('/workspace/rotation', {
      kind: 'swap',
      year: '2027',
      city: 'aarhus',
      otherCity: 'aarhus',
      reason: '',
    });
    expectRefused(bad, [
      'Det året eller senare finns redan ett registrerat möte.',
      'Välj två olika städer.',
      'Ange skälet till ändringen',
    ]);
    const ok = await agent.post('/workspace/rotation', SWAP_AARHUS_TURKU_2039);
    expect(ok.statusCode).toBe(303);
    const page = await agent.get('/workspace/meetings');
    expect(page.body).toContain('Från 2039: Aarhus och Åbo byter plats.');
    const api = await t.app.inject({ url: '/api/v1/rotation?from=2037&count=4' });
    expect(api.json<{ year: number; host: { slug: string } }[]>().map((x) => x.host.slug)).toEqual([
      'bergen',
      'turku',
      'aarhus',
      'goteborg',
    ]);
    expect((await audits('rotation_adjustment')).map((a) => a.action)).toEqual(['swap']);
    const partner = await bergen();
    await partner.get('/workspace/meetings');
    const refused = await partner.post('/workspace/rotation', { kind: 'skip', year: '2045' });
    expect(refused.statusCode).toBe(403);
  });

  it('corrects a programme item, a seminar and a document in place, refusing bad input and others', async () => {
    const k = t.db.kysely;
    const id = ids.get(2027)!;
    const base = `/workspace/meetings/${id}`;
    const partId = (
      table: 'meeting_programme_item' | 'meeting_seminar' | 'meeting_document',
      title: string,
    ) =>
      k
        .selectFrom(table)
        .select('id')
        .where('meeting_id', '=', id)
        .where('title', '=', title)
        .executeTakeFirstOrThrow()
        .then((r) => r.id);
    const itemId = await partId('meeting_programme_item', 'Middag på Röda Sten');
    const seminarId = await partId('meeting_seminar', 'Kultur som mötesplats');
    const docId = await partId('meeting_document', 'Dagordning 2027');
    const agent = await coordinator();

    // Each section's page links its parts' edit pages next to their remove buttons.
    for (const [section, partId] of [
      ['seminars', seminarId],
      ['programme', itemId],
      ['documents', docId],
    ] as const) {
      const page = await agent.get(`${base}/${section}`);
      expect(page.body).toContain(`href="${base}/${section}/${partId}/edit"`);
    }

    // A programme item: bad input is refused field by field and changes nothing.
    const form = await agent.get(`${base}/programme/${itemId}/edit`);
    expectPage(form, 200, [
      'Ändra programpunkten',
      'value="Middag på Röda Sten"',
      'value="Röda Sten Konsthall"',
    ]);
    const item = {
      itemDay: '2027-09-14',
      itemStart: '19:30',
      itemEnd: '22:30',
      itemKind: 'social',
      itemTitle: 'Middag på Röda Sten Konsthall',
      itemLocation: 'Röda Sten Konsthall',
      itemDescription: 'Buss från konserthuset 19:00.',
    };
    const inverted = await agent.post(`${base}/programme/${itemId}/edit`, {
      ...item,
      itemEnd: '18:00',
      itemTitle: '',
    });
    expectRefused(inverted, [
      'Sluttiden måste vara senare än starttiden.',
      'Ange en rubrik (högst 300 tecken).',
      'href="#itemEnd"',
      'value="18:00"',
    ]);
    const unchanged = await rowWhere(k, 'meeting_programme_item', { id: itemId }, [
      'title',
      'ends_at',
    ]);
    expect(unchanged).toEqual({ title: 'Middag på Röda Sten', ends_at: '22:00' });
    const changedItem = await agent.post(`${base}/programme/${itemId}/edit`, item);
    expectRedirect(changedItem, `${base}/programme`);
    expect((await agent.get(`${base}/programme`)).body).toContain('Ändringen är sparad.');
    expect((await t.app.inject({ url: `/meetings/${id}` })).body).toContain(
      'Middag på Röda Sten Konsthall',
    );

    // A seminar: an empty title is refused; the corrected title shows on both pages.
    const empty = await agent.submit(`${base}/seminars/${seminarId}/edit`, {
      seminarTitle: ' ',
      seminarTopic: 'Kultur',
    });
    expectRefused(empty, ['Ange seminariets titel (högst 300 tecken).', 'href="#seminarTitle"']);
    expect(await partId('meeting_seminar', 'Kultur som mötesplats')).toBe(seminarId);
    const changedSeminar = await agent.post(`${base}/seminars/${seminarId}/edit`, {
      seminarTitle: 'Kulturen som mötesplats',
      seminarTopic: 'Kultur',
      seminarSpeakers: 'Kulturförvaltningen, Göteborg; Aarhus Kommune',
      seminarDescription: 'Bibliotek, festivaler och kulturhus.',
    });
    expect(changedSeminar.statusCode).toBe(303);
    expect((await agent.get(`${base}/seminars`)).body).toContain('Kulturen som mötesplats');
    expect((await t.app.inject({ url: `/meetings/${id}` })).body).toContain(
      'Kulturen som mötesplats',
    );

    // A document: kind, title and visibility; the file stays.
    const docForm = await agent.get(`${base}/documents/${docId}/edit`);
    expect(docForm.body).toContain('dagordning-2027.pdf');
    const noKind = await agent.post(`${base}/documents/${docId}/edit`, {
      docKind: 'x',
      docTitle: '',
      docVisibility: 'public',
    });
    expectRefused(noKind, [
      'Välj typ av dokument.',
      'Ange dokumentets titel (högst 300 tecken).',
      'href="#docTitle"',
    ]);
    const changedDoc = await agent.post(`${base}/documents/${docId}/edit`, {
      docKind: 'agenda',
      docTitle: 'Dagordning 2027 (reviderad)',
      docVisibility: 'internal',
    });
    expect(changedDoc.statusCode).toBe(303);
    expect((await agent.get(`${base}/documents`)).body).toContain('Dagordning 2027 (reviderad)');
    const pub = await t.app.inject({ url: `/meetings/${id}` });
    expect(pub.body).not.toContain('Dagordning 2027');
    expect((await t.app.inject({ url: `/meetings/${id}/documents/${docId}` })).statusCode).toBe(
      404,
    );
    const doc = await agent.get(`/meetings/${id}/documents/${docId}`);
    expect(doc.statusCode).toBe(200);
    expect(doc.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    await agent.submit(`${base}/documents/${docId}/edit`, {
      docKind: 'agenda',
      docTitle: 'Dagordning 2027',
      docVisibility: 'public',
    });
    expect((await t.app.inject({ url: `/meetings/${id}` })).body).toContain('Dagordning 2027');

    // Audited with the change.
    const updates = await k
      .selectFrom('audit_event')
      .select(['entity', 'entity_id', 'action', 'changes'])
      .where('action', '=', 'update')
      .where('entity', 'in', ['meeting_programme_item', 'meeting_seminar', 'meeting_document'])
      .execute();
    expect(updates.map((u) => `${u.entity} ${u.entity_id}`)).toEqual(
      expect.arrayContaining([
        `meeting_programme_item ${itemId}`,
        `meeting_seminar ${seminarId}`,
        `meeting_document ${docId}`,
      ]),
    );
    const seminarAudit = updates.find((u) => u.entity_id === seminarId)!;
    expect(String(seminarAudit.changes)).toContain('Kulturen som mötesplats');

    // A part of another meeting is not found, from either side.
    await agent.get(base);
    const other = `/workspace/meetings/${ids.get(2025)}`;
    expect((await agent.get(`${other}/seminars/${seminarId}/edit`)).statusCode).toBe(404);
    await agent.get(base); // a page with a CSRF token
    expect(
      (await agent.post(`${other}/seminars/${seminarId}/edit`, { seminarTitle: 'Fel möte' }))
        .statusCode,
    ).toBe(404);
    expect((await agent.get(`${base}/programme/no-such-id/edit`)).statusCode).toBe(404);

    // A partner contact of another city and a reporter may not.
    const partner = await bergen();
    expect((await partner.get(`${base}/seminars/${seminarId}/edit`)).statusCode).toBe(403);
    const partnerPage = await partner.get(base);
    expect(partnerPage.body).not.toContain(`/seminars/${seminarId}/edit`);
    const refused = await partner.post(`${base}/seminars/${seminarId}/edit`, {
      seminarTitle: 'Bergen vill',
    });
    expect(refused.statusCode).toBe(403);
    const reporter = await signedIn(t.app, DEMO_EMAIL.reporter);
    await reporter.get('/');
    const byReporter = await reporter.post(`${base}/seminars/${seminarId}/edit`, {
      seminarTitle: 'Rapportören vill',
    });
    expect(byReporter.statusCode).toBe(403);
    expect(await partId('meeting_seminar', 'Kulturen som mötesplats')).toBe(seminarId);

    // In English too.
    const en = await agent.get(`${base}/seminars/${seminarId}/edit?lang=en`);
    expect(en.body).toContain('Edit the seminar');
  });
});

describeEachDialect('the rotation with a fourth twin city', (dialect) => {
  const t = useTestApp(dialect);

  it('puts the new member in the forecast and flags P3 (ten years)', async () => {
    const k = t.db.kysely;
    const chain = await k.selectFrom('chain').select('id').executeTakeFirstOrThrow();
    const now = new Date().toISOString();
    await k
      .insertInto('city')
      .values(
        cityRow({
          id: 'tromso-id',
          slug: 'tromso',
          since_year: 2028,
          created_at: now,
          updated_at: now,
        }),
      )
      .execute();
    await k
      .insertInto('city_translation')
      .values({ city_id: 'tromso-id', lang: 'sv', name: 'Tromsø', description: null })
      .execute();
    await k
      .insertInto('chain_member')
      .values({ chain_id: chain.id, city_id: 'tromso-id', position: 5 })
      .execute();
    const api = await t.app.inject({ url: '/api/v1/rotation?from=2027&count=6' });
    expect(
      api.json<{ year: number; host: { slug: string } }[]>().map((x) => `${x.year} ${x.host.slug}`),
    ).toEqual([
      '2027 goteborg',
      '2029 tromso',
      '2031 bergen',
      '2033 aarhus',
      '2035 turku',
      '2037 goteborg',
    ]);
    const page = await t.app.inject({ url: '/meetings' });
    expect(page.body).toContain('Med 5 städer i kedjan står varje stad värd vart 10:e år');
  });
});
