import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/helpers/databases.ts';
import { useDemoDb } from '../../../test/helpers/test-app.ts';
import { demoUser, workspaceContext as ctx } from '../../../test/helpers/workspace-home.ts';
import { cityRow } from '../../../test/helpers/city-fixtures.ts';
import { newId } from '../../shared/ids.ts';
import { cityHomePolicy } from '../cities/city.home.ts';
import { decisionHomePolicy, decisionHomeTasks } from './decision.home.ts';

// The decisions module's tasks and P6, and the cities module's P1 (both read the register).
describeEachDialect('decisions and cities on the workspace start page', (dialect) => {
  const demo = useDemoDb(dialect);
  const k = () => demo.db.kysely;
  const user = (email: string) => demoUser(demo.db, email);
  const now = new Date().toISOString();

  it('P1 and P6 are in order with the demo register', async () => {
    expect(await cityHomePolicy(demo.db, ctx())).toEqual([
      {
        rule: 'P1',
        state: 'ok',
        text: 'Göteborgs vänorter är Aarhus, Bergen och Åbo; vänortssamarbetet pågår sedan 1946.',
        href: '/cities',
      },
    ]);
    expect(await decisionHomePolicy(demo.db, ctx())).toEqual([
      {
        rule: 'P6',
        state: 'ok',
        text: 'Alla 3 aktiva vänorter har ett registrerat beslut av kommunfullmäktige.',
        href: '/decisions',
      },
    ]);
  });

  it('a proposal waits for the coordinator while a draft, then for the council once sent', async () => {
    const coordinator = await user('samordnare@vanort.example');
    const council = await user('sekretariatet@vanort.example');
    const existing = await k()
      .selectFrom('proposal')
      .select('id')
      .where('status', 'in', ['draft', 'sent'])
      .execute();
    expect(existing).toEqual([]);
    expect(await decisionHomeTasks(demo.db, coordinator, ctx())).toEqual([]);
    expect(await decisionHomeTasks(demo.db, council, ctx())).toEqual([]);

    const city = await k()
      .selectFrom('city')
      .select('id')
      .where('kind', '=', 'partner')
      .executeTakeFirstOrThrow();
    const id = newId();
    await k()
      .insertInto('proposal')
      .values({
        id,
        kind: 'establish_twin',
        city_id: city.id,
        title: 'Ny vänort i Norden',
        justification: 'Ett långvarigt samarbete.',
        status: 'draft',
        decision_id: null,
        created_by: null,
        created_at: now,
        sent_at: null,
        decided_at: null,
      })
      .execute();
    expect(await decisionHomeTasks(demo.db, coordinator, ctx())).toEqual([
      {
        kind: 'proposal.send',
        title: 'Skicka förslaget Ny vänort i Norden',
        href: '/workspace/proposals',
        dueOn: null,
      },
    ]);
    expect(await decisionHomeTasks(demo.db, council, ctx())).toEqual([]);

    await k()
      .updateTable('proposal')
      .set({ status: 'sent', sent_at: now })
      .where('id', '=', id)
      .execute();
    expect(await decisionHomeTasks(demo.db, coordinator, ctx())).toEqual([]);
    expect(await decisionHomeTasks(demo.db, council, ctx())).toEqual([
      {
        kind: 'proposal.decide',
        title: 'Registrera beslutet om Ny vänort i Norden',
        href: `/workspace/decisions/new?proposal=${id}`,
        dueOn: null,
      },
    ]);
    const p6 = await decisionHomePolicy(demo.db, ctx());
    expect(p6[0]!.text).toBe(
      'Alla 3 aktiva vänorter har ett registrerat beslut av kommunfullmäktige; 1 förslag väntar på beslut.',
    );
  });

  it('P6 asks for attention when a twin city is active without a decision; P1 when a chain member is not active', async () => {
    const id = newId();
    await k()
      .insertInto('city')
      .values(
        cityRow({
          id,
          slug: 'test-riga',
          country_code: 'EE',
          since_year: null,
          created_at: now,
          updated_at: now,
        }),
      )
      .execute();
    await k()
      .insertInto('city_translation')
      .values({ city_id: id, lang: 'sv', name: 'Riga', description: null })
      .execute();
    expect(await decisionHomePolicy(demo.db, ctx())).toEqual([
      {
        rule: 'P6',
        state: 'attention',
        text: 'Riga är aktiv utan ett registrerat beslut av kommunfullmäktige.',
        href: '/decisions',
      },
    ]);

    await k().updateTable('city').set({ status: 'dormant' }).where('slug', '=', 'bergen').execute();
    expect(await cityHomePolicy(demo.db, ctx())).toEqual([
      {
        rule: 'P1',
        state: 'attention',
        text: 'Bergen är med i vänortskedjan men är inte aktiv.',
        href: '/workspace/cities',
      },
    ]);
  });
});
