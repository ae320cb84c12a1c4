import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/helpers/databases.ts';
import { SWAP_AARHUS_TURKU_2039 } from '../../../test/helpers/meeting-fixtures.ts';
import { useTestApp } from '../../../test/helpers/test-app.ts';
import { DEMO_EMAIL, useSignedIn } from '../../../test/helpers/sign-in.ts';
import { rowWhere } from '../../../test/helpers/rows.ts';

/**
 * The partner contact sees nothing meant for Gothenburg's organisers only (issue 19,
 * point 6; decision 036): no rotation controls or empty heading, no host-plan link, and a
 * new meeting hosted by their own city.
 */
describeEachDialect('the meeting workspace as the Bergen contact', (dialect) => {
  const t = useTestApp(dialect);
  const [bergen, coordinator] = useSignedIn(t, DEMO_EMAIL.bergen, DEMO_EMAIL.coordinator);

  it('shows the rotation changes but no controls; the coordinator keeps them', async () => {
    const before = await bergen.get('/workspace/meetings');
    expect(before.statusCode).toBe(200);
    expect(before.body).not.toContain('Ändra rotationen');
    expect(before.body).not.toContain('Ändringar i rotationen');
    expect(before.body).not.toContain('action="/workspace/rotation"');
    const own = await coordinator.get('/workspace/meetings');
    expect(own.body).toContain('Ändra rotationen');
    expect(own.body).toContain('action="/workspace/rotation"');

    const swap = await coordinator.post('/workspace/rotation', SWAP_AARHUS_TURKU_2039);
    expect(swap.statusCode).toBe(303);
    const after = await bergen.get('/workspace/meetings');
    expect(after.body).toContain('<h2 id="adjust-heading">Ändringar i rotationen</h2>');
    expect(after.body).toContain('Från 2039: Aarhus och Åbo byter plats.');
    expect(after.body).not.toContain('action="/workspace/rotation"');
  });

  it('offers their own city as the host of a new meeting, chosen already', async () => {
    const form = await bergen.get('/workspace/meetings/new');
    expect(form.statusCode).toBe(200);
    const select = /<select[^>]*name="host"[^>]*>([\s\S]*?)<\/select>/.exec(form.body)?.[1] ?? '';
    // An empty value renders as a bare `value` attribute.
    const options = [...select.matchAll(/<option[^>]*>/g)].map((m) => m[0]);
    expect(options.map((o) => /value(?:="([^"]*)")?/.exec(o)?.[1] ?? '')).toEqual(['', 'bergen']);
    expect(options.find((o) => o.includes('value="bergen"'))).toMatch(/selected/);
    // A coordinator chooses among every city of the chain, none chosen for them.
    const theirs = await coordinator.get('/workspace/meetings/new');
    for (const slug of ['goteborg', 'aarhus', 'bergen', 'turku'])
      expect(theirs.body).toContain(`value="${slug}"`);
    expect(theirs.body).not.toMatch(/value="bergen"[^>]*selected/);
  });

  it('links the host plan only for those who open it', async () => {
    const meeting = await rowWhere(t.db, 'meeting', { year: 2027 }, ['id']);
    const page = await bergen.get(`/workspace/meetings/${meeting.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain(`href="/workspace/meetings/${meeting.id}/host-plan"`);
    expect((await bergen.get(`/workspace/meetings/${meeting.id}/host-plan`)).statusCode).toBe(403);
    const theirs = await coordinator.get(`/workspace/meetings/${meeting.id}`);
    expect(theirs.body).toContain(`href="/workspace/meetings/${meeting.id}/host-plan"`);
  });
});
