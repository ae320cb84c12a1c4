import type { I18n } from '../../../platform/i18n/i18n.ts';
import { CheckboxGroup, SelectField } from '../../../ui/fields.tsx';
import { ROLES } from '../../accounts/index.ts';

/** The roles form as sent: role names, and one scope of each kind. */
export type RoleValues = {
  roles: string[];
  organisation: string;
  city: string;
};

/** The scopes a role may have, to choose from: organisations and twin cities. */
export interface ScopeChoices {
  organisations: { id: string; name: string }[];
  cities: { id: string; name: string }[];
}

/**
 * Choosing a user's roles (when inviting and on the user's page): the roles, and the
 * organisation and city they apply to. Inside a `<Form>` with `roles`, `organisation`, `city`.
 */
export function RoleFields({ i18n, organisations, cities }: ScopeChoices & { i18n: I18n }) {
  const { t } = i18n;
  const none = { value: '', label: t('admin.users.none') };
  return (
    <>
      <CheckboxGroup
        name="roles"
        legend={t('admin.users.rolesLegend')}
        options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
      />
      <SelectField
        name="organisation"
        label={t('admin.users.organisation')}
        options={[none, ...organisations.map((o) => ({ value: o.id, label: o.name }))]}
      />
      <SelectField
        name="city"
        label={t('admin.users.city')}
        options={[none, ...cities.map((c) => ({ value: c.id, label: c.name }))]}
      />
    </>
  );
}
