import { countRows, rowsWhere, rowWhere, updateRows } from '../../../test/helpers/rows.ts';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/helpers/databases.ts';
import { outboxMails, runJobOnMorning } from '../../../test/helpers/jobs.ts';
import { useTestApp } from '../../../test/helpers/test-app.ts';
import { ConfigError, loadConfig } from '../../config/config.ts';
import { i18nFor } from '../../platform/i18n/i18n.ts';
import type { Actor, User } from '../../platform/identity.ts';
import type { PageContext } from '../../platform/page-context.ts';
import { AppError } from '../../shared/errors.ts';
import { createUser } from '../accounts/account.service.ts';
import { getChain } from '../cities/index.ts';
import { updateMeeting, type MeetingInput } from '../meetings/meeting.service.ts';
import { compareSections } from './compare.ts';
import { evaluationPolicy, evaluationTasks } from './evaluation.home.ts';
import { evaluationRemindersJob } from './evaluation.job.ts';
import {
  configureEvaluation,
  evaluationDetail,
  gothenburgToday,
  reviewEvaluation,
  saveSections,
  startEvaluation,
  startNewVersion,
} from './evaluation.service.ts';
import { versionsToCompare } from './evaluation.versions.ts';
import { addDays, addMonths } from './period.ts';
import { insertMeeting } from '../../../test/helpers/meeting-fixtures.ts';
import { startFields } from '../../../test/helpers/evaluation-fixtures.ts';

/** The problems of a refused call: path → message key (or the error's code). */
async function refused(call: Promise<unknown>): Promise<Record<string, string> | string> {
  try {
    await call;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code !== 'VALIDATION_FAILED') return error.code;
    return Object.fromEntries(
      (error.details.problems as { path: string; message: string }[]).map((p) => [
        p.path,
        p.message,
      ]),
    );
  }
  throw new Error('expected the call to be refused');
}

const SECTIONS = {
  summary: 'Samarbetet med vänorterna har varit stabilt.',
  analysis: 'Kulturen står för de flesta projekten.\n\nUtbytet med Åbo har minskat.',
  conclusions: 'Samarbeten behöver en ägare i varje stad.',
  recommendations: 'Utse en kontaktperson per vänort.',
  summaryEn: 'Cooperation with the twin cities has been stable.',
};

