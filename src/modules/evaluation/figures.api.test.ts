import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/helpers/databases.ts';
import { useTestApp } from '../../../test/helpers/test-app.ts';
import { apiTokenOf } from '../../../test/helpers/sign-in.ts';
import { startFields } from '../../../test/helpers/evaluation-fixtures.ts';
import { updateRows } from '../../../test/helpers/rows.ts';
import { findUserByEmail } from '../accounts/account.service.ts';
import { compileFigures } from './compile.service.ts';
import { startEvaluation } from './evaluation.service.ts';
import type { EvaluationFigures } from './evaluation.figures.ts';
import { previousPeriod } from './period.ts';

interface FiguresResponse {
  evaluationId: string;
  version: number | null;
  figures: EvaluationFigures;
}

const PERIOD = { start: '2019-11-16', end: '2027-09-30' };
const at = '2026-12-01T10:00:00.000Z';

describeEachDialect('the evaluation figures API', (dialect) => {
  const t = useTestApp(dialect);
  let evaluationId = '';
  let chainId = '';
  const tokens = new Map<string, string>();
  beforeAll(async () => {
    for (const email of ['samordnare@vanort.example', 'medarbetare@vanort.example']) {
      tokens.set(email, await apiTokenOf(t.db, email));
    }
    chainId = (await t.db.kysely.selectFrom('chain').select('id').executeTakeFirstOrThrow()).id;
    // A draft started by hand by the coordinator, as the start form does.
    const sara = (await findUserByEmail(t.db.kysely, 'samordnare@vanort.example'))!;
    evaluationId = await startEvaluation(
      t.db,
      { userId: sara.id, label: sara.email, ip: null },
      sara,
      startFields('Utvärdering efter vänortsmötet 2027', [PERIOD.start, PERIOD.end], '2027-12-16', [
        sara.id,
      ]),
    );
  });

  const get = (url: string, email?: string) =>
    t.app.inject({
      url,
      headers: email ? { authorization: `Bearer ${tokens.get(email)}` } : {},
    });
  const url = () => `/api/v1/evaluations/${evaluationId}/figures`;

  it('gives a coordinator the figures compiled now, before any approval (version null)', async () => {
    const res = await get(url(), 'samordnare@vanort.example');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.json<FiguresResponse>();
    expect(body.version).toBeNull();
    expect(body.evaluationId).toBe(evaluationId);
    const expected = await compileFigures(t.db.kysely, {
      chainId,
      period: PERIOD,
      previous: previousPeriod(PERIOD),
    });
    expect({ ...body.figures, compiledAt: '' }).toEqual({ ...expected, compiledAt: '' });
    expect(body.figures.current.meetings.length).toBeGreaterThan(0);
    expect(body.figures.previous?.period).toEqual(previousPeriod(PERIOD));
  });

  it('gives the latest approved version’s frozen figures once there is one', async () => {
    const frozen = await compileFigures(t.db.kysely, { chainId, period: PERIOD, previous: null });
    frozen.current.news.published = 4711; // unmistakably the stored snapshot
    for (const number of [1, 2])
      await t.db.kysely
        .insertInto('evaluation_version')
        .values({
          id: randomUUID(),
          evaluation_id: evaluationId,
          number,
          title: 'Utvärdering',
          period_start: PERIOD.start,
          period_end: PERIOD.end,
          sections_json: '{}',
          figures_json: JSON.stringify({
            ...frozen,
            current: { ...frozen.current, news: { published: 4710 + number } },
          }),
          approved_by: null,
          approved_at: at,
          published_at: null,
          published_by: null,
        })
        .execute();
    await updateRows(
      t.db,
      'evaluation',
      { id: evaluationId },
      { approved_version: 2, status: 'approved' },
    );
    const body = (await get(url(), 'samordnare@vanort.example')).json<FiguresResponse>();
    expect(body.version).toBe(2);
    expect(body.figures.current.news.published).toBe(4712);
    expect(body.figures.previous).toBeNull();
  });

  it('refuses other roles (403) and callers without a token (401); 404 for an unknown id', async () => {
    const staff = await get(url(), 'medarbetare@vanort.example');
    expect(staff.statusCode).toBe(403);
    expect(staff.headers['content-type']).toContain('application/problem+json');
    expect((await get(url())).statusCode).toBe(401);
    const unknown = await get(
      '/api/v1/evaluations/no-such-evaluation/figures',
      'samordnare@vanort.example',
    );
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    expect(unknown.json<{ error: { code: string } }>().error.code).toBe('EVALUATION_NOT_FOUND');
  });
});
