import { expect, it } from 'vitest';
import { collaborationForm } from '../../../test/helpers/collaboration-fixtures.ts';
import { describeEachDialect } from '../../../test/helpers/databases.ts';
import { useTestApp } from '../../../test/helpers/test-app.ts';
import { DEMO_EMAIL, useSignedIn } from '../../../test/helpers/sign-in.ts';
import { rowWhere } from '../../../test/helpers/rows.ts';

const idFrom = (location: unknown) => /\/([0-9a-f-]{36})$/.exec(String(location))![1]!;
const versionIn = (html: string) => /name="version" value="([^"]+)"/.exec(html)?.[1];

/** Optimistic locking (issue 17 point 5, decision 022): a save over a newer version is refused. */
describeEachDialect('editing a collaboration someone else has just saved', (dialect) => {
  const t = useTestApp(dialect);
  const [reporter, coordinator] = useSignedIn(t, DEMO_EMAIL.reporter, DEMO_EMAIL.coordinator);

  const stored = (id: string) =>
    rowWhere(t.db, 'collaboration', { id }, ['title', 'goals', 'updated_at']);
  const audits = async (id: string) =>
    (await t.db.kysely.selectFrom('audit_event').select('id').where('entity_id', '=', id).execute())
      .length;

  it("shows the saved version beside the person's input, saves nothing, and saves on a knowing second try", async () => {
    await reporter.get('/workspace/collaborations/new');
    const created = await reporter.post(
      '/workspace/collaborations/new',
      collaborationForm({ title: 'Läsfrämjande med Bergen, vår' }),
    );
    expect(created.statusCode, created.body.slice(0, 2000)).toBe(303);
    const id = idFrom(created.headers.location);

    // Both open the edit form at the same version.
    const reporterForm = await reporter.get(`/workspace/collaborations/${id}/edit`);
    const opened = versionIn(reporterForm.body);
    expect(opened).toBe((await stored(id)).updated_at);
    await coordinator.get(`/workspace/collaborations/${id}/edit`);

    // The coordinator saves first.
    const theirs = await coordinator.post(
      `/workspace/collaborations/${id}/edit`,
      collaborationForm({ title: 'Läsfrämjande med Bergen och Åbo', version: opened! }),
    );
    expect(theirs.statusCode, theirs.body.slice(0, 2000)).toBe(303);
    const afterTheirs = await stored(id);
    const auditsBefore = await audits(id);

    // The reporter's save over the old version is refused: 409, the input kept, the saved
    // version's differing fields shown, nothing written.
    const mine = await reporter.post(
      `/workspace/collaborations/${id}/edit`,
      collaborationForm({
        title: 'Läsfrämjande med Bergen, vår',
        goals: 'Dela metoder och bokcirklar.',
        version: opened!,
      }),
    );
    expect(mine.statusCode).toBe(409);
    expect(mine.body).toContain('Någon annan sparade ändringar här');
    expect(mine.body).toContain('<title>Fel: ');
    expect(mine.body).toContain('Den sparade versionen skiljer sig från din');
    expect(mine.body).toContain('Läsfrämjande med Bergen och Åbo'); // theirs, in the table
    expect(mine.body).toContain('Dela metoder och bokcirklar.'); // mine, kept in the form
    expect(await stored(id)).toEqual(afterTheirs);
    expect(await audits(id)).toBe(auditsBefore);
    // The page now carries the saved version: saving again replaces it, knowingly.
    expect(versionIn(mine.body)).toBe(afterTheirs.updated_at);
    const again = await reporter.post(
      `/workspace/collaborations/${id}/edit`,
      collaborationForm({
        title: 'Läsfrämjande med Bergen, vår',
        goals: 'Dela metoder och bokcirklar.',
        version: versionIn(mine.body)!,
      }),
    );
    expect(again.statusCode, again.body.slice(0, 2000)).toBe(303);
    expect(await stored(id)).toMatchObject({
      title: 'Läsfrämjande med Bergen, vår',
      goals: 'Dela metoder och bokcirklar.',
    });
  });

  it('lets exactly one of two simultaneous saves over the same version through', async () => {
    await reporter.get('/workspace/collaborations/new');
    const created = await reporter.post('/workspace/collaborations/new', collaborationForm());
    const id = idFrom(created.headers.location);
    const version = (await stored(id)).updated_at;
    await reporter.get(`/workspace/collaborations/${id}/edit`);
    await coordinator.get(`/workspace/collaborations/${id}/edit`);
    // Both requests run at once; on PostgreSQL their transactions overlap.
    const answers = await Promise.all([
      reporter.post(
        `/workspace/collaborations/${id}/edit`,
        collaborationForm({ title: 'Först', version }),
      ),
      coordinator.post(
        `/workspace/collaborations/${id}/edit`,
        collaborationForm({ title: 'Sedan', version }),
      ),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([303, 409]);
    const winner = answers[0].statusCode === 303 ? 'Först' : 'Sedan';
    expect((await stored(id)).title).toBe(winner);
  });

  it('refuses an exchange saved over a newer version too', async () => {
    await reporter.get('/workspace/exchanges/new');
    const exchange = {
      organisation: 'kulturforvaltningen',
      city: 'turku',
      occurredOn: '2026-05-12',
      direction: 'visit_to',
      participants: '12',
      activities: 'Studiebesök på Åbo stadsbibliotek.',
      learnings: '',
      visibility: 'public',
    };
    const created = await reporter.post('/workspace/exchanges/new', exchange);
    expect(created.statusCode, created.body.slice(0, 2000)).toBe(303);
    const id = idFrom(created.headers.location);
    const form = await reporter.get(`/workspace/exchanges/${id}/edit`);
    const opened = versionIn(form.body)!;
    await coordinator.get(`/workspace/exchanges/${id}/edit`);
    expect(
      (
        await coordinator.post(`/workspace/exchanges/${id}/edit`, {
          ...exchange,
          participants: '14',
          version: opened,
        })
      ).statusCode,
    ).toBe(303);
    const late = await reporter.post(`/workspace/exchanges/${id}/edit`, {
      ...exchange,
      participants: '9',
      version: opened,
    });
    expect(late.statusCode).toBe(409);
    expect(late.body).toContain('Någon annan sparade ändringar här');
    const row = await rowWhere(t.db, 'exchange', { id }, ['participants']);
    expect(row.participants).toBe(14);
  });
});
