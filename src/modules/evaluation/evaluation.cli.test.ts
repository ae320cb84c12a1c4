import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/helpers/databases.ts';
import { EXIT } from '../../cli/main.ts';
import type { FiguresOf } from './figures.service.ts';
import { runCliCaptured, useCliDatabase } from '../../../test/helpers/cli.ts';

const run = runCliCaptured;

describeEachDialect('vanort evaluation compile', (dialect) => {
  const cli = useCliDatabase(dialect);

  it('prints the figures of a meeting’s evaluation period as text or JSON', async () => {
    const env = await cli.seeded();
    // The demo's 2027 meeting in Gothenburg: its period starts after the 2019 meeting there.
    const ids = await run(['rotation', '--from', '2027', '--count', '1', '--json'], env);
    const link = (JSON.parse(ids.out) as { meeting: string | null }[])[0]?.meeting;
    const meetingId = link?.replace('/meetings/', '');
    expect(meetingId).toBeTruthy();
    const json = await run(['evaluation', 'compile', '--meeting', meetingId!, '--json'], env);
    expect(json.code, json.err).toBe(EXIT.ok);
    const body = JSON.parse(json.out) as FiguresOf & { period: { start: string; end: string } };
    expect(body.version).toBeNull();
    expect(body.period).toEqual({ start: '2019-11-16', end: '2027-09-16' });
    expect(body.figures.current.meetings.map((m) => m.year)).toEqual([2021, 2023, 2025, 2027]);
    const text = await run(['evaluation', 'compile', '--meeting', meetingId!], env);
    expect(text.code).toBe(EXIT.ok);
    expect(text.out).toContain('Evaluation figures for 2019-11-16 – 2027-09-16');
    expect(text.out).toMatch(/2027 Göteborg \(planned\)/);
    const unknown = await run(['evaluation', 'compile', '--meeting', 'no-such-meeting'], env);
    expect(unknown.code).toBe(EXIT.failed);
    expect(unknown.err).toContain('no-such-meeting');
    expect((await run(['evaluation', 'compile'], env)).code).toBe(EXIT.usage);
  });
});
