import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/helpers/databases.ts';
import { useDemoDb } from '../../../test/helpers/test-app.ts';
import { demoUser, workspaceContext as ctx } from '../../../test/helpers/workspace-home.ts';
import { meetingPolicyAt, meetingTasksAt } from './meeting.home.ts';
import { rowWhere, updateRows } from '../../../test/helpers/rows.ts';

const NOW = new Date('2026-12-06T10:00:00Z');

describeEachDialect('meetings on the workspace start page', (dialect) => {
  const demo = useDemoDb(dialect);
  const user = (email: string) => demoUser(demo.db, email);
  /** The start page's meeting tasks of the demo user with this address, now. */
  const tasksOf = async (email: string) => meetingTasksAt(demo.db, await user(email), ctx(), NOW);
  const meeting2027 = () => rowWhere(demo.db, 'meeting', { year: 2027 }, ['id', 'start_date']);

  it('lists the open host-plan tasks, overdue ones with their due date, for coordinators only', async () => {
    const tasks = await tasksOf('samordnare@vanort.example');
    const plan = tasks.filter((t) => t.kind === 'hostPlan.task');
    expect(plan.length).toBeGreaterThan(0);
    const open = await demo.db.kysely
      .selectFrom('host_plan_task')
      .select(['title', 'due_on'])
      .where('status', 'in', ['todo', 'in_progress'])
      .where('due_on', '<=', '2027-01-05')
      .execute();
    expect(plan.map((t) => t.dueOn).sort()).toEqual(open.map((t) => t.due_on).sort());
    expect(plan[0]!.title).toMatch(/^Värdskapsplanen 2027: /);
    expect(plan[0]!.href).toBe(`/workspace/meetings/${(await meeting2027()).id}/host-plan`);
    const staff = await tasksOf('medarbetare@vanort.example');
    expect(staff).toEqual([]);
  });

  it('asks the presidium to confirm Gothenburg’s delegation, with the meeting date, until it is confirmed', async () => {
    const m = await meeting2027();
    const presidium = await user('presidiet@vanort.example');
    const before = await meetingTasksAt(demo.db, presidium, ctx(), NOW);
    expect(before).toEqual([
      {
        kind: 'delegation.confirm',
        title: 'Bekräfta Göteborgs delegation till vänortsmötet 2027 i Göteborg',
        href: `/workspace/meetings/${m.id}/delegations/goteborg`,
        dueOn: m.start_date,
      },
    ]);
    const policy = await meetingPolicyAt(demo.db, ctx(), NOW);
    const p4 = policy.find((l) => l.rule === 'P4')!;
    expect(p4.state).toBe('attention');
    expect(p4.text).toMatch(/^\d+ delegater till 2027 är ännu inte bekräftade av presidiet\.$/);

    await updateRows(
      demo.db,
      'delegation',
      { meeting_id: m.id },
      { status: 'confirmed', presidium_decision_on: '2026-12-01' },
    );
    expect(await meetingTasksAt(demo.db, presidium, ctx(), NOW)).toEqual([]);
    const after = (await meetingPolicyAt(demo.db, ctx(), NOW)).find((l) => l.rule === 'P4')!;
    expect(after.state).toBe('ok');
    expect(after.text).toMatch(/^Göteborgs delegation till 2027 \(\d+ delegater\) är bekräftad/);
  });

  it('asks the partner contact to fill in their own city’s delegation, not another city’s', async () => {
    const m = await meeting2027();
    await updateRows(demo.db, 'delegation', { meeting_id: m.id }, { status: 'nominated' });
    const bergen = await tasksOf('bergen@vanort.example');
    expect(bergen.map((t) => t.href)).toEqual([`/workspace/meetings/${m.id}/delegations/bergen`]);
    expect(bergen[0]!.title).toContain('delegationen från Bergen');
  });

  it('gives the policy lines P2–P5: ok when planned, attention when a plan task is late or nothing is registered', async () => {
    const lines = await meetingPolicyAt(demo.db, ctx(), NOW);
    expect(lines.map((l) => l.rule)).toEqual(['P2', 'P3', 'P4', 'P5']);
    const [p2, p3, , p5] = lines;
    expect(p2).toMatchObject({ state: 'ok', href: '/workspace/meetings' });
    expect(p2!.text).toMatch(/^Nästa vänortsmöte är i Göteborg, /);
    expect(p3).toMatchObject({
      state: 'ok',
      text: 'Göteborg står värd 2027; kedjan med 4 städer ger vart 8:e år.',
    });
    const overdue = await demo.db.kysely
      .selectFrom('host_plan_task')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('status', 'in', ['todo', 'in_progress'])
      .where('due_on', '<', '2026-12-06')
      .executeTakeFirstOrThrow();
    expect(Number(overdue.n)).toBeGreaterThan(0);
    expect(p5!.state).toBe('attention');
    expect(p5!.text).toContain(`${overdue.n} uppgift`);

    // Every task done: P5 is in order and the coordinator's list is quiet.
    await updateRows(demo.db, 'host_plan_task', {}, { status: 'done' });
    const done = (await meetingPolicyAt(demo.db, ctx(), NOW)).find((l) => l.rule === 'P5')!;
    expect(done.state).toBe('ok');
    expect(done.text).toMatch(
      /^Värdskapsplanen för 2027: (\d+) av \1 uppgifter klara, ingen försenad\.$/,
    );
    const coordinator = await tasksOf('samordnare@vanort.example');
    expect(coordinator).toEqual([]);

    // No meeting registered ahead: P2 asks for one, P4 has nothing to judge.
    await updateRows(
      demo.db,
      'meeting',
      { status: ['in', ['planned', 'confirmed']] },
      { status: 'cancelled' },
    );
    const quiet = await meetingPolicyAt(demo.db, ctx(), NOW);
    expect(quiet.find((l) => l.rule === 'P2')).toMatchObject({
      state: 'attention',
      text: 'Inget vänortsmöte är registrerat för 2026–2028. Registrera nästa möte.',
    });
    expect(quiet.find((l) => l.rule === 'P4')!.state).toBe('info');
    expect(await tasksOf('presidiet@vanort.example')).toEqual([]);
  });
});
