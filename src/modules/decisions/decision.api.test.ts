import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/helpers/databases.ts';
import { decision, TROMSO_PROPOSAL } from '../../../test/helpers/decision-fixtures.ts';
import { useTestApp } from '../../../test/helpers/test-app.ts';
import { apiTokenOf } from '../../../test/helpers/sign-in.ts';
import { countRows } from '../../../test/helpers/rows.ts';

interface ApiCity {
  slug: string;
  kind: string;
  status: string;
  history: {
    changedOn: string;
    fromStatus: string | null;
    toStatus: string;
    toKind: string;
    decisionId: string | null;
    historical: boolean;
  }[];
}
interface ApiError {
  error: {
    code: string;
    message: string;
    details?: { problems?: { path: string; message: string; code?: string }[] };
  };
}

const newDecision = (overrides: Record<string, unknown> = {}) => ({ ...decision(), ...overrides });

describeEachDialect('decisions API and city filters', (dialect) => {
  const t = useTestApp(dialect);
  const tokens = new Map<string, string>();
  beforeAll(async () => {
    for (const email of [
      'samordnare@vanort.example',
      'sekretariatet@vanort.example',
      'medarbetare@vanort.example',
    ]) {
      tokens.set(email, await apiTokenOf(t.db, email));
    }
  });

  const get = (url: string) => t.app.inject({ url });
  const post = (url: string, payload: unknown, email?: string) =>
    t.app.inject({
      method: 'POST',
      url,
      payload: payload as Record<string, unknown>,
      headers: email ? { authorization: `Bearer ${tokens.get(email)}` } : {},
    });
  /** The fields a refusal names, in its order. */
  const problemPaths = (res: LightMyRequestResponse) =>
    res.json<ApiError>().error.details!.problems!.map((p) => p.path);
  const AS_COORDINATOR = 'samordnare@vanort.example';
  const AS_COUNCIL = 'sekretariatet@vanort.example';
  const AS_STAFF = 'medarbetare@vanort.example';
  const count = (table: 'council_decision' | 'proposal' | 'city_status_change') =>
    countRows(t.db, table);

  it('gives each city its history with the decisions behind it', async () => {
    const res = await get('/api/v1/cities');
    expect(res.statusCode).toBe(200);
    const cities = res.json<{ data: ApiCity[] }>().data;
    const bergen = cities.find((c) => c.slug === 'bergen')!;
    expect(bergen.history).toHaveLength(1);
    expect(bergen.history[0]).toMatchObject({
      changedOn: '1946-01-01',
      fromStatus: null,
      toStatus: 'active',
      toKind: 'twin',
      historical: true,
    });
    const decision = await get(`/api/v1/decisions/${bergen.history[0]!.decisionId}`);
    expect(decision.statusCode).toBe(200);
    expect(decision.json()).toMatchObject({
      body: 'KF',
      meetingDate: '1946-01-01',
      section: null,
      caseNumber: null,
      historical: true,
      outcome: 'approved',
      supersededById: null,
      proposal: null,
      cities: ['aarhus', 'bergen', 'turku'],
      links: { html: `/decisions/${bergen.history[0]!.decisionId}`, document: null },
    });
    const one = await get('/api/v1/cities/nelson-mandela-bay');
    expect(one.json<ApiCity>().history).toMatchObject([
      { changedOn: '1999-01-01', toStatus: 'active', toKind: 'partner' },
    ]);
  });

  it('filters cities by status and kind', async () => {
    const dormant = (await get('/api/v1/cities?status=dormant')).json<{ data: ApiCity[] }>().data;
    expect(dormant.length).toBeGreaterThan(0);
    expect(dormant.every((c) => c.status === 'dormant' && c.kind === 'partner')).toBe(true);
    expect(dormant.map((c) => c.slug)).toContain('chicago');
    const twins = (await get('/api/v1/cities?kind=twin')).json<{
      data: ApiCity[];
      chain: unknown;
    }>();
    expect(twins.data.map((c) => c.slug).sort()).toEqual(['aarhus', 'bergen', 'turku']);
    // The chain is the whole chain, whatever the filter.
    expect(twins.chain).toMatchObject({
      hostCycleYears: 8,
      members: ['bergen', 'aarhus', 'turku', 'goteborg'],
    });
    const activePartners = (await get('/api/v1/cities?kind=partner&status=active')).json<{
      data: ApiCity[];
    }>();
    expect(activePartners.data.map((c) => c.slug)).toEqual(['nelson-mandela-bay']);
  });

  it('refuses unknown filter values with 400 and a clear message', async () => {
    for (const [query, path, message] of [
      ['status=sleeping', 'status', 'status must be one of: proposed, active, dormant, ended'],
      ['kind=sister', 'kind', 'kind must be one of: home, twin, partner'],
      ['status=', 'status', 'status must be one of: proposed, active, dormant, ended'],
    ] as const) {
      const res = await get(`/api/v1/cities?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.headers['content-type'], query).toContain('application/problem+json');
      expect(res.json<ApiError>().error, query).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: { problems: [{ path, message }] },
      });
    }
  });

  it('lists decisions newest first, by limit with a cursor or a page', async () => {
    const all = await get('/api/v1/decisions');
    expect(all.statusCode).toBe(200);
    const body = all.json<{ data: { meetingDate: string }[]; page: Record<string, unknown> }>();
    expect(body.data.map((d) => d.meetingDate)).toEqual(['1999-01-01', '1946-01-01']);
    expect(body.page).toEqual({ limit: 50, total: 2, page: 1, nextCursor: null, next: null });

    const first = (await get('/api/v1/decisions?limit=1')).json<{
      data: { meetingDate: string }[];
      page: { nextCursor: string; next: string; total: number };
    }>();
    expect(first.data.map((d) => d.meetingDate)).toEqual(['1999-01-01']);
    expect(first.page.nextCursor).toMatch(/^[\w-]+$/);
    const second = (await get(first.page.next)).json<{
      data: { meetingDate: string }[];
      page: { nextCursor: string | null; page: number };
    }>();
    expect(second.data.map((d) => d.meetingDate)).toEqual(['1946-01-01']);
    expect(second.page).toMatchObject({ nextCursor: null, page: 2 });
    const byPage = (await get('/api/v1/decisions?limit=1&page=2')).json<{
      data: { meetingDate: string }[];
    }>();
    expect(byPage.data.map((d) => d.meetingDate)).toEqual(['1946-01-01']);
    expect((await get('/api/v1/decisions?page=9')).json<{ data: unknown[] }>().data).toEqual([]);
    // The next slice keeps a language asked for with ?lang= (an unknown one is dropped).
    const finnish = await get('/api/v1/decisions?limit=1&lang=fi');
    expect(finnish.headers['content-language']).toBe('fi');
    const next = finnish.json<{ page: { next: string } }>().page.next;
    expect(next).toMatch(/^\/api\/v1\/decisions\?limit=1&cursor=[\w-]+&lang=fi$/);
    expect((await get(next)).json<{ data: { meetingDate: string }[] }>().data).toMatchObject([
      { meetingDate: '1946-01-01' },
    ]);
    expect(
      (await get('/api/v1/decisions?limit=1&lang=xx')).json<{ page: { next: string } }>().page.next,
    ).not.toContain('lang=');
  });

  it('refuses bad paging with 400 and a clear message', async () => {
    for (const [query, path] of [
      ['limit=0', 'limit'],
      ['limit=201', 'limit'],
      ['limit=abc', 'limit'],
      ['limit=1.5', 'limit'],
      ['page=0', 'page'],
      ['page=-1', 'page'],
      ['cursor=not*base64', 'cursor'],
      ['cursor=bm9wZQ', 'cursor'],
      ['cursor=bzE&page=1', 'cursor'],
    ] as const) {
      const res = await get(`/api/v1/decisions?${query}`);
      expect(res.statusCode, query).toBe(400);
      const error = res.json<ApiError>().error;
      expect(error.code, query).toBe('VALIDATION_FAILED');
      expect(error.details?.problems?.[0]?.path, query).toBe(path);
      expect(error.details?.problems?.[0]?.message, query).toMatch(/limit|page|cursor/);
    }
  });

  it('answers 404 DECISION_NOT_FOUND for an unknown decision', async () => {
    const res = await get('/api/v1/decisions/no-such-decision');
    expect(res.statusCode).toBe(404);
    expect(res.json<ApiError>().error.code).toBe('DECISION_NOT_FOUND');
  });

  it('refuses writes without a token (401) and for another role (403), changing nothing', async () => {
    const proposals = await count('proposal');
    const decisions = await count('council_decision');
    const proposal = {
      kind: 'make_dormant',
      city: 'nelson-mandela-bay',
      title: 'x',
      justification: 'y',
    };
    const none = await post('/api/v1/proposals', proposal);
    expect(none.statusCode).toBe(401);
    expect(none.json<ApiError>().error.code).toBe('UNAUTHENTICATED');
    for (const email of [AS_STAFF, AS_COUNCIL]) {
      const res = await post('/api/v1/proposals', proposal, email);
      expect(res.statusCode, email).toBe(403);
      expect(res.json<ApiError>().error.code).toBe('FORBIDDEN');
    }
    expect((await post('/api/v1/decisions', newDecision())).statusCode).toBe(401);
    for (const email of [AS_STAFF, AS_COORDINATOR]) {
      expect((await post('/api/v1/decisions', newDecision(), email)).statusCode, email).toBe(403);
    }
    expect(await count('proposal')).toBe(proposals);
    expect(await count('council_decision')).toBe(decisions);
  });

  it('refuses bad proposals field by field, changing nothing', async () => {
    const before = await count('proposal');
    const shape = await post('/api/v1/proposals', { kind: 'annex', title: 1 }, AS_COORDINATOR);
    expect(shape.statusCode).toBe(400);
    expect(problemPaths(shape)).toEqual(expect.arrayContaining(['kind', 'title', 'justification']));

    const rules = await post(
      '/api/v1/proposals',
      {
        kind: 'establish_twin',
        city: 'bergen',
        title: 'Bergen igen',
        justification: 'Redan vänort.',
      },
      AS_COORDINATOR,
    );
    expect(rules.statusCode).toBe(400);
    expect(rules.json<ApiError>().error.details!.problems).toEqual([
      {
        path: 'kind',
        code: 'proposal.notApplicable',
        message: 'That proposal does not apply to the city in its present state',
      },
    ]);
    const newCity = await post(
      '/api/v1/proposals',
      {
        kind: 'establish_twin',
        newCity: { slug: 'X', nameSv: '', countryCode: 'norway' },
        title: 'Ny',
        justification: 'Ny',
      },
      AS_COORDINATOR,
    );
    expect(newCity.statusCode).toBe(400);
    expect(problemPaths(newCity).sort()).toEqual(['countryCode', 'nameSv', 'slug']);
    expect(await count('proposal')).toBe(before);
  });

  it('lets a coordinator propose and the council decide with tokens; KS may not make a twin city', async () => {
    const created = await post(
      '/api/v1/proposals',
      { ...TROMSO_PROPOSAL, send: true },
      AS_COORDINATOR,
    );
    expect(created.statusCode).toBe(201);
    const proposal = created.json<{ id: string; status: string; city: string; kind: string }>();
    expect(proposal).toMatchObject({ status: 'sent', city: 'tromso', kind: 'establish_twin' });
    const proposed = (await get('/api/v1/cities?status=proposed')).json<{ data: ApiCity[] }>();
    expect(proposed.data.map((c) => c.slug)).toEqual(['tromso']);

    // P6: the City Executive Board may not establish a twin city.
    const before = await count('council_decision');
    const ks = await post(
      '/api/v1/decisions',
      newDecision({ body: 'KS', proposalId: proposal.id }),
      AS_COUNCIL,
    );
    expect(ks.statusCode).toBe(400);
    expect(ks.json<ApiError>().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: {
        problems: [
          {
            path: 'body',
            code: 'decision.onlyKfForTwinCities',
            message:
              'Only the City Council (KF) decides to establish or end a twin city (policy P6); this proposal needs a KF decision',
          },
        ],
      },
    });
    expect(await count('council_decision')).toBe(before);
    expect((await get('/api/v1/cities/tromso')).json<ApiCity>().status).toBe('proposed');

    const bad = await post(
      '/api/v1/decisions',
      newDecision({
        caseNumber: 'abc',
        section: 'tolv',
        meetingDate: '2999-01-01',
        finalOn: '',
        proposalId: proposal.id,
      }),
      AS_COUNCIL,
    );
    expect(bad.statusCode).toBe(400);
    expect(problemPaths(bad).sort()).toEqual(['caseNumber', 'meetingDate', 'section']);

    // Decided today, the day it was proposed.
    const today = new Date().toISOString().slice(0, 10);
    const kf = await post(
      '/api/v1/decisions',
      newDecision({ proposalId: proposal.id, meetingDate: today, finalOn: today }),
      AS_COUNCIL,
    );
    expect(kf.statusCode).toBe(201);
    const decision = kf.json<{ id: string; body: string; section: string; proposalId: string }>();
    expect(decision).toMatchObject({ body: 'KF', section: '12', proposalId: proposal.id });
    expect(kf.headers.location).toBe(`/api/v1/decisions/${decision.id}`);

    const city = (await get('/api/v1/cities/tromso')).json<ApiCity & { chainPosition: number }>();
    expect(city).toMatchObject({ kind: 'twin', status: 'active', chainPosition: 5 });
    expect(
      city.history.map((h) => `${h.fromStatus ?? '-'}>${h.toStatus}:${h.decisionId ?? '-'}`),
    ).toEqual(['->proposed:-', `proposed>active:${decision.id}`]);
    const list = (await get('/api/v1/cities')).json<{ chain: { hostCycleYears: number } }>();
    expect(list.chain.hostCycleYears).toBe(10);
    const detail = (await get(`/api/v1/decisions/${decision.id}`)).json<unknown>();
    expect(detail).toMatchObject({
      proposal: { id: proposal.id, kind: 'establish_twin', city: 'tromso' },
      cities: ['tromso'],
    });

    // Every step is in the audit trail, with the token's user.
    const audit = await t.db.kysely
      .selectFrom('audit_event')
      .select(['entity', 'action', 'actor_label'])
      .where('entity', 'in', ['proposal', 'council_decision', 'city'])
      .orderBy('occurred_at')
      .execute();
    expect(audit.map((a) => `${a.entity}.${a.action}:${a.actor_label}`).sort()).toEqual(
      // Events of one transaction can share a millisecond: compare as a set.
      [
        `city.create:${AS_COORDINATOR}`,
        `proposal.draft:${AS_COORDINATOR}`,
        `proposal.send:${AS_COORDINATOR}`,
        `council_decision.record:${AS_COUNCIL}`,
        `proposal.approve:${AS_COUNCIL}`,
        `city.status.change:${AS_COUNCIL}`,
      ].sort(),
    );

    // Decided: a second decision on the proposal is refused.
    const again = await post(
      '/api/v1/decisions',
      newDecision({ proposalId: proposal.id }),
      AS_COUNCIL,
    );
    expect(again.statusCode).toBe(400);
    expect(again.json<ApiError>().error.details!.problems![0]).toMatchObject({
      path: 'proposalId',
    });
  });
});
