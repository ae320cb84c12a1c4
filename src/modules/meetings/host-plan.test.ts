import { beforeAll, beforeEach, expect, it } from 'vitest';
import type { TestAgent } from '../../../test/helpers/agent.ts';
import { describeEachDialect } from '../../../test/helpers/databases.ts';
import { jobContext } from '../../../test/helpers/jobs.ts';
import { useTestApp } from '../../../test/helpers/test-app.ts';
import { runJob } from '../../platform/scheduler.ts';
import { SYSTEM_ACTOR } from '../audit/audit.service.ts';
import { hostPlanReminderJob } from './host-plan.job.ts';
import { createHostPlan, DEFAULT_TEMPLATE } from './host-plan.service.ts';
import { expectPage, expectRefused } from '../../../test/helpers/forms.ts';
import { DEMO_EMAIL, signedIn, signedInAs } from '../../../test/helpers/sign-in.ts';
import { insertMeeting as insertMeetingRow } from '../../../test/helpers/meeting-fixtures.ts';
import { rowsWhere, rowWhere, updateRows } from '../../../test/helpers/rows.ts';

describeEachDialect('host planning', (dialect) => {
  const t = useTestApp(dialect);
  let meetingId: string;
  let coordinatorId: string;
  const coordinator = () => agents.coordinator!;
  let agents: Record<string, TestAgent>;

  const insertMeeting = (year: number, host: string, startDate: string | null) =>
    insertMeetingRow(t.db.kysely, { year, host, startDate });
  const tasks = () =>
    t.db.kysely
      .selectFrom('host_plan_task')
      .select(['id', 'title', 'due_on', 'status', 'owner_user_id', 'reminded_on', 'notes'])
      .where('meeting_id', '=', meetingId)
      .orderBy('due_on')
      .execute();

  beforeAll(async () => {
    meetingId = await insertMeeting(2035, 'goteborg', '2035-09-11');
    coordinatorId = (
      await rowWhere(t.db, 'app_user', { email: 'samordnare@vanort.example' }, ['id'])
    ).id;
    agents = await signedInAs(t.app, {
      coordinator: DEMO_EMAIL.coordinator,
      presidium: 'presidiet@vanort.example',
    });
  });

  it('creates a host plan from the default template with due dates from the start date', async () => {
    const page = await coordinator().get(`/workspace/meetings/${meetingId}/host-plan`);
    expectPage(page, 200, ['Skapa värdskapsplan']);
    const created = await coordinator().post(`/workspace/meetings/${meetingId}/host-plan`);
    expect(created.statusCode).toBe(303);
    const rows = await tasks();
    expect(rows).toHaveLength(DEFAULT_TEMPLATE.length);
    expect(rows.map((r) => [r.title, r.due_on])).toEqual([
      ['Boka lokal för mötet', '2034-09-11'],
      ['Skicka inbjudan till vänorterna', '2035-01-11'],
      ['Fastställ tema och program', '2035-03-11'],
      ['Boka talare', '2035-05-11'],
      ['Samla in delegationslistor', '2035-07-11'],
      ['Ordna logistik (resor, hotell, kost, tillgänglighet)', '2035-08-11'],
      ['Dokumentera mötet', '2035-09-25'],
      ['Utvärdera mötet', '2035-12-11'],
    ]);
    expect(rows.every((r) => r.owner_user_id === coordinatorId && r.status === 'todo')).toBe(true);
    // A second plan for the same meeting is refused.
    await coordinator().get(`/workspace/meetings/${meetingId}/host-plan`);
    await expect(
      t.db.kysely.transaction().execute((trx) => createHostPlan(trx, meetingId, SYSTEM_ACTOR)),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const audit = await rowsWhere(
      t.db,
      'audit_event',
      { entity: 'host_plan', entity_id: meetingId },
      ['action'],
    );
    expect(audit).toEqual([{ action: 'create' }]);
  });

  it('refuses a plan for a meeting Gothenburg does not host or without a start date', async () => {
    const bergen = await insertMeeting(2037, 'bergen', '2037-09-01');
    const noDate = await insertMeeting(2043, 'goteborg', null);
    for (const [id, message] of [
      [bergen, 'bara för möten som Göteborg är värd för'],
      [noDate, 'behöver ett startdatum'],
    ] as const) {
      const page = await coordinator().get(`/workspace/meetings/${id}/host-plan`);
      expect(page.body).toContain(message);
      await expect(
        t.db.kysely.transaction().execute((trx) => createHostPlan(trx, id, SYSTEM_ACTOR)),
      ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    }
    expect((await coordinator().get('/workspace/meetings/nope/host-plan')).statusCode).toBe(404);
    expect(
      (await agents.presidium!.get(`/workspace/meetings/${meetingId}/host-plan`)).statusCode,
    ).toBe(403);
  });

  it('updates a task field by field and marks overdue tasks in text', async () => {
    const [venue] = await tasks();
    const url = `/workspace/meetings/${meetingId}/host-plan`;
    expect((await coordinator().get(url)).body).not.toContain('Försenad');
    // Moved to a date long past: overdue, worded, not colour alone.
    await updateRows(t.db, 'host_plan_task', { id: venue!.id }, { due_on: '2026-01-15' });
    const page = await coordinator().get(url);
    expect(page.body).toContain('<strong class="tag tag-overdue">Försenad</strong>');
    expect(page.body).toContain('Försenade uppgifter: 1.');
    const form = await coordinator().get(`${url}?edit=${venue!.id}`);
    expect(form.body).toContain('Ändra uppgiften: Boka lokal för mötet');
    const bad = await coordinator().post(`${url}/tasks/${venue!.id}`, {
      ownerUserId: 'someone-else',
      dueOn: '2035-02-30',
      status: 'finished',
      notes: 'Konserthuset',
    });
    expectRefused(bad, [
      'Välj en av samordnarna som ansvarig',
      'Skriv datumet som ÅÅÅÅ-MM-DD',
      'Välj en status',
      'Konserthuset',
    ]);
    expect((await tasks())[0]).toMatchObject({ status: 'todo', notes: null });

    const ok = await coordinator().post(`${url}/tasks/${venue!.id}`, {
      ownerUserId: coordinatorId,
      dueOn: '2034-09-11',
      status: 'done',
      notes: 'Konserthuset bokat',
    });
    expect(ok.statusCode).toBe(303);
    expect((await tasks())[0]).toMatchObject({ status: 'done', notes: 'Konserthuset bokat' });
    const after = await coordinator().get(url);
    expect(after.body).not.toContain('Försenad');
    const overview = await coordinator().get('/workspace/host-plan');
    expect(overview.body).toContain('1 av 8 klara');
    expect((await coordinator().post(`${url}/tasks/nope`, {})).statusCode).toBe(404);
  });

  it('lets a coordinator edit, deactivate and reorder the template', async () => {
    const url = '/workspace/host-plan-template';
    const page = await coordinator().get(url);
    expectPage(page, 200, ['Boka lokal för mötet']);
    const bad = await coordinator().post(url, {
      titleSv: '',
      titleEn: '',
      offsetMonths: 'tolv',
      offsetDays: '400',
    });
    expectRefused(bad, [
      'Skriv vad uppgiften gäller',
      'Skriv ett heltal mellan -36 och 36',
      'Skriv ett heltal mellan -365 och 365',
    ]);
    expect(
      (
        await coordinator().post(url, {
          titleSv: 'Boka hotell',
          titleEn: '',
          offsetMonths: '-10',
          offsetDays: '0',
        })
      ).statusCode,
    ).toBe(303);
    const template = await t.db.kysely
      .selectFrom('host_plan_template_task')
      .select(['id', 'title_sv', 'title_en', 'position', 'active'])
      .orderBy('position')
      .execute();
    const hotel = template.at(-1)!;
    expect(hotel).toMatchObject({ title_sv: 'Boka hotell', title_en: 'Boka hotell' });
    await coordinator().get(url);
    await coordinator().post(`${url}/${hotel.id}/move`, { direction: 'up' });
    const moved = await t.db.kysely
      .selectFrom('host_plan_template_task')
      .select(['id', 'position'])
      .orderBy('position')
      .execute();
    expect(moved.at(-2)?.id).toBe(hotel.id);
    await coordinator().get(url);
    expect(
      (
        await coordinator().post(`${url}/${hotel.id}`, {
          titleSv: 'Boka hotell',
          titleEn: 'Book hotels',
          offsetMonths: '-10',
          offsetDays: '-5',
          active: '0',
        })
      ).statusCode,
    ).toBe(303);
    const saved = await rowWhere(t.db, 'host_plan_template_task', { id: hotel.id }, [
      'title_en',
      'offset_days',
      'active',
    ]);
    expect(saved).toEqual({ title_en: 'Book hotels', offset_days: -5, active: 0 });
    // A deactivated task is not part of new plans.
    const other = await insertMeeting(2051, 'goteborg', '2051-09-01');
    await t.db.kysely.transaction().execute((trx) => createHostPlan(trx, other, SYSTEM_ACTOR));
    const titles = await rowsWhere(t.db, 'host_plan_task', { meeting_id: other }, ['title']);
    expect(titles.map((x) => x.title)).not.toContain('Boka hotell');
    expect(titles).toHaveLength(DEFAULT_TEMPLATE.length);
  });

  describe_reminders();

  function describe_reminders() {
    const mailer = () => t.app.mailer;
    const ctx = (now: Date) => jobContext({ db: t.db, mailer: mailer(), now });
    const outbox = () =>
      t.db.kysely
        .selectFrom('mail_outbox')
        .select(['to_address', 'subject', 'text_body as body'])
        .execute();

    beforeEach(async () => {
      await t.db.kysely.deleteFrom('mail_outbox').execute();
    });

    it('mails the owner about tasks due within 14 days and overdue ones, once per due date', async () => {
      await updateRows(t.db, 'host_plan_task', {}, { reminded_on: null });
      // 1 January 2035: "invitations" (11 Jan) is due within 14 days; nothing overdue but the done venue.
      const first = await runJob(hostPlanReminderJob, ctx(new Date('2035-01-01T06:00:00Z')));
      expect(first).toMatchObject({ ran: true, outcome: 'ok' });
      let mails = await outbox();
      expect(mails).toHaveLength(1);
      expect(mails[0]!.to_address).toBe('samordnare@vanort.example');
      expect(mails[0]!.body).toContain(
        'Skicka inbjudan till vänorterna: ska vara klar 11 januari 2035',
      );
      expect(mails[0]!.body).toContain(
        `https://vanort.example/workspace/meetings/${meetingId}/host-plan`,
      );
      expect(mails[0]!.body).not.toContain('Boka lokal');

      // Next day: nothing new.
      await runJob(hostPlanReminderJob, ctx(new Date('2035-01-02T06:00:00Z')));
      expect(await outbox()).toHaveLength(1);

      // After the due date: one overdue reminder, then quiet.
      await runJob(hostPlanReminderJob, ctx(new Date('2035-01-12T06:00:00Z')));
      mails = await outbox();
      expect(mails).toHaveLength(2);
      expect(mails[1]!.body).toContain('FÖRSENAD: Skicka inbjudan till vänorterna');
      await runJob(hostPlanReminderJob, ctx(new Date('2035-01-13T06:00:00Z')));
      expect(await outbox()).toHaveLength(2);
    });

    it.runIf(dialect === 'postgres')(
      'sends once when two instances run at the same moment',
      async () => {
        await updateRows(t.db, 'host_plan_task', {}, { reminded_on: null });
        const now = new Date('2035-01-01T06:00:00Z');
        const results = await Promise.all([
          runJob(hostPlanReminderJob, ctx(now)),
          runJob(hostPlanReminderJob, ctx(now)),
        ]);
        expect(results.filter((r) => r.ran).length).toBeGreaterThanOrEqual(1);
        expect(await outbox()).toHaveLength(1);
      },
    );
  }
});

describeEachDialect('a host plan follows the planning of a Gothenburg meeting (P5)', (dialect) => {
  const t = useTestApp(dialect);

  const planOf = async (year: number) => {
    const meeting = await rowWhere(t.db, 'meeting', { year }, ['id']);
    return t.db.kysely
      .selectFrom('host_plan_task')
      .innerJoin('app_user', 'app_user.id', 'host_plan_task.owner_user_id')
      .select(['host_plan_task.due_on', 'app_user.email'])
      .where('meeting_id', '=', meeting.id)
      .orderBy('due_on')
      .execute();
  };

  it('creates the plan when a coordinator plans a meeting Gothenburg hosts, not for other hosts', async () => {
    const agent = await signedIn(t.app, DEMO_EMAIL.coordinator);
    /** Registers a planned meeting through the form. */
    const plan = (year: string, host: string, startDate: string, endDate: string) =>
      agent.submit('/workspace/meetings/new', {
        year,
        host,
        startDate,
        endDate,
        status: 'planned',
      });
    const bergen = await plan('2029', 'bergen', '2029-06-12', '2029-06-13');
    expect(bergen.statusCode).toBe(303);
    expect(await planOf(2029)).toEqual([]);

    const gothenburg = await plan('2035', 'goteborg', '2035-09-11', '2035-09-13');
    expect(gothenburg.statusCode).toBe(303);
    const tasks = await planOf(2035);
    expect(tasks).toHaveLength(DEFAULT_TEMPLATE.length);
    // Venue booked 12 months before; the evaluation 3 months after; owned by the planner.
    expect(tasks[0]).toEqual({ due_on: '2034-09-11', email: 'samordnare@vanort.example' });
    expect(tasks.at(-1)?.due_on).toBe('2035-12-11');
  });
});
