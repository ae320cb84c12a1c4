import type { DemoContext } from '../../platform/demo.ts';
import { newId } from '../../shared/ids.ts';

export const DEMO_ORGANISATIONS = [
  {
    slug: 'stadsledningskontoret',
    name: 'Stadsledningskontoret',
    kind: 'administration',
    email: 'stadsledningskontoret@example.org',
  },
  {
    slug: 'kulturforvaltningen',
    name: 'Kulturförvaltningen',
    kind: 'administration',
    email: 'kultur@example.org',
  },
  {
    slug: 'utbildningsforvaltningen',
    name: 'Utbildningsförvaltningen',
    kind: 'administration',
    email: 'utbildning@example.org',
  },
  {
    slug: 'stadsbyggnadskontoret',
    name: 'Stadsbyggnadskontoret',
    kind: 'administration',
    email: 'stadsbyggnad@example.org',
  },
  {
    slug: 'idrotts-och-foreningsforvaltningen',
    name: 'Idrotts- och föreningsförvaltningen',
    kind: 'administration',
    email: 'idrott@example.org',
  },
  {
    slug: 'goteborg-energi',
    name: 'Göteborg Energi AB',
    kind: 'company',
    email: 'info@example.org',
  },
  { slug: 'liseberg', name: 'Liseberg AB', kind: 'company', email: 'liseberg@example.org' },
  { slug: 'goteborgs-hamn', name: 'Göteborgs Hamn AB', kind: 'company', email: 'hamn@example.org' },
] as const;

/** The demo administrations and companies. */
export async function seedOrganisationsDemo(ctx: DemoContext): Promise<void> {
  const { trx, now } = ctx;
  await trx
    .insertInto('organisation')
    .values(
      DEMO_ORGANISATIONS.map((o) => ({
        id: newId(),
        slug: o.slug,
        name: o.name,
        kind: o.kind,
        email: o.email,
        active: 1,
        created_at: now,
        updated_at: now,
      })),
    )
    .execute();

  for (const o of await trx.selectFrom('organisation').select(['id', 'slug']).execute())
    ctx.orgIds.set(o.slug, o.id);
}
