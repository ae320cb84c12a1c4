import type { I18n } from '../../../platform/i18n/i18n.ts';
import { ENABLED_LOCALES, LOCALES } from '../../../platform/i18n/locales.ts';
import { SelectField } from '../../../ui/fields.tsx';

/**
 * A person's language for e-mails and the workspace (field `language`): the chain's
 * languages, each named in itself (as the language switch names them). `automatic` adds a
 * first choice '' that leaves it to the service (the invitation: by the roles).
 */
export function LanguageField({
  i18n,
  hint,
  automatic,
}: {
  i18n: I18n;
  hint: string;
  automatic?: string | undefined;
}) {
  return (
    <SelectField
      name="language"
      label={i18n.t('account.language.label')}
      hint={hint}
      options={[
        ...(automatic === undefined ? [] : [{ value: '', label: automatic }]),
        ...ENABLED_LOCALES.map((l) => ({ value: l, label: LOCALES[l].name, lang: l })),
      ]}
    />
  );
}
