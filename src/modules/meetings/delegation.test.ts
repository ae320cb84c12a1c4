import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import type { TestAgent } from '../../../test/helpers/agent.ts';
import { describeEachDialect } from '../../../test/helpers/databases.ts';
import { useTestApp } from '../../../test/helpers/test-app.ts';
import { expectRefused } from '../../../test/helpers/forms.ts';
import { pdfInfo, poppler, popplerMissing, structureTree } from '../../../test/helpers/poppler.ts';
import { DEMO_EMAIL, signedInAs } from '../../../test/helpers/sign-in.ts';
import { insertMeeting } from '../../../test/helpers/meeting-fixtures.ts';
import { rowsWhere, rowWhere } from '../../../test/helpers/rows.ts';

const today = () => new Date().toISOString().slice(0, 10);

describeEachDialect('delegations', (dialect) => {
  const t = useTestApp(dialect);
  let meetingId: string;
  let agents: Record<string, TestAgent>;
  const base = () => `/workspace/meetings/${meetingId}/delegations`;

  beforeAll(async () => {
    meetingId = await insertMeeting(t.db.kysely, {
      year: 2035,
      host: 'goteborg',
      startDate: '2035-09-11',
      endDate: '2035-09-13',
      venue: 'Stadshuset',
    });
    agents = await signedInAs(t.app, {
      presidium: 'presidiet@vanort.example',
      coordinator: DEMO_EMAIL.coordinator,
      bergen: DEMO_EMAIL.bergen,
      staff: DEMO_EMAIL.staff,
    });
  });

  const members = async (citySlug: string) =>
    t.db.kysely
      .selectFrom('delegation_member')
      .innerJoin('delegation', 'delegation.id', 'delegation_member.delegation_id')
      .innerJoin('city', 'city.id', 'delegation.city_id')
      .select(['delegation_member.name', 'delegation_member.phone', 'delegation.status'])
      .where('delegation.meeting_id', '=', meetingId)
      .where('city.slug', '=', citySlug)
      .execute();

  const member = {
    name: 'Anna Andersson',
    title: 'Kommunfullmäktiges ordförande',
    affiliation: 'Socialdemokraterna',
    dietaryNeeds: 'Vegetarisk',
    accessNeeds: '',
    travel: 'Tåg',
    phone: '+46 70 123 45 67',
  };

  it('lets the presidium nominate and confirm Gothenburg’s delegation with the decision date', async () => {
    const p = agents.presidium!;
    expect((await p.get('/workspace/delegations')).statusCode).toBe(200);
    expect((await p.get(`${base()}/goteborg`)).statusCode).toBe(200);
    const added = await p.post(`${base()}/goteborg/members`, member);
    expect(added.statusCode).toBe(303);
    expect(await members('goteborg')).toEqual([
      { name: 'Anna Andersson', phone: '+46 70 123 45 67', status: 'nominated' },
    ]);
    const page = await p.get(`${base()}/goteborg`);
    expect(page.body).toContain('Vegetarisk');
    expect(page.body).toContain('Nominerad');

    // The decision date is required, a real date and not in the future.
    for (const [decisionDate, message] of [
      ['', 'Skriv datumet för presidiets beslut'],
      ['2026-02-30', 'Skriv datumet som ÅÅÅÅ-MM-DD'],
      ['2999-01-01', 'Beslutsdatumet kan inte ligga i framtiden'],
    ] as const) {
      const res = await p.post(`${base()}/goteborg/confirm`, { decisionDate });
      expect(res.statusCode, decisionDate).toBe(400);
      expect(res.body).toContain(message);
      expect(res.body).toContain('href="#decisionDate"');
    }
    expect((await members('goteborg'))[0]?.status).toBe('nominated');
    const confirmed = await p.post(`${base()}/goteborg/confirm`, { decisionDate: today() });
    expect(confirmed.statusCode).toBe(303);
    const row = await rowWhere(t.db, 'delegation', { meeting_id: meetingId }, [
      'status',
      'presidium_decision_on',
      'id',
    ]);
    expect(row).toMatchObject({ status: 'confirmed', presidium_decision_on: today() });
    const audit = await rowsWhere(t.db, 'audit_event', { entity_id: row.id }, [
      'action',
      'entity',
      'changes',
    ]);
    expect(audit.map((a) => a.action).sort()).toEqual(['confirm', 'nominate']);
    // Logistics values never enter the audit trail.
    const memberAudit = await rowsWhere(t.db, 'audit_event', { entity: 'delegation_member' }, [
      'changes',
    ]);
    expect(JSON.stringify(memberAudit)).not.toContain('+46 70');

    // A change to a confirmed delegation sends it back to nominated.
    await p.get(`${base()}/goteborg`);
    await p.post(`${base()}/goteborg/members`, { ...member, name: 'Bo Berg', phone: '' });
    expect((await members('goteborg')).map((m) => m.status)).toEqual(['nominated', 'nominated']);
  });

  it('refuses a change by a wrong role with a clear message and changes nothing', async () => {
    const before = await members('goteborg');
    const bergen = agents.bergen!;
    await bergen.get(`${base()}/bergen`);
    const refused = await bergen.post(`${base()}/goteborg/members`, member);
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('Bara KF:s presidium får nominera, ändra och bekräfta');
    const confirm = await bergen.post(`${base()}/goteborg/confirm`, { decisionDate: today() });
    expect(confirm.statusCode).toBe(403);

    const coordinator = agents.coordinator!;
    await coordinator.get('/workspace/delegations');
    const c1 = await coordinator.post(`${base()}/goteborg/members`, member);
    expect(c1.statusCode).toBe(403);
    expect(c1.body).toContain('Bara KF:s presidium');
    const c2 = await coordinator.post(`${base()}/bergen/members`, member);
    expect(c2.statusCode).toBe(403);
    expect(c2.body).toContain('inte ändra andra städers delegationer');

    const presidium = agents.presidium!;
    await presidium.get('/workspace/delegations');
    const p1 = await presidium.post(`${base()}/bergen/members`, member);
    expect(p1.statusCode).toBe(403);

    // Staff do not hold the permission at all.
    expect((await agents.staff!.get('/workspace/delegations')).statusCode).toBe(403);
    expect(await members('goteborg')).toEqual(before);
    expect(await members('bergen')).toEqual([]);
  });

  it('lets a partner contact manage their own city’s delegation, field by field', async () => {
    const bergen = agents.bergen!;
    await bergen.get(`${base()}/bergen`);
    const bad = await bergen.post(`${base()}/bergen/members`, {
      ...member,
      name: '   ',
      phone: 'ring mig',
      travel: 'x'.repeat(501),
    });
    expectRefused(bad, [
      'Skriv deltagarens namn',
      'Skriv telefonnumret med siffror',
      'Skriv högst 500 tecken. Du skrev 501.',
      'value="ring mig"',
    ]);
    expect(await members('bergen')).toEqual([]);

    expect(
      (await bergen.post(`${base()}/bergen/members`, { ...member, name: 'Kari Nordmann' }))
        .statusCode,
    ).toBe(303);
    const [kari] = await rowsWhere(t.db, 'delegation_member', { name: 'Kari Nordmann' }, ['id']);
    const edit = await bergen.get(`${base()}/bergen?edit=${kari!.id}`);
    expect(edit.body).toContain('value="Kari Nordmann"');
    expect(
      (
        await bergen.post(`${base()}/bergen/members/${kari!.id}`, {
          ...member,
          name: 'Kari Nordmann',
          title: 'Ordfører',
          phone: '+47 55 00 00 00',
        })
      ).statusCode,
    ).toBe(303);
    const update = await rowWhere(t.db, 'audit_event', { entity_id: kari!.id, action: 'update' }, [
      'changes',
    ]);
    expect(JSON.parse(update.changes)).toEqual({
      title: { before: 'Kommunfullmäktiges ordförande', after: 'Ordfører' },
      phone: { before: '(set)', after: '(changed)' },
    });
    const english = await bergen.get(`${base()}/bergen?lang=en`);
    expect(english.body).toContain('<html lang="en"');
    expect(english.body).toContain('The delegation from Bergen to the 2035 meeting');
    expect((await bergen.get(`${base()}/bergen?lang=sv`)).body).toContain('<html lang="sv"');
    expect((await bergen.post(`${base()}/bergen/confirm`, { decisionDate: '' })).statusCode).toBe(
      303,
    );
    expect((await members('bergen'))[0]).toMatchObject({ status: 'confirmed' });

    // Unknown meeting, city or member: 404, never 500.
    expect((await bergen.get('/workspace/meetings/nope/delegations/bergen')).statusCode).toBe(404);
    expect((await bergen.get(`${base()}/atlantis`)).statusCode).toBe(404);
    await bergen.get(`${base()}/bergen`);
    expect((await bergen.post(`${base()}/bergen/members/nope/remove`, {})).statusCode).toBe(404);
  });

  it('shows private logistics only to organisers and the delegation’s managers', async () => {
    // Bergen's contact is not an organiser of a meeting Gothenburg hosts.
    const asBergen = await agents.bergen!.get(`${base()}/goteborg`);
    expect(asBergen.statusCode).toBe(200);
    expect(asBergen.body).toContain('Anna Andersson');
    expect(asBergen.body).not.toContain('+46 70 123 45 67');
    expect(asBergen.body).toContain('visas bara för arrangörerna');
    const asCoordinator = await agents.coordinator!.get(`${base()}/bergen`);
    expect(asCoordinator.body).toContain(`/workspace/meetings/${meetingId}/host-plan`);
    expect(asBergen.body).not.toContain(`/workspace/meetings/${meetingId}/host-plan`);
    expect(asCoordinator.body).toContain('+47 55 00 00 00');
    const asPresidium = await agents.presidium!.get(`${base()}/bergen`);
    expect(asPresidium.body).not.toContain('+46 70 123 45 67');
  });

  it('exports the participant list as PDF and Excel, logistics only for organisers', async () => {
    const url = `/workspace/meetings/${meetingId}/participants`;
    const xlsx = await agents.bergen!.get(`${url}.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Deltagare')!;
    const rows = sheet.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows[0]).toContain('Namn');
    expect(rows[0]).not.toContain('Telefon');
    expect(rows.map((r) => r[2])).toEqual(['Namn', 'Anna Andersson', 'Bo Berg', 'Kari Nordmann']);
    expect(JSON.stringify(rows)).not.toContain('+46 70');

    const refused = await agents.bergen!.get(`${url}.xlsx?logistics=1`);
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('visas bara för mötets arrangörer');
    expect((await agents.presidium!.get(`${url}.pdf?logistics=1`)).statusCode).toBe(403);

    const full = await agents.coordinator!.get(`${url}.xlsx?logistics=1`);
    const fullBook = new ExcelJS.Workbook();
    await fullBook.xlsx.load(full.rawPayload as unknown as ArrayBuffer);
    expect(JSON.stringify(fullBook.getWorksheet('Deltagare')!.getSheetValues())).toContain(
      '+46 70 123 45 67',
    );

    const pdf = await agents.coordinator!.get(`${url}.pdf?logistics=1`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const publicPdf = await agents.presidium!.get(`${url}.pdf`);
    expect(publicPdf.statusCode).toBe(200);
    const englishPdf = await agents.coordinator!.get(`${url}.pdf?lang=en`);
    expect(englishPdf.statusCode).toBe(200);
    // The document language is the page's language (the catalogue's /Lang).
    expect(pdf.rawPayload.toString('latin1')).toContain('/Lang (sv)');
    expect(englishPdf.rawPayload.toString('latin1')).toContain('/Lang (en)');
    if (popplerMissing) {
      console.warn(`skipped the PDF reader checks: ${popplerMissing}`);
    } else {
      // Tagged (pdfmake wrote untagged PDFs), titled, one landscape page.
      const info = pdfInfo(pdf.rawPayload);
      expect(info).toMatchObject({
        Tagged: 'yes',
        Title: 'Deltagarlista – vänortsmötet 2035 i Göteborg',
        Pages: '1',
      });
      expect(info['Page size']).toContain('841.89 x 595.28');
      expect(pdfInfo(englishPdf.rawPayload).Title).toBe(
        'Participant list – the 2035 twin-city meeting in Gothenburg',
      );
      // The structure tree: a heading, a paragraph, a table with a header row and three rows.
      const tree = structureTree(pdf.rawPayload).map((t) => t.trim());
      expect(tree.slice(0, 5)).toEqual(['Document', 'H1', 'P', 'Table', 'TR']);
      expect(tree.filter((t) => t === 'TR')).toHaveLength(4);
      expect(tree.filter((t) => t === 'TH')).toHaveLength(9);
      const struct = poppler('pdfinfo', ['-struct-text'], pdf.rawPayload);
      expect(struct).toMatch(/TH:\s*\n\s*\/Scope \/Column\s*\n\s*"Namn"/);
      expect(struct).toContain('"Kari Nordmann"');
      expect(poppler('pdffonts', [], pdf.rawPayload)).toMatch(
        /Roboto-Regular +CID TrueType +Identity-H +yes +yes/,
      );

      const text = poppler('pdftotext', ['-layout'], pdf.rawPayload);
      expect(text).toContain('Deltagarlista – vänortsmötet 2035 i Göteborg');
      expect(text).toContain('Kari Nordmann');
      expect(text).toContain('Ordfører');
      expect(text).toContain('Vegetarisk');
      expect(text).toContain('Sida 1 av 1');
      const publicText = poppler('pdftotext', ['-layout'], publicPdf.rawPayload);
      expect(publicText).toContain('Anna Andersson');
      expect(publicText).not.toContain('Vegetarisk');
      expect(publicText).not.toContain('+46 70');
      expect(pdfInfo(publicPdf.rawPayload)['Page size']).toContain('595.28 x 841.89');
    }
    expect(
      (await agents.coordinator!.get('/workspace/meetings/nope/participants.pdf')).statusCode,
    ).toBe(404);
  });
});
