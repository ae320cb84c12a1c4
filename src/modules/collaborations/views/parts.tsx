import type { I18n } from '../../../platform/i18n/i18n.ts';
import { formatDateRange, formatPlainDate } from '../../../shared/dates.ts';
import { SelectField, TextField } from '../../../ui/form.tsx';
import {
  COLLABORATION_KINDS,
  COLLABORATION_STATUSES,
  type CollaborationFilters,
} from '../collaboration.filters.ts';
import { MARK_END, MARK_START } from '../knowledge.repository.ts';

export interface Choice {
  value: string;
  label: string;
}

/** What the filter and form selects offer: slugs with names in the reader's language. */
export interface Choices {
  cities: Choice[];
  areas: Choice[];
  organisations: Choice[];
}

export const areaName = (i18n: I18n, a: { nameSv: string; nameEn: string }) =>
  i18n.locale === 'en' ? a.nameEn : a.nameSv;

export function period(i18n: I18n, startsOn: string, endsOn: string | null): string {
  if (!endsOn) return i18n.t('collab.openEnded', { from: formatPlainDate(startsOn, i18n.intl) });
  return formatDateRange(startsOn, endsOn, i18n.intl);
}

/** A GET form over the list filters (works without JavaScript). */
export function FilterForm({
  i18n,
  action,
  filters,
  choices,
  withText = false,
  withStatus = true,
  withArea = true,
}: {
  i18n: I18n;
  action: string;
  filters: CollaborationFilters;
  choices: Choices;
  withText?: boolean;
  withStatus?: boolean;
  withArea?: boolean;
}) {
  const { t } = i18n;
  const all = { value: '', label: t('collab.filter.all') };
  return (
    <form
      method="get"
      action={action}
      class="panel"
      role="search"
      aria-label={t('collab.filter.label')}
    >
      {withText ? (
        <TextField name="q" label={t('collab.filter.q')} value={filters.q ?? ''} width="full" />
      ) : null}
      <SelectField
        name="city"
        label={t('collab.field.city')}
        options={[all, ...choices.cities]}
        value={filters.city ?? ''}
      />
      {withArea ? (
        <SelectField
          name="area"
          label={t('collab.field.area')}
          options={[all, ...choices.areas]}
          value={filters.area ?? ''}
        />
      ) : null}
      <SelectField
        name="organisation"
        label={t('collab.field.organisation')}
        options={[all, ...choices.organisations]}
        value={filters.organisation ?? ''}
      />
      <TextField
        name="year"
        label={t('collab.filter.year')}
        hint={t('collab.filter.yearHint')}
        value={filters.year ?? ''}
        width="short"
      />
      {withStatus ? (
        <>
          <SelectField
            name="status"
            label={t('collab.field.status')}
            options={[
              all,
              ...COLLABORATION_STATUSES.map((s) => ({ value: s, label: t(`collab.status.${s}`) })),
            ]}
            value={filters.status ?? ''}
          />
          <SelectField
            name="kind"
            label={t('collab.field.kind')}
            options={[
              all,
              ...COLLABORATION_KINDS.map((k) => ({ value: k, label: t(`collab.kind.${k}`) })),
            ]}
            value={filters.kind ?? ''}
          />
        </>
      ) : null}
      <button type="submit" class="button button-secondary">
        {t('collab.filter.apply')}
      </button>
    </form>
  );
}

/** Text with the search engine's private-use marks turned into <mark> (escaped otherwise). */
export function Highlighted({ text }: { text: string }) {
  const parts: (string | { mark: string })[] = [];
  let rest = text;
  for (;;) {
    const start = rest.indexOf(MARK_START);
    if (start < 0) break;
    const end = rest.indexOf(MARK_END, start);
    if (end < 0) break;
    parts.push(rest.slice(0, start), { mark: rest.slice(start + 1, end) });
    rest = rest.slice(end + 1);
  }
  parts.push(rest);
  return (
    <>
      {parts.map((p, i) =>
        typeof p === 'string' ? (
          p.replaceAll(MARK_START, '').replaceAll(MARK_END, '')
        ) : (
          <mark key={i}>{p.mark}</mark>
        ),
      )}
    </>
  );
}

/** The review state as a tag. */
export function ReviewTag({ i18n, state }: { i18n: I18n; state: string }) {
  return <span class="tag">{i18n.t(`collab.review.${state as 'submitted'}`)}</span>;
}
