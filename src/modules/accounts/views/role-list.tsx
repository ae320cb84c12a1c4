import type { I18n } from '../../../platform/i18n/i18n.ts';
import type { RoleGrant } from '../roles.ts';

export interface ScopeNames {
  organisations: Map<string, string>;
  cities: Map<string, string>;
}

export function RoleList({
  i18n,
  roles,
  names,
}: {
  i18n: I18n;
  roles: RoleGrant[];
  names?: ScopeNames;
}) {
  if (roles.length === 0) return <>{i18n.t('account.noRoles')}</>;
  return (
    <ul class="plain-list">
      {roles.map((g) => {
        const scope =
          (g.organisationId && names?.organisations.get(g.organisationId)) ||
          (g.cityId && names?.cities.get(g.cityId)) ||
          null;
        return (
          <li key={g.role}>
            {i18n.t(`role.${g.role}`)}
            {scope ? ` (${scope})` : ''}
          </li>
        );
      })}
    </ul>
  );
}
