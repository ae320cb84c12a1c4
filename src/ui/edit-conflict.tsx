import type { PageContext } from '../platform/page-context.ts';
import { VERSION_FIELD } from '../platform/forms.ts';
import { formatInstant } from '../shared/dates.ts';
import { DataTable } from './table.tsx';

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

const shown = (value: FormValue): string =>
  Array.isArray(value)
    ? [...(value as readonly string[])].sort().join(', ')
    : ((value as string | undefined) ?? '');

/** The fields whose saved value differs from the person's, in the order of `fields`. */
export function conflictRows(
  fields: readonly string[],
  theirs: Record<string, FormValue>,
  yours: Record<string, FormValue>,
  label: (field: string) => string,
): ConflictRow[] {
  return fields
    .filter((field) => shown(theirs[field]).trim() !== shown(yours[field]).trim())
    .map((field) => ({
      field,
      label: label(field),
      theirs: shown(theirs[field]),
      yours: shown(yours[field]),
    }));
}

/** The saved version's differing fields, beside the person's; shown above the form after a conflict. */
export function EditConflict(props: {
  ctx: PageContext;
  savedAt: string;
  rows: readonly ConflictRow[];
}) {
  const { t, locale } = props.ctx.i18n;
  const empty = <em>{t('form.conflict.empty')}</em>;
  return (
    <section class="edit-conflict" aria-labelledby="edit-conflict-heading">
      <h2 id="edit-conflict-heading">{t('form.conflict.heading')}</h2>
      <p>{t('form.conflict.lead', { when: formatInstant(props.savedAt, locale) })}</p>
      <DataTable
        caption={t('form.conflict.heading')}
        captionHidden
        rows={props.rows}
        rowKey={(r) => r.field}
        tabIndex={0}
        columns={[
          { header: t('form.conflict.field'), cell: (r) => r.label, rowHeader: true },
          { header: t('form.conflict.theirs'), cell: (r) => r.theirs || empty },
          { header: t('form.conflict.yours'), cell: (r) => r.yours || empty },
        ]}
      />
    </section>
  );
}
