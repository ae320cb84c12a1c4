import type { Db } from '../../db/database.ts';
import type { PageContext } from '../../platform/page-context.ts';
import type { PolicyRuleStatus } from '../../platform/workspace-home.ts';
import { getChain, listCities, localized } from './city.service.ts';

/**
 * Policy line P1 (decision 028): the twin cities and since when. Attention: no active twin
 * city, or a member of the twin-city chain that is not active (the rotation counts a city
 * the cooperation no longer has). Both reads are cached (the registry generation).
 */
export async function cityHomePolicy(db: Db, ctx: PageContext): Promise<PolicyRuleStatus[]> {
  const { t } = ctx.i18n;
  const cities = await listCities(db);
  const chain = await getChain(db, cities);
  const name = (c: (typeof cities)[number]) => localized(c, ctx.i18n.locale).name;
  const twins = cities.filter((c) => c.kind === 'twin' && c.status === 'active');
  const inactive = (chain?.members ?? []).map((m) => m.city).filter((c) => c.status !== 'active');
  if (twins.length === 0)
    return [{ rule: 'P1', state: 'attention', text: t('home.cities.p1.none'), href: '/cities' }];
  if (inactive.length > 0)
    return [
      {
        rule: 'P1',
        state: 'attention',
        text: t('home.cities.p1.inactive', {
          count: inactive.length,
          cities: ctx.i18n.formatList(inactive.map(name)),
        }),
        href: '/workspace/cities',
      },
    ];
  return [
    {
      rule: 'P1',
      state: 'ok',
      text: t('home.cities.p1.ok', {
        cities: ctx.i18n.formatList(twins.map(name)),
        since: chain?.sinceYear ?? 1946,
      }),
      href: '/cities',
    },
  ];
}
