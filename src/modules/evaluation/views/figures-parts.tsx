import type { ComponentChildren } from 'preact';
import type { PageContext } from '../../../platform/page-context.ts';
import { ChartGrid, type ChartBar, type ChartSpec } from '../../../ui/chart.tsx';
import { langAttr } from '../../../ui/content.tsx';
import { ScrollRegion } from '../../../ui/table.tsx';
import type { Count } from '../evaluation.figures.ts';

// The pieces the figures view is built of: comparison tables, breakdown rows, charts, the
// scroll box of a wide table.

/** The message-key prefix of the stored values a breakdown shows (translated by key). */
export type Translated = 'collab.kind' | 'collab.status' | 'collab.direction' | 'decisions.body';

/** "+3", "−2", "±0" (a real minus sign); an empty cell without a previous period. */
export function change(ctx: PageContext, now: number, before: number | null): string {
  if (before === null) return '–';
  const d = now - before;
  const n = ctx.i18n.formatNumber(Math.abs(d));
  return d > 0 ? `+${n}` : d < 0 ? `\u2212${n}` : `±0`;
}

/** A column of a figures table: its header, and whether it holds numbers (right-aligned). */
export interface Column {
  label: string;
  num?: boolean;
}

/**
 * A figures table: its caption (which names the scroll box around it when it is wider than
 * the screen), a header row of columns, and the rows given.
 */
