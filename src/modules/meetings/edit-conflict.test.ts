import { beforeAll, expect, it } from 'vitest';
import { TestAgent } from '../../../test/helpers/agent.ts';
import { describeEachDialect } from '../../../test/helpers/databases.ts';
import { expectPage } from '../../../test/helpers/forms.ts';
import { useTestApp } from '../../../test/helpers/test-app.ts';
import { DEMO_PASSWORD } from '../../demo.ts';
import { rowWhere } from '../../../test/helpers/rows.ts';

const versionIn = (html: string) => /name="version" value="([^"]+)"/.exec(html)?.[1];

/** Optimistic locking on the meeting form (decision 022). */
describeEachDialect('editing a meeting someone else has just saved', (dialect) => {
  const t = useTestApp(dialect);
  let first: TestAgent;
  let second: TestAgent;

  beforeAll(async () => {
    first = new TestAgent(t.app);
    second = new TestAgent(t.app);
    for (const agent of [first, second])
      expect((await agent.login('samordnare@vanort.example', DEMO_PASSWORD)).statusCode).toBe(303);
  });

  it('refuses the later save with the saved version shown, and saves on the second try', async () => {
    const meeting = await t.db.kysely
      .selectFrom('meeting')
      .innerJoin('city', 'city.id', 'meeting.host_city_id')
      .select([
        'meeting.id',
        'meeting.year',
        'city.slug as host',
        'meeting.start_date',
        'meeting.end_date',
        'meeting.venue',
        'meeting.theme',
        'meeting.status',
      ])
      .where('meeting.status', '=', 'planned')
      .orderBy('meeting.year')
      .executeTakeFirstOrThrow();
    const form = (theme: string, version: string) => ({
      year: String(meeting.year),
      host: meeting.host,
      startDate: meeting.start_date ?? '',
      endDate: meeting.end_date ?? '',
      venue: meeting.venue ?? '',
      theme,
      status: meeting.status,
      statusReason: '',
      version,
    });
    const edit = `/workspace/meetings/${meeting.id}/edit`;
    const opened = versionIn((await first.get(edit)).body)!;
    expect(opened).toBeTruthy();
    await second.get(edit);
    expect((await second.post(edit, form('Klimatanpassade hamnar', opened))).statusCode).toBe(303);

    const late = await first.post(edit, form('Unga i vänorterna', opened));
    expectPage(late, 409, [
      'Någon annan sparade ändringar här',
      'Klimatanpassade hamnar',
      'Unga i vänorterna',
    ]);
    const stored = () => rowWhere(t.db, 'meeting', { id: meeting.id }, ['theme', 'updated_at']);
    expect((await stored()).theme).toBe('Klimatanpassade hamnar');
    expect(versionIn(late.body)).toBe((await stored()).updated_at);

    const again = await first.post(edit, form('Unga i vänorterna', versionIn(late.body)!));
    expect(again.statusCode).toBe(303);
    expect((await stored()).theme).toBe('Unga i vänorterna');

    // A form with a validation problem keeps the version it was opened at.
    const current = (await stored()).updated_at;
    const bad = await first.submit(edit, { ...form('x', current), year: 'tjugo' });
    expect(bad.statusCode).toBe(400);
    expect(versionIn(bad.body)).toBe(current);
  });
});
