import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/helpers/databases.ts';
import { expectPage } from '../../../test/helpers/forms.ts';
import { DEMO_EMAIL, useSignedIn } from '../../../test/helpers/sign-in.ts';
import { useTestApp } from '../../../test/helpers/test-app.ts';
import { rowWhere } from '../../../test/helpers/rows.ts';
import { getChain } from '../cities/index.ts';
import { listMeetings } from './meeting.service.ts';

const versionIn = (html: string) => /name="version" value="([^"]+)"/.exec(html)?.[1];

/** Optimistic locking on the meeting form (decision 022). */
describeEachDialect('editing a meeting someone else has just saved', (dialect) => {
  const t = useTestApp(dialect);
  // The same coordinator, signed in twice (two tabs, or two people sharing the account).
  const [first, second] = useSignedIn(t, DEMO_EMAIL.coordinator, DEMO_EMAIL.coordinator);

  it('refuses the later save with the saved version shown, and saves on the second try', async () => {
    const meetings = await listMeetings(t.db, (await getChain(t.db))!);
    const meeting = meetings.find((m) => m.status === 'planned')!;
    const form = (theme: string, version: string) => ({
      year: String(meeting.year),
      host: meeting.host.slug,
      startDate: meeting.startDate ?? '',
      endDate: meeting.endDate ?? '',
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