export function FiguresTable(props: {
  id: string;
  caption: string;
  columns: readonly Column[];
  children: ComponentChildren;
}) {
  return (
    <ScrollBox labelledBy={`${props.id}-caption`}>
      <table class="figures-table" id={props.id}>
        <caption id={`${props.id}-caption`}>{props.caption}</caption>
        <thead>
          <tr>
            {props.columns.map((c, i) => (
              <th key={i} scope="col" class={c.num ? 'num' : undefined}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </ScrollBox>
  );
}

/** The columns of a comparison: what, this period, the previous, the change. */
function compareColumns(ctx: PageContext, first: string, prev: boolean): Column[] {
  const { t } = ctx.i18n;
  return [
    { label: first },
    { label: t('evaluation.figures.col.current'), num: true },
    ...(prev
      ? [
          { label: t('evaluation.figures.col.previous'), num: true },
          { label: t('evaluation.figures.col.change'), num: true },
        ]
      : []),
  ];
}

export interface Row {
  key: string;
  label: ComponentChildren;
  now: number;
  before: number | null;
  /** A part of the row above ("of which new"): indented. */
  sub?: boolean;
}

export function CompareTable(props: {
  ctx: PageContext;
  caption: string;
  first: string;
  rows: readonly Row[];
  prev: boolean;
  id: string;
}) {
  const { ctx } = props;
  const f = (v: number) => ctx.i18n.formatNumber(v);
  return (
    <FiguresTable
      id={props.id}
      caption={props.caption}
      columns={compareColumns(ctx, props.first, props.prev)}
    >
      {props.rows.map((r) => (
        <tr key={r.key} data-row={r.key}>
          <th scope="row" class={r.sub ? 'figures-sub' : undefined}>
            {r.label}
          </th>
          <td class="num">{f(r.now)}</td>
          {props.prev ? (
            <>
              <td class="num">{r.before === null ? '–' : f(r.before)}</td>
              <td class="num">{change(ctx, r.now, r.before)}</td>
            </>
          ) : null}
        </tr>
      ))}
    </FiguresTable>
  );
}

/** A label of a breakdown: a stored value translated by its key, or a name as stored (Swedish). */
export function label(ctx: PageContext, c: Count, prefix?: Translated): ComponentChildren {
  if (prefix) {
    const key = `${prefix}.${c.key}`;
    const text = ctx.i18n.tDynamic(key);
    if (text !== key) return text;
  }
  return <span lang={langAttr(ctx.i18n.locale, 'sv')}>{c.label}</span>;
}

/**
 * The rows of a breakdown in both periods: every key of either, this period's order first,
 * keys only the previous period had after them; the smallest beyond `top` share one row.
 */
export function breakdownRows(
  ctx: PageContext,
  now: readonly Count[],
  before: readonly Count[] | null,
  prefix?: Translated,
  top = Infinity,
): Row[] {
  const old = new Map((before ?? []).map((c) => [c.key, c]));
  const all = [...now, ...(before ?? []).filter((c) => !now.some((n) => n.key === c.key))];
  const rows = all.map((c) => ({
    key: c.key,
    label: label(ctx, c, prefix),
    now: now.find((n) => n.key === c.key)?.value ?? 0,
    before: before ? (old.get(c.key)?.value ?? 0) : null,
  }));
  if (rows.length <= top) return rows;
  const rest = rows.slice(top);
  return [
    ...rows.slice(0, top),
    {
      key: 'others',
      label: ctx.i18n.t('evaluation.figures.others', { count: rest.length }),
      now: rest.reduce((s, r) => s + r.now, 0),
      before: before ? rest.reduce((s, r) => s + (r.before ?? 0), 0) : null,
    },
  ];
}

export function bars(ctx: PageContext, counts: readonly Count[], prefix?: Translated): ChartBar[] {
  return counts.map((c) => {
    const key = prefix ? `${prefix}.${c.key}` : '';
    const text = prefix ? ctx.i18n.tDynamic(key) : key;
    return prefix && text !== key
      ? { key: c.key, label: text, value: c.value }
      : { key: c.key, label: c.label, value: c.value, lang: 'sv' as const };
  });
}

/** Charts side by side, each described by its largest bar and with its data table. */
export function Charts({ ctx, charts }: { ctx: PageContext; charts: readonly ChartSpec[] }) {
  const { t, locale, intl } = ctx.i18n;
  return (
    <ChartGrid
      charts={charts}
      describe={(top, n) =>
        t('evaluation.figures.chart.desc', {
          bars: n,
          label: top?.label ?? '',
          count: top?.value ?? 0,
        })
      }
      tableLabel={t('evaluation.figures.chart.table')}
      empty={t('evaluation.figures.chart.empty')}
      locale={locale}
      intl={intl}
    />
  );
}

/** A breakdown: its key, this period's counts, the previous period's, their labels' prefix, the first column's header, how many rows it names (the rest share one). */
export type Breakdown<K extends string> = readonly [
  key: K,
  now: readonly Count[],
  before: readonly Count[] | undefined,
  prefix: Translated | undefined,
  first: string,
  top?: number,
];

/** What the comparison tables of breakdowns show: their ids are `<id>-<key>`. */
interface BreakdownsProps<K extends string> {
  ctx: PageContext;
  id: string;
  caption: (key: K) => string;
  items: readonly Breakdown<K>[];
  prev: boolean;
}

/** Comparison tables of breakdowns, their ids `<id>-<key>`. */
export function Breakdowns<K extends string>(props: BreakdownsProps<K>) {
  const { ctx } = props;
  return (
    <>
      {props.items.map(([key, now, before, prefix, first, top]) => (
        <CompareTable
          key={key}
          ctx={ctx}
          id={`${props.id}-${key}`}
          caption={props.caption(key)}
          first={first}
          rows={breakdownRows(ctx, now, before ?? null, prefix, top)}
          prev={props.prev}
        />
      ))}
    </>
  );
}

/** "Bergen 3, Aarhus 2": names (Swedish when stored) with their counts. */
export function joinCounts(
  ctx: PageContext,
  items: readonly (readonly [string, number, boolean])[],
): ComponentChildren {
  return items.map(([name, value, stored], i) => (
    <span key={name}>
      {i > 0 ? ', ' : ''}
      <span lang={stored ? langAttr(ctx.i18n.locale, 'sv') : undefined}>{name}</span>{' '}
      {ctx.i18n.formatNumber(value)}
    </span>
  ));
}

/**
 * The box a wide table scrolls in on a narrow phone (the page itself never scrolls
 * sideways): reachable by keyboard and named by the table's caption, so it can be scrolled
 * without a mouse (WCAG 2.1.1).
 */
export function ScrollBox({
  labelledBy,
  children,
}: {
  labelledBy: string;
  children: ComponentChildren;
}) {
  return (
    <ScrollRegion class="figures-scroll" labelledBy={labelledBy}>
      {children}
    </ScrollRegion>
  );
}

/** The sections that can be empty (with a `none` line). */
type Emptiable = 'flags' | 'meetings' | 'campaigns' | 'decisions';

/** A section of the figures: its heading (`evaluation.figures.<name>.heading`) and the rest. */
export function Section(props: {
  ctx: PageContext;
  name:
    'flags' | 'summary' | 'meetings' | 'collaborations' | 'exchanges' | 'campaigns' | 'decisions';
  class?: string;
  /** Whether the section is empty: then it says so (`evaluation.figures.<name>.none`) instead. */
  none?: boolean;
  children: ComponentChildren;
}) {
  const id = `figures-${props.name}-heading`;
  return (
    <section class={props.class} aria-labelledby={id}>
      <h3 id={id}>{props.ctx.i18n.t(`evaluation.figures.${props.name}.heading`)}</h3>
      {props.none ? (
        <p>{props.ctx.i18n.t(`evaluation.figures.${props.name as Emptiable}.none`)}</p>
      ) : (
        props.children
      )}
    </section>
  );
}

/** A chart of counts by city or area (names as stored, in Swedish). */
export function countChart(
  ctx: PageContext,
  id: string,
  title: 'collabByCity' | 'collabByArea' | 'exchangesByCity',
  by: 'city' | 'area',
  value: string,
  counts: readonly Count[],
): ChartSpec {
  const { t } = ctx.i18n;
  return {
    id: `figures-chart-${id}`,
    title: t(`evaluation.figures.chart.${title}`),
    categoryHeader: t(`evaluation.figures.col.${by}`),
    valueHeader: value,
    bars: bars(ctx, counts),
  };
}

/**
 * A section of counts: its first paragraph, its charts (when it counts anything) and its
 * breakdowns, each a table beside the previous period's (`<id>-<key>`).
 */
export function CountsSection<K extends string>(
  props: BreakdownsProps<K> & {
    name: 'collaborations' | 'exchanges';
    lead: ComponentChildren;
    total: number;
    charts: readonly ChartSpec[];
  },
) {
  const { name, lead, total, charts, ...breakdowns } = props;
  return (
    <Section ctx={props.ctx} name={name}>
      <p>{lead}</p>
      {total > 0 ? <Charts ctx={props.ctx} charts={charts} /> : null}
      <Breakdowns {...breakdowns} />
    </Section>
  );
}

/** The header of a breakdown's first column. */
export function colHeader(
  ctx: PageContext,
  key: 'city' | 'area' | 'organisation' | 'kind' | 'status' | 'direction',
): string {
  return ctx.i18n.t(`evaluation.figures.col.${key}`);
}
