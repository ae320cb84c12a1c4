import { beforeAll, beforeEach, expect, it } from 'vitest';
import { nowIso } from '../../shared/dates.ts';
import { newId } from '../../shared/ids.ts';
import { describeEachDialect } from '../../../test/helpers/databases.ts';
import { outboxMails, runJobOnMorning } from '../../../test/helpers/jobs.ts';
import { useTestApp } from '../../../test/helpers/test-app.ts';
import { campaignRemindersJob } from './campaign.job.ts';
import { stockholmToday } from './campaign.service.ts';
import { expectPage, expectRefused } from '../../../test/helpers/forms.ts';
import { DEMO_EMAIL, useSignedIn } from '../../../test/helpers/sign-in.ts';
import { collaborationRow } from '../../../test/helpers/collaboration-fixtures.ts';
import { rowsWhere, rowWhere, updateRows } from '../../../test/helpers/rows.ts';

const addDays = (date: string, days: number) => {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

describeEachDialect('campaigns (inventering)', (dialect) => {
  const t = useTestApp(dialect);
  const [coordinator, reporter] = useSignedIn(t, DEMO_EMAIL.coordinator, DEMO_EMAIL.reporter);
  /** The reporter answers the campaign through its form: the form's page, then the post. */
  const answer = (id: string, fields: { answer: string; comment: string }) =>
    reporter.submit(`/workspace/campaigns/${id}/answer`, fields);
  let orgs: Map<string, string>;
  const today = stockholmToday();

  beforeAll(async () => {
    orgs = new Map(
      (await t.db.kysely.selectFrom('organisation').select(['slug', 'id']).execute()).map((o) => [
        o.slug,
        o.id,
      ]),
    );
    // One collaboration of Kulturförvaltningen in 2026, one outside the period.
    const now = nowIso();
    for (const [title, starts, ends] of [
      ['Nordisk litteraturfestival', '2026-03-01', '2026-09-30'],
      ['Gammalt projekt', '2019-01-01', '2019-12-31'],
    ] as const) {
      await t.db.kysely
        .insertInto('collaboration')
        .values(
          collaborationRow({
            id: newId(),
            organisation_id: orgs.get('kulturforvaltningen')!,
            title,
            kind: 'project',
            status: 'ongoing',
            starts_on: starts,
            ends_on: ends,
            visibility: 'public',
            review_state: 'acknowledged',
            published_at: now,
            created_at: now,
          }),
        )
        .execute();
    }
  });
  beforeEach(async () => {
    await t.db.kysely.deleteFrom('mail_outbox').execute();
  });

  /** The coordinator sends the start form: a campaign over 2026 to all organisations, but for `fields`. */
  const start = (fields: Record<string, string | string[]>) =>
    coordinator.submit('/workspace/campaigns/new', {
      periodFrom: '2026-01-01',
      periodTo: '2026-12-31',
      scope: 'all',
      ...fields,
    });
  /** The scope that asks only the organisations named (by slug). */
  const chosen = (...slugs: string[]) => ({
    scope: 'chosen',
    organisations: slugs.map((slug) => orgs.get(slug)!),
  });

  it('refuses a bad campaign field by field, keeping the values, in Swedish and English', async () => {
    const campaigns = () => t.db.kysely.selectFrom('campaign').select('id').execute();
    const before = (await campaigns()).length;
    expect(before).toBe(1); // the demo campaign
    const res = await start({
      title: '',
      periodFrom: '2026-13-01',
      periodTo: '2026-01-01',
      deadline: addDays(today, -1),
      scope: 'chosen',
      message: 'Hej',
    });
    expectRefused(res, [
      'Skriv en rubrik',
      'Skriv ett giltigt datum som ÅÅÅÅ-MM-DD',
      'Välj minst en organisation',
      'href="#periodFrom"',
      'value="2026-13-01"',
    ]);

    const order = await start({
      title: 'X',
      periodFrom: '2026-06-01',
      periodTo: '2026-01-01',
      deadline: addDays(today, -1),
    });
    expectRefused(order, [
      'Perioden kan inte sluta före den börjar',
      'Sista svarsdag kan inte ha passerat',
    ]);

    const english = await coordinator.submit('/workspace/campaigns/new?lang=en', {
      title: 'x'.repeat(201),
      periodFrom: '2026-01-01',
      periodTo: '2026-12-31',
      deadline: 'soon',
      scope: 'nobody',
    });
    expectRefused(english, [
      'Enter at most 200 characters. You entered 201.',
      'Enter a valid date as YYYY-MM-DD',
      'Choose which organisations must answer',
    ]);
    expect(await campaigns()).toHaveLength(before);
    const list = await coordinator.get('/workspace/campaigns?lang=sv');
    // The demo campaign: in progress, two of the eight organisations have answered.
    expect(list.body).toContain('Inventering av vänortssamarbeten 2026');
    expect(list.body).toContain('2 av 8');
  });

  it('runs a campaign: reporters answer for their own organisation, the table shows the rest missing, closing freezes it', async () => {
    const res = await start({
      title: 'Inventering 2026',
      deadline: addDays(today, 14),
      message: 'Bekräfta er lista senast på sista svarsdagen.',
    });
    expect(res.statusCode).toBe(303);
    const id = String(res.headers.location).split('/').pop()!;
    const table = await coordinator.get(`/workspace/campaigns/${id}`);
    expect(table.body).toContain('0 av 8 organisationer har svarat.');
    expect(table.body.match(/>Saknas</g)).toHaveLength(8);

    // The reporter sees it, with the organisation's collaboration of the period only.
    const mine = await reporter.get('/workspace/campaigns');
    expect(mine.body).toContain('Inventering 2026');
    const page = await reporter.get(`/workspace/campaigns/${id}/answer`);
    expectPage(page, 200, ['Svar för Kulturförvaltningen', 'Nordisk litteraturfestival']);
    expect(page.body).not.toContain('Gammalt projekt');
    expect(page.body).toContain('/workspace/collaborations/');

    const empty = await reporter.post(`/workspace/campaigns/${id}/answer`, { comment: '' });
    expectRefused(empty, ['Välj om du bekräftar listan']);

    const ok = await answer(id, { answer: 'confirmed', comment: 'Stämmer.' });
    expect(ok.statusCode).toBe(303);
    // Changed while open.
    expect((await answer(id, { answer: 'no_activity', comment: '' })).statusCode).toBe(303);
    expect((await answer(id, { answer: 'confirmed', comment: 'Rättat.' })).statusCode).toBe(303);

    const after = await coordinator.get(`/workspace/campaigns/${id}`);
    expect(after.body).toContain('1 av 8 organisationer har svarat.');
    expect(after.body).toContain('Rasmus Rapportör');
    expect(after.body).toContain('Rättat.');
    expect(after.body.match(/>Saknas</g)).toHaveLength(7);

    // The reporter's view of the table has only their own organisation.
    const reporterTable = await reporter.get(`/workspace/campaigns/${id}`);
    expect(reporterTable.body).not.toContain('Liseberg AB');

    // A coordinator cannot answer for an organisation; a reporter cannot close.
    await coordinator.get(`/workspace/campaigns/${id}`);
    expect(
      (await coordinator.post(`/workspace/campaigns/${id}/answer`, { answer: 'confirmed' }))
        .statusCode,
    ).toBe(403);

    await coordinator.get(`/workspace/campaigns/${id}`);
    expect((await coordinator.post(`/workspace/campaigns/${id}/close`)).statusCode).toBe(303);
    const row = await rowWhere(
      t.db,
      'campaign_organisation',
      { campaign_id: id, organisation_id: orgs.get('kulturforvaltningen')! },
      ['snapshot', 'answer'],
    );
    // The frozen list holds what the organisation had in the period (the demo data's too).
    const snapshot = JSON.parse(row.snapshot!) as {
      collaborations: { title: string }[];
      exchanges: unknown[];
    };
    expect(snapshot.collaborations.map((c) => c.title)).toContain('Nordisk litteraturfestival');
    expect(snapshot.collaborations.map((c) => c.title)).not.toContain('Gammalt projekt');
    expect(Array.isArray(snapshot.exchanges)).toBe(true);

    const closed = await reporter.get(`/workspace/campaigns/${id}/answer`);
    expect(closed.body).toContain('Inventeringen är avslutad. Svaren är låsta');
    expect(closed.body).not.toContain('Skicka svaret');
    const late = await reporter.post(`/workspace/campaigns/${id}/answer`, {
      answer: 'no_activity',
      comment: '',
    });
    expectPage(late, 409, ['Inventeringen är avslutad. Svaren är låsta']);
    expect(
      (
        await rowWhere(
          t.db,
          'campaign_organisation',
          { campaign_id: id, organisation_id: orgs.get('kulturforvaltningen')! },
          ['answer'],
        )
      ).answer,
    ).toBe('confirmed');

    const audit = await rowsWhere(t.db, 'audit_event', { entity: 'campaign', entity_id: id }, [
      'action',
    ]);
    expect(audit.map((a) => a.action).sort()).toEqual(
      ['answer', 'answer.change', 'answer.change', 'close', 'start'].sort(),
    );
  });

  it('lets a reporter answer only campaigns that asked their organisation', async () => {
    const res = await start({
      title: 'Bara bolagen',
      deadline: addDays(today, 10),
      ...chosen('liseberg', 'goteborgs-hamn'),
    });
    expect(res.statusCode).toBe(303);
    const id = String(res.headers.location).split('/').pop()!;
    expect((await reporter.get('/workspace/campaigns')).body).not.toContain('Bara bolagen');
    expect((await reporter.get(`/workspace/campaigns/${id}/answer`)).statusCode).toBe(403);
    expect((await reporter.get(`/workspace/campaigns/${id}`)).statusCode).toBe(404);
    await reporter.get('/workspace/campaigns');
    expect(
      (await reporter.post(`/workspace/campaigns/${id}/answer`, { answer: 'confirmed' }))
        .statusCode,
    ).toBe(403);
    expect((await coordinator.get('/workspace/campaigns/no-such-id')).statusCode).toBe(404);
  });

  it('reminds the missing organisations once before the deadline and once when overdue', async () => {
    const deadline = addDays(today, 20);
    const res = await start({
      title: 'Påminnelsetest',
      deadline,
      ...chosen('kulturforvaltningen', 'liseberg'),
    });
    const id = String(res.headers.location).split('/').pop()!;
    // Only this campaign's organisations are reminded here: the others were answered or closed.
    await updateRows(t.db, 'campaign', { id: ['!=', id] }, { status: 'closed' });
    const remind = (date: string) => runJobOnMorning(t, campaignRemindersJob, date);
    const outbox = () => outboxMails(t.db);

    // Too early: nothing.
    expect(await remind(addDays(deadline, -8))).toMatchObject({
      outcome: 'ok',
      details: 'reminded 0, overdue 0',
    });
    expect(await outbox()).toEqual([]);

    // Seven days before: the reporter of Kulturförvaltningen, Liseberg's own address.
    await remind(addDays(deadline, -7));
    let mails = await outbox();
    expect(mails.map((m) => m.to_address)).toEqual([
      'liseberg@example.org',
      'rapportor@vanort.example',
    ]);
    expect(mails[0]?.subject).toBe('Påminnelse: Påminnelsetest');
    expect(mails[0]?.text_body).toContain(
      `https://vanort.example/workspace/campaigns/${id}/answer`,
    );
    await remind(addDays(deadline, -3));
    expect(await outbox()).toHaveLength(2);

    // Kulturförvaltningen answers; only Liseberg is overdue, once.
    await answer(id, { answer: 'no_activity', comment: '' });
    await t.db.kysely.deleteFrom('mail_outbox').execute();
    expect(await remind(addDays(deadline, 1))).toMatchObject({
      details: 'reminded 0, overdue 1',
    });
    await remind(addDays(deadline, 2));
    mails = await outbox();
    expect(mails.map((m) => [m.to_address, m.subject])).toEqual([
      ['liseberg@example.org', 'Försenat svar: Påminnelsetest'],
    ]);
    const table = await coordinator.get(`/workspace/campaigns/${id}`);
    expect(table.statusCode).toBe(200);
  });
});
