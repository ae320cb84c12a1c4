import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/helpers/databases.ts';
import { useDemoDb } from '../../../test/helpers/test-app.ts';
import { updateRows } from '../../../test/helpers/rows.ts';
import {
  demoUser,
  morningOf as at,
  workspaceContext as ctx,
} from '../../../test/helpers/workspace-home.ts';
import { addDays } from '../../shared/dates.ts';
import { collaborationPolicyAt, collaborationTasksAt } from './collaboration.home.ts';

describeEachDialect('collaborations on the workspace start page', (dialect) => {
  const demo = useDemoDb(dialect);
  const k = () => demo.db.kysely;
  const user = (email: string) => demoUser(demo.db, email);
  const campaign = () =>
    k().selectFrom('campaign').select(['id', 'title', 'deadline']).executeTakeFirstOrThrow();
  const reporterOrg = async () =>
    (
      await k()
        .selectFrom('organisation')
        .select('id')
        .where('slug', '=', 'kulturforvaltningen')
        .executeTakeFirstOrThrow()
    ).id;

  it('shows the reporter what was returned to fix and the answers their organisation owes, with the deadline', async () => {
    const reporter = await user('rapportor@vanort.example');
    const c = await campaign();
    const today = addDays(c.deadline, -21);
    const returned = await k()
      .selectFrom('collaboration')
      .select(['id', 'title'])
      .where('review_state', '=', 'returned')
      .where('organisation_id', '=', await reporterOrg())
      .execute();
    expect(returned.length).toBeGreaterThan(0);
    const before = await collaborationTasksAt(demo.db, reporter, ctx(), at(today));
    expect(before).toEqual(
      returned.map((r) => ({
        kind: 'collaboration.returned',
        title: `Komplettera samarbetet ${r.title}, som kom tillbaka från granskningen`,
        href: `/workspace/collaborations/${r.id}/edit`,
        dueOn: null,
      })),
    );

    // The organisation's answer is taken back: the campaign waits for it again.
    await updateRows(
      demo.db,
      'campaign_organisation',
      { organisation_id: await reporterOrg() },
      { answer: null, answered_at: null },
    );
    const owed = await collaborationTasksAt(demo.db, reporter, ctx(), at(today));
    expect(owed.find((t) => t.kind === 'campaign.answer')).toEqual({
      kind: 'campaign.answer',
      title: `Svara på ${c.title}`,
      href: `/workspace/campaigns/${c.id}/answer`,
      dueOn: c.deadline,
    });

    // Answered and fixed: nothing waits.
    await updateRows(
      demo.db,
      'campaign_organisation',
      { organisation_id: await reporterOrg() },
      { answer: 'confirmed', answered_at: new Date().toISOString() },
    );
    await updateRows(
      demo.db,
      'collaboration',
      { review_state: 'returned' },
      { review_state: 'submitted', submitted_at: new Date().toISOString() },
    );
    expect(await collaborationTasksAt(demo.db, reporter, ctx(), at(today))).toEqual([]);
    expect(
      await collaborationTasksAt(
        demo.db,
        await user('medarbetare@vanort.example'),
        ctx(),
        at(today),
      ),
    ).toEqual([]);
  });

  it('shows coordinators the review queue and, near the deadline, the organisations still missing', async () => {
    const coordinator = await user('samordnare@vanort.example');
    const c = await campaign();
    const submitted = await k()
      .selectFrom('collaboration')
      .select(['submitted_at'])
      .where('review_state', '=', 'submitted')
      .orderBy('submitted_at')
      .execute();
    const early = await collaborationTasksAt(
      demo.db,
      coordinator,
      ctx(),
      at(addDays(c.deadline, -21)),
    );
    const review = early.find((t) => t.kind === 'review.collaborations')!;
    expect(review.title).toBe(`${submitted.length} samarbeten väntar på granskning`);
    expect(review.href).toBe('/workspace/review');
    expect(review.dueOn! > submitted[0]!.submitted_at!.slice(0, 10)).toBe(true);
    expect(early.some((t) => t.kind === 'campaign.missing')).toBe(false);

    const asked = await k()
      .selectFrom('campaign_organisation')
      .select(['answer'])
      .where('campaign_id', '=', c.id)
      .execute();
    const missing = asked.filter((a) => a.answer === null).length;
    const late = await collaborationTasksAt(
      demo.db,
      coordinator,
      ctx(),
      at(addDays(c.deadline, -3)),
    );
    expect(late.find((t) => t.kind === 'campaign.missing')).toEqual({
      kind: 'campaign.missing',
      title: `${missing} organisationer har inte svarat på ${c.title}`,
      href: `/workspace/campaigns/${c.id}`,
      dueOn: c.deadline,
    });
  });

  it('gives P7 and P8: in order, running, past the deadline, and a collaboration nobody runs', async () => {
    const c = await campaign();
    const asked = await k()
      .selectFrom('campaign_organisation')
      .select(['answer'])
      .where('campaign_id', '=', c.id)
      .execute();
    const answered = asked.filter((a) => a.answer !== null).length;
    const running = await collaborationPolicyAt(demo.db, ctx(), at(addDays(c.deadline, -21)));
    expect(running.map((l) => [l.rule, l.state])).toEqual([
      ['P7', 'ok'],
      ['P8', 'info'],
    ]);
    expect(running[1]!.text).toMatch(
      new RegExp(`^${answered} av ${asked.length} organisationer har svarat på .+; sista dag är `),
    );
    const past = await collaborationPolicyAt(demo.db, ctx(), at(addDays(c.deadline, 1)));
    expect(past[1]!.state).toBe('attention');
    expect(past[1]!.text).toContain('sista dag var');

    await updateRows(demo.db, 'campaign_organisation', {}, { answer: 'no_activity' });
    const all = await collaborationPolicyAt(demo.db, ctx(), at(addDays(c.deadline, 1)));
    expect(all[1]).toMatchObject({
      state: 'ok',
      text: `Alla ${asked.length} organisationer har svarat på ${c.title}.`,
    });

    await updateRows(demo.db, 'organisation', { id: await reporterOrg() }, { active: 0 });
    const orphaned = await collaborationPolicyAt(demo.db, ctx(), at(addDays(c.deadline, 1)));
    expect(orphaned[0]!.state).toBe('attention');
    expect(orphaned[0]!.text).toMatch(/hör till en organisation som inte längre är aktiv\.$/);
  });
});
