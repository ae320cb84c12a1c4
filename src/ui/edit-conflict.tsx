import type { PageContext } from '../platform/page-context.ts';
import { VERSION_FIELD } from '../platform/forms.ts';
import { formatInstant } from '../shared/dates.ts';
import { ListTable } from './list-table.tsx';

/**
 * Optimistic locking in a form (decision 022): the edit form carries the version of the
 * record it was opened at, and the service refuses a save when the record has changed since
 * (EDIT_CONFLICT). The page then shows the person's input again with the saved version's
 * differing fields beside it, and carries the saved version, so saving again is a knowing
 * choice to replace it.
 */

/** The hidden field with the version the form was opened at (or, after a conflict, the saved one). */
export function VersionField({ version }: { version: string | undefined }) {
  return version ? <input type="hidden" name={VERSION_FIELD} value={version} /> : null;
}

export interface ConflictRow {
  field: string;
  label: string;
  theirs: string;
  yours: string;
}

type FormValue = string | readonly string[] | undefined;

/** The saved version a refused save is shown against: when it was saved, and its form values. */
export interface SavedVersion {
  savedAt: string;
  /** The saved record as the form's values (a string per field, a list for checkbox groups). */
  values: object;
}

/** How a page names a field's values: the labels of its options (a select, radios, checkboxes). */
export type ConflictOptions = Readonly<
  Record<string, readonly { value: string; label: string }[] | undefined>
>;

/** The fields whose saved value differs from the person's, each value named by its option's label. */
export function conflictRows(
  savedValues: object,
  yourValues: object,
  label: (field: string) => string,
  options: ConflictOptions = {},
): ConflictRow[] {
  const saved = savedValues as Readonly<Record<string, FormValue>>;
  const yours = yourValues as Readonly<Record<string, FormValue>>;
  const shown = (field: string, value: FormValue): string =>
    [value ?? '']
      .flat()
      .map((v) => options[field]?.find((o) => o.value === v)?.label ?? v)
      .sort()
      .join(', ')
      .trim();
  return Object.keys(saved)
    .filter((field) => shown(field, saved[field]) !== shown(field, yours[field]))
    .map((field) => ({
      field,
      label: label(field),
      theirs: shown(field, saved[field]),
      yours: shown(field, yours[field]),
    }));
}

/** The saved version's differing fields, beside the person's; shown above the form after a conflict. */
export function EditConflict(props: {
  ctx: PageContext;
  saved: SavedVersion;
  yours: object;
  label: (field: string) => string;
  options?: ConflictOptions;
}) {
  const { t, locale } = props.ctx.i18n;
  const rows = conflictRows(props.saved.values, props.yours, props.label, props.options);
  const empty = <em>{t('form.conflict.empty')}</em>;
  return (
    <section class="edit-conflict" aria-labelledby="edit-conflict-heading">
      <h2 id="edit-conflict-heading">{t('form.conflict.heading')}</h2>
      <p>{t('form.conflict.lead', { when: formatInstant(props.saved.savedAt, locale) })}</p>
      <ListTable
        caption={t('form.conflict.heading')}
        rows={rows}
        rowKey={(r) => r.field}
        columns={[
          { header: t('form.conflict.field'), cell: (r) => r.label, rowHeader: true },
          { header: t('form.conflict.theirs'), cell: (r) => r.theirs || empty },
          { header: t('form.conflict.yours'), cell: (r) => r.yours || empty },
        ]}
      />
    </section>
  );
}
