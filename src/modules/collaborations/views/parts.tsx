import type { I18n, PlainKey } from '../../../platform/i18n/i18n.ts';
import type { Locale } from '../../../platform/i18n/locales.ts';
import { formatDateRange, formatPlainDate } from '../../../shared/dates.ts';
import type { PageContext } from '../../../platform/page-context.ts';
import type { PageInfo } from '../../../shared/pagination.ts';
import type { ComponentChildren } from 'preact';
import { Content, langAttr } from '../../../ui/content.tsx';
import { TitledPage } from '../../../ui/titled-page.tsx';
import type { Column } from '../../../ui/table.tsx';
import {
  Button,
  Form,
  messageOptions,
  NumberField,
  SelectField,
  TextField,
} from '../../../ui/fields.tsx';
import { type City, localized } from '../../cities/index.ts';
import { areaName } from '../area.service.ts';
import {
  COLLABORATION_KINDS,
  COLLABORATION_STATUSES,
  type CollaborationFilters,
} from '../collaboration.filters.ts';
import { MARK_END, MARK_START } from '../knowledge.repository.ts';
import { ButtonLink } from '../../../ui/button-link.tsx';

export interface Choice {
  value: string;
  label: string;
  /** The label's language when it is not the page's. */
  lang?: Locale | undefined;
}

/** What the filter and form selects offer: slugs with names in the reader's language. */
export interface Choices {
  cities: Choice[];
  areas: Choice[];
  organisations: Choice[];
}

/** An area as a choice, its name marked with its language when not the page's. */
export function areaChoice(
  locale: Locale,
  a: { slug: string; nameSv: string; nameEn: string },
): Choice {
  const { name, lang } = areaName(locale, a);
  return { value: a.slug, label: name, lang: langAttr(locale, lang) };
}

/** A city as a choice, its name marked when it falls back to another language. */
export function cityChoice(locale: Locale, city: City): Choice {
  const { name, lang } = localized(city, locale);
  return { value: city.slug, label: name, lang: langAttr(locale, lang) };
}

/** An organisation as a choice: its name is Swedish, marked on other pages. */
export const organisationChoice = (locale: Locale, o: { slug: string; name: string }): Choice => ({
  value: o.slug,
  label: o.name,
  lang: langAttr(locale),
});

export function period(i18n: I18n, startsOn: string, endsOn: string | null): string {
  if (!endsOn) return i18n.t('collab.openEnded', { from: formatPlainDate(startsOn, i18n.intl) });
  return formatDateRange(startsOn, endsOn, i18n.intl);
}

/** What every list page of reports gets besides its rows: the filters, their choices, city names, the page. */
export interface ListProps {
  ctx: PageContext;
  filters: CollaborationFilters;
  choices: Choices;
  cityNames: Map<string, string>;
  info: PageInfo;
}

/** `P` when the catalogue has the messages `<P>.title`, `<P>.lead` and `<P>.new` (no arguments). */
type ListMessages<P extends string> = `${P}.title` | `${P}.lead` | `${P}.new` extends PlainKey
  ? P
  : never;

/**
 * A workspace list's page: its title as the heading, its lead, and "new" for reporters, then
 * the list. (The workspace navigation above it is the layout's, decision 034; the areas are a
 * page under collaborations, linked from its list for coordinators.)
 */
export function ListPage<P extends string>(props: {
  ctx: PageContext;
  /** The prefix of the page's messages `<prefix>.title`, `.lead` and `.new` (the button's). */
  messages: P & ListMessages<P>;
  /** The list's address; the button to report a new one leads to `<base>/new`. */
  base: string;
  /** Whether the reader may report a new one (then the button shows). */
  canReport: boolean;
  /** Pages under this one (the areas, for coordinators). */
  more?: readonly { href: string; label: string }[] | undefined;
  children: ComponentChildren;
}) {
  const text = (name: 'title' | 'lead' | 'new') =>
    props.ctx.i18n.t(`${props.messages}.${name}` as PlainKey);
  return (
    <TitledPage ctx={props.ctx} title={text('title')} lead={text('lead')}>
      {props.more?.length ? (
        <ul class="plain-list">
          {props.more.map((link) => (
            <li key={link.href}>
              <a href={link.href}>{link.label}</a>
            </li>
          ))}
        </ul>
      ) : null}
      {props.canReport ? <ButtonLink href={`${props.base}/new`}>{text('new')}</ButtonLink> : null}
      {props.children}
    </TitledPage>
  );
}

/** A GET form over the list filters (works without JavaScript). */
export function FilterForm({
  ctx,
  action,
  filters,
  choices,
  withText = false,
  withStatus = true,
  withArea = true,
}: {
  ctx: PageContext;
  action: string;
  filters: CollaborationFilters;
  choices: Choices;
  withText?: boolean;
  withStatus?: boolean;
  withArea?: boolean;
}) {
  const { t } = ctx.i18n;
  const all = { value: '', label: t('collab.filter.all') };
  return (
    <div role="search" aria-label={t('collab.filter.label')}>
      <Form ctx={ctx} method="get" action={action} class="panel" values={filters}>
        {withText ? <TextField name="q" label={t('collab.filter.q')} width="full" /> : null}
        <SelectField
          name="city"
          label={t('collab.field.city')}
          options={[all, ...choices.cities]}
        />
        {withArea ? (
          <SelectField
            name="area"
            label={t('collab.field.area')}
            options={[all, ...choices.areas]}
          />
        ) : null}
        <SelectField
          name="organisation"
          label={t('collab.field.organisation')}
          options={[all, ...choices.organisations]}
        />
        <NumberField
          name="year"
          label={t('collab.filter.year')}
          hint={t('collab.filter.yearHint')}
        />
        {withStatus ? (
          <>
            <SelectField
              name="status"
              label={t('collab.field.status')}
              options={[all, ...messageOptions(ctx.i18n, 'collab.status', COLLABORATION_STATUSES)]}
            />
            <SelectField
              name="kind"
              label={t('collab.field.kind')}
              options={[all, ...messageOptions(ctx.i18n, 'collab.kind', COLLABORATION_KINDS)]}
            />
          </>
        ) : null}
        <Button variant="secondary">{t('collab.filter.apply')}</Button>
      </Form>
    </div>
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

/**
 * The review column of a list of reports: the state, a returned report's comment, and what
 * `more` adds (a collaboration's internal tag).
 */
export function reviewColumn<R extends { review: { state: string; comment: string | null } }>(
  ctx: PageContext,
  more?: (row: R) => ComponentChildren,
): Column<R> {
  return {
    header: ctx.i18n.t('collab.field.review'),
    cell: (r) => (
      <>
        <ReviewTag i18n={ctx.i18n} state={r.review.state} />
        {r.review.state === 'returned' && r.review.comment ? (
          <Content locale={ctx.i18n.locale} as="p" class="hint">
            {r.review.comment}
          </Content>
        ) : null}
        {more?.(r)}
      </>
    ),
  };
}