describeEachDialect('the evaluation: duty and workflow (P10)', (dialect) => {
  const t = useTestApp(dialect);
  let sara: User;
  let greta: User;
  let reporter: User;
  let chainId: string;
  const actor = (u: User): Actor => ({ userId: u.id, label: u.email, ip: null });
  const ctx = { i18n: i18nFor('sv') } as PageContext;

  async function demoUser(email: string, role: 'coordinator' | 'reporter'): Promise<User> {
    const row = await rowWhere(t.db, 'app_user', { email }, ['id', 'email', 'name']);
    return {
      ...row,
      active: true,
      hasPassword: true,
      totpEnabled: false,
      lastLoginAt: null,
      language: 'sv',
      roles: [{ role, organisationId: null, cityId: null }],
    };
  }

  const count = (table: 'evaluation' | 'evaluation_version' | 'evaluation_comment') =>
    countRows(t.db, table);
  const row = (id: string) => rowWhere(t.db, 'evaluation', { id });
  /** Sara starts an evaluation of `period` due on `dueOn`, owned by `owners` (Sara alone by default). */
  const start = (
    title: string,
    period: readonly [string, string],
    dueOn: string,
    owners = [sara.id],
  ) => startEvaluation(t.db, actor(sara), sara, startFields(title, period, dueOn, owners));

  beforeAll(async () => {
    sara = await demoUser('samordnare@vanort.example', 'coordinator');
    reporter = await demoUser('rapportor@vanort.example', 'reporter');
    greta = await createUser(t.db, actor(sara), {
      email: 'granskare@vanort.example',
      name: 'Greta Granskare',
      roles: [{ role: 'coordinator', organisationId: null, cityId: null }],
      language: 'en',
    });
    chainId = (await getChain(t.db))!.id;
  });

  /** Marks a meeting of the demo held through the meetings service (the trigger's path). */
  async function markHeld(year: number, by: Actor, status = 'held') {
    const chain = (await getChain(t.db))!;
    const m = await t.db.kysely
      .selectFrom('meeting')
      .innerJoin('city', 'city.id', 'meeting.host_city_id')
      .selectAll('meeting')
      .select('city.slug')
      .where('meeting.year', '=', year)
      .executeTakeFirstOrThrow();
    const input: MeetingInput = {
      year: String(m.year),
      host: m.slug,
      startDate: m.start_date ?? '',
      endDate: m.end_date ?? '',
      venue: m.venue ?? '',
      theme: m.theme ?? '',
      status,
      statusReason: '',
    };
    await updateMeeting(t.db, chain, { actor: by, user: sara }, m.id, input);
    return m.id;
  }

  it('is created when the meeting Gothenburg hosts is marked held, once, owned by who marked it', async () => {
    const before = await count('evaluation');
    // A meeting another city hosted: nothing (2025 is Turku's, already held; 2021 Bergen's).
    await markHeld(2021, actor(sara), 'confirmed');
    await markHeld(2021, actor(sara));
    expect(await count('evaluation')).toBe(before);

    const meetingId = await markHeld(2027, actor(sara));
    const e = await rowWhere(t.db, 'evaluation', { meeting_id: meetingId });
    expect(e).toMatchObject({
      title: 'Utvärdering efter vänortsmötet i Göteborg 2027',
      // From the day after the previous evaluation's period (the demo's, after 2019).
      period_start: '2019-11-16',
      period_end: '2027-09-16',
      due_on: '2027-12-16',
      status: 'draft',
      chain_id: chainId,
    });
    const owners = await rowsWhere(t.db, 'evaluation_owner', { evaluation_id: e.id }, ['user_id']);
    expect(owners.map((o) => o.user_id)).toEqual([sara.id]);
    const audit = await rowsWhere(t.db, 'audit_event', { entity: 'evaluation', entity_id: e.id });
    expect(audit.map((a) => a.action)).toEqual(['create']);

    // Held again (after a change of status): still one evaluation.
    await markHeld(2027, actor(sara), 'confirmed');
    await markHeld(2027, actor(sara));
    expect(await count('evaluation')).toBe(before + 1);
  });

  it('belongs to every active coordinator when no coordinator marked it held, and uses the day for a meeting without dates', async () => {
    const id = await insertMeeting(t.db.kysely, {
      id: 'm-2035-no-dates',
      year: 2035,
      host: 'goteborg',
    });
    await markHeld(2035, { userId: null, label: 'cli', ip: null });
    const e = await rowWhere(t.db, 'evaluation', { meeting_id: id });
    const today = gothenburgToday();
    expect(e.period_end).toBe(today);
    expect(e.due_on).toBe(addMonths(today, 3));
    const owners = await rowsWhere(t.db, 'evaluation_owner', { evaluation_id: e.id }, ['user_id']);
    expect(owners.map((o) => o.user_id).sort()).toEqual([sara.id, greta.id].sort());
  });

  it('takes the due date from EVALUATION_DUE_MONTHS', async () => {
    expect(loadConfig({}).evaluationDueMonths).toBe(3);
    expect(loadConfig({ EVALUATION_DUE_MONTHS: '6' }).evaluationDueMonths).toBe(6);
    expect(() => loadConfig({ EVALUATION_DUE_MONTHS: '0' })).toThrow(ConfigError);
    await insertMeeting(t.db.kysely, {
      id: 'm-2039',
      year: 2039,
      host: 'goteborg',
      startDate: '2039-06-01',
      endDate: '2039-06-02',
    });
    configureEvaluation(loadConfig({ EVALUATION_DUE_MONTHS: '6' }));
    try {
      await markHeld(2039, actor(sara));
    } finally {
      configureEvaluation(loadConfig({}));
    }
    const e = await rowWhere(t.db, 'evaluation', { meeting_id: 'm-2039' }, [
      'due_on',
      'period_start',
      'period_end',
    ]);
    expect(e).toEqual({
      due_on: '2039-12-02',
      // From the day after the latest period before it ended (the 2027 meeting's).
      period_start: '2027-09-17',
      period_end: '2039-06-02',
    });
  });

  it('is started by hand for any period; each bad input is named and nothing is saved', async () => {
    const before = await count('evaluation');
    const good = startFields(
      'Utvärdering av samarbetet 2024–2026',
      ['2024-01-01', '2026-06-30'],
      '2026-12-31',
      [sara.id],
    );
    expect(
      await refused(
        startEvaluation(t.db, actor(sara), sara, {
          ...good,
          periodStart: '2026-07-01',
          dueOn: 'snart',
          owners: [],
        }),
      ),
    ).toEqual({
      periodEnd: 'evaluation.error.periodOrder',
      dueOn: 'evaluation.error.dateInvalid',
      owners: 'evaluation.error.ownerRequired',
    });
    expect(
      await refused(startEvaluation(t.db, actor(sara), sara, { ...good, owners: [reporter.id] })),
    ).toEqual({ owners: 'evaluation.error.ownerNotCoordinator' });
    expect(await refused(startEvaluation(t.db, actor(reporter), reporter, good))).toBe('FORBIDDEN');
    expect(await count('evaluation')).toBe(before);

    const id = await startEvaluation(t.db, actor(sara), sara, good);
    expect(await row(id)).toMatchObject({
      title: good.title,
      period_start: '2024-01-01',
      period_end: '2026-06-30',
      due_on: '2026-12-31',
      meeting_id: null,
      status: 'draft',
    });
  });

  it('goes draft → review → returned → review → approved (version 1) → new version → version 2', async () => {
    const id = await start('Arbetsflödestest', ['2024-01-01', '2026-06-30'], '2026-12-31');
    const revised = `${SECTIONS.analysis}\n\nBergen är den mest aktiva vänorten.`;
    const empty = {
      summary: '',
      analysis: '',
      conclusions: '',
      recommendations: '',
      summaryEn: '',
    };
    let version = (await row(id)).updated_at;
    /** Saves the sections as `who` (Sara owns the evaluation, Greta reviews it). */
    const save = (
      who: User,
      sections: Parameters<typeof saveSections>[4],
      options: Parameters<typeof saveSections>[5],
    ) => saveSections(t.db, actor(who), who, id, sections, options);
    /** Reviews as `who`, against the version the form was read at. */
    const review = (
      who: User,
      decision: 'approve' | 'return',
      comment: string,
      expectedVersion: string,
    ) => reviewEvaluation(t.db, actor(who), who, id, { comment, decision }, expectedVersion);

    // Submitting without the required sections names each one; nothing changes.
    expect(
      await refused(
        save(
          sara,
          { ...empty, summary: 'Kort.' },
          {
            expectedVersion: version,
            submit: true,
          },
        ),
      ),
    ).toEqual({
      analysis: 'evaluation.error.analysisRequired',
      conclusions: 'evaluation.error.conclusionsRequired',
      recommendations: 'evaluation.error.recommendationsRequired',
    });
    expect((await row(id)).summary).toBe('');

    // Saving; a stale form is refused and changes nothing.
    version = await save(sara, SECTIONS, {
      expectedVersion: version,
    });
    expect(
      await refused(
        save(
          greta,
          { ...SECTIONS, summary: 'Över.' },
          {
            expectedVersion: '2020-01-01T00:00:00.000Z',
          },
        ),
      ),
    ).toBe('EDIT_CONFLICT');
    expect((await row(id)).summary).toBe(SECTIONS.summary);

    // Only an owner submits.
    expect(
      await refused(
        save(greta, SECTIONS, {
          expectedVersion: version,
          submit: true,
        }),
      ),
    ).toEqual({ form: 'evaluation.error.notOwner' });
    version = await save(sara, SECTIONS, {
      expectedVersion: version,
      submit: true,
    });
    expect((await row(id)).status).toBe('in_review');
    expect(await refused(save(sara, SECTIONS, { expectedVersion: version }))).toEqual({
      form: 'evaluation.error.inReviewNoEdit',
    });

    // The submitter cannot approve; returning needs a comment.
    expect(await refused(review(sara, 'approve', '', version))).toEqual({
      decision: 'evaluation.error.ownReview',
    });
    expect(await refused(review(greta, 'return', '', version))).toEqual({
      comment: 'evaluation.error.commentRequired',
    });
    await review(greta, 'return', 'Skriv mer om Bergen.', version);
    expect((await row(id)).status).toBe('draft');
    version = (await row(id)).updated_at;
    version = await save(
      sara,
      { ...SECTIONS, analysis: revised },
      { expectedVersion: version, submit: true },
    );

    // A stale approval is refused; the right one freezes version 1.
    expect(await refused(review(greta, 'approve', '', '2020-01-01T00:00:00.000Z'))).toBe(
      'EDIT_CONFLICT',
    );
    expect(await count('evaluation_version')).toBe(1); // the demo's
    const approved = await review(greta, 'approve', 'Bra.', version);
    expect(approved).toEqual({ decision: 'approve', version: 1 });
    const v1 = await rowWhere(t.db, 'evaluation_version', { evaluation_id: id });
    expect(v1).toMatchObject({ number: 1, approved_by: greta.id, published_at: null });
    expect(JSON.parse(v1.sections_json)).toMatchObject({ summary: SECTIONS.summary });
    expect(JSON.parse(v1.figures_json)).toMatchObject({
      current: { period: { start: '2024-01-01', end: '2026-06-30' } },
    });
    expect(await row(id)).toMatchObject({ status: 'approved', approved_version: 1 });

    // An approved evaluation cannot be edited in place.
    version = (await row(id)).updated_at;
    expect(await refused(save(sara, SECTIONS, { expectedVersion: version }))).toEqual({
      form: 'evaluation.error.approvedNoEdit',
    });

    // A new version: back to draft with the text kept; the next approval is version 2.
    expect(
      await refused(startNewVersion(t.db, actor(sara), sara, id, '2020-01-01T00:00:00.000Z')),
    ).toBe('EDIT_CONFLICT');
    await startNewVersion(t.db, actor(sara), sara, id, version);
    expect(await row(id)).toMatchObject({ status: 'draft', summary: SECTIONS.summary });
    version = await save(
      sara,
      {
        ...SECTIONS,
        analysis: revised,
        conclusions: 'Samarbeten behöver en tydlig ägare i varje stad.',
      },
      { expectedVersion: (await row(id)).updated_at, submit: true },
    );
    await review(greta, 'approve', '', version);
    expect(await row(id)).toMatchObject({ status: 'approved', approved_version: 2 });

    const pair = await versionsToCompare(t.db, greta, id, '1', '2');
    const changes = compareSections(pair.from.sections, pair.to.sections);
    expect(changes.filter((c) => c.changed).map((c) => c.key)).toEqual(['conclusions']);
    expect(changes.find((c) => c.key === 'conclusions')!.parts).toContainEqual({
      kind: 'added',
      text: 'tydlig ',
    });
    expect(await refused(versionsToCompare(t.db, greta, id, '1', '3'))).toBe(
      'EVALUATION_VERSION_NOT_FOUND',
    );

    const detail = await evaluationDetail(t.db, sara, id);
    expect(detail.comments.map((c) => c.body)).toEqual(['Skriv mer om Bergen.', 'Bra.']);
    expect(detail.versions.map((v) => v.number)).toEqual([2, 1]);
    const audit = await rowsWhere(t.db, 'audit_event', { entity: 'evaluation', entity_id: id }, [
      'action',
    ]);
    // (Several happen within one millisecond: compared as a set with their counts.)
    expect(audit.map((a) => a.action).sort()).toEqual(
      [
        'start',
        'update',
        'submit',
        'return',
        'submit',
        'approve',
        'reopen',
        'submit',
        'approve',
      ].sort(),
    );
  });

  it('lists tasks for owners and reviewers, and gives the P10 line', async () => {
    const id = await start('Uppgiftstest', ['2025-01-01', '2025-12-31'], '2027-03-01');
    const href = `/workspace/evaluations/${id}`;
    const tasks = (u: User) => evaluationTasks(t.db, u, ctx);
    const task = (kind: string, title: string) => ({ kind, title, href, dueOn: '2027-03-01' });
    expect(await tasks(sara)).toContainEqual(
      task('evaluation.write', 'Skriv utvärderingen ”Uppgiftstest”, klar senast 1 mars 2027'),
    );
    expect((await tasks(greta)).map((x) => x.href)).not.toContain(href);
    expect(await tasks(reporter)).toEqual([]);
    await saveSections(t.db, actor(sara), sara, id, SECTIONS, { submit: true });
    expect(await tasks(greta)).toContainEqual(
      task('evaluation.review', 'Granska utvärderingen ”Uppgiftstest”'),
    );
    expect((await tasks(sara)).map((x) => x.href)).not.toContain(href);

    // The latest meeting Gothenburg hosted and held (2039, above): its evaluation is due.
    const [line] = await evaluationPolicy(t.db, ctx);
    expect(line).toMatchObject({ rule: 'P10', state: 'attention' });
    expect(line!.text).toMatch(
      /^Utvärderingen efter mötet 2039 ska vara godkänd senast 2 december 2039\.$/,
    );
  });

  it('reminds the owners 14 days before and the day after the due date, each once', async () => {
    await t.db.kysely.deleteFrom('mail_outbox').execute();
    const due = '2027-05-20';
    const id = await start('Påminnelsetest', ['2025-01-01', '2025-12-31'], due, [
      sara.id,
      greta.id,
    ]);
    // Only this evaluation is open for the job: the others are set aside.
    await updateRows(
      t.db,
      'evaluation',
      { id: ['!=', id], status: ['!=', 'approved'] },
      { reminder_before_sent_at: 'x', reminder_after_sent_at: 'x' },
    );
    const remind = (date: string) => runJobOnMorning(t, evaluationRemindersJob, date);
    const outbox = () => outboxMails(t.db);

    await remind(addDays(due, -15));
    expect(await outbox()).toEqual([]);
    expect(await remind(addDays(due, -14))).toMatchObject({
      outcome: 'ok',
      details: 'reminded 1 before, 0 after the due date',
    });
    let mails = await outbox();
    expect(mails.map((m) => [m.to_address, m.subject])).toEqual([
      ['granskare@vanort.example', 'Reminder: Påminnelsetest is due on 20 May 2027'],
      ['samordnare@vanort.example', 'Påminnelse: Påminnelsetest ska vara klar 20 maj 2027'],
    ]);
    expect(mails[1]!.text_body).toContain(`https://vanort.example/workspace/evaluations/${id}`);
    await remind(addDays(due, -13));
    await remind(due);
    expect(await outbox()).toHaveLength(2);

    await remind(addDays(due, 1));
    mails = await outbox();
    expect(mails).toHaveLength(4);
    expect(mails.map((m) => m.subject)).toContain(
      'Försenad: Påminnelsetest skulle ha varit klar 20 maj 2027',
    );
    await remind(addDays(due, 2));
    expect(await outbox()).toHaveLength(4);
    const audit = await t.db.kysely
      .selectFrom('audit_event')
      .select('action')
      .where('entity_id', '=', id)
      .where('action', 'like', 'remind%')
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['remind', 'remind.overdue']);
  });

  it('sends no reminder for an approved evaluation', async () => {
    await t.db.kysely.deleteFrom('mail_outbox').execute();
    await updateRows(
      t.db,
      'evaluation',
      { status: 'approved' },
      { reminder_before_sent_at: null, reminder_after_sent_at: null },
    );
    await runJobOnMorning(t, evaluationRemindersJob, '2099-01-01');
    const mails = await t.db.kysely.selectFrom('mail_outbox').select('to_address').execute();
    expect(mails).toEqual([]);
  });
});
