import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import type { I18n, PlainKey } from '../platform/i18n/i18n.ts';
import type { PageContext } from '../platform/page-context.ts';
import { Form } from './fields.tsx';

/**
 * The one way a list is shown as a table: a caption (visible, or for screen readers only),
 * column headers with `scope="col"`, an optional row header cell with `scope="row"`, and the
 * wrapper that scrolls sideways on a narrow phone instead of the page (`ScrollRegion`).
 * With no rows, the `empty` text is shown instead of an empty table. Rows are keyed by their
 * `id` unless `rowKey` says otherwise (rows without an `id` must say).
 */
export interface Column<R> {
  header: ComponentChildren;
  cell: (row: R) => ComponentChildren;
  /** The cell that names the row (a `th scope="row"`). */
  rowHeader?: boolean;
  /** A header only screen readers hear (e.g. over a column of action links). */
  hiddenHeader?: boolean;
  class?: string;
}

/** A row's key: optional when every row has a string `id` (the default), required otherwise. */
type RowKey<R> = [R] extends [{ id: string }]
  ? { rowKey?: (row: R) => string }
  : { rowKey: (row: R) => string };

const byId = (row: unknown) => (row as { id: string }).id;

export function DataTable<R>(
  props: {
    caption: ComponentChildren;
    /** The caption is for screen readers only (a heading above already says it). */
    captionHidden?: boolean;
    rows: readonly R[];
    columns: readonly (Column<R> | false | null | undefined)[];
    rowClass?: (row: R) => string | undefined;
    /** Shown instead of the table when there are no rows. */
    empty?: ComponentChildren;
    id?: string;
  } & RowKey<R>,
) {
  const generated = useId();
  const rowKey: (row: R) => string = props.rowKey ?? byId;
  const captionId = props.id ? `${props.id}-caption` : `table-${generated}`;
  const columns = props.columns.filter((c): c is Column<R> => Boolean(c));
  if (props.rows.length === 0 && props.empty !== undefined) {
    return <p id={props.id}>{props.empty}</p>;
  }
  return (
    <ScrollRegion id={props.id} labelledBy={captionId}>
      <table>
        <caption id={captionId} class={props.captionHidden ? 'visually-hidden' : undefined}>
          {props.caption}
        </caption>
        <thead>
          <tr>
            {columns.map((c, i) => (
              <th scope="col" key={i} class={c.class}>
                {c.hiddenHeader ? <span class="visually-hidden">{c.header}</span> : c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={rowKey(row)} class={props.rowClass?.(row)}>
              {columns.map((c, i) =>
                c.rowHeader ? (
                  <th scope="row" key={i} class={c.class}>
                    {c.cell(row)}
                  </th>
                ) : (
                  <td key={i} class={c.class}>
                    {c.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

/**
 * The box a wide table scrolls in on a narrow phone, so the page itself never scrolls
 * sideways (WCAG 1.4.10; decision 032). It is a region named by the table's caption
 * (`labelledBy`, the caption's id) and reachable by keyboard, so it can be scrolled without
 * a mouse (WCAG 2.1.1; axe `scrollable-region-focusable`). A shadow at the edge that has
 * more columns beyond it shows that it scrolls, in CSS alone (`.table-wrap` in styles.css):
 * no JavaScript, and no cue when everything fits. It is also the containing block of the
 * visually hidden texts inside it, which otherwise widen the page.
 */
export function ScrollRegion(props: {
  labelledBy: string;
  id?: string;
  class?: string;
  children: ComponentChildren;
}) {
  return (
    <div
      class={props.class ? `table-wrap ${props.class}` : 'table-wrap'}
      id={props.id}
      role="region"
      aria-labelledby={props.labelledBy}
      tabIndex={0}
    >
      {props.children}
    </div>
  );
}

/** A link to act on one row: its text says what, and screen readers also hear on what. */
export function RowLink(props: { href: string; label: string; name: string }) {
  return (
    <a href={props.href}>
      {props.label}
      <span class="visually-hidden">: {props.name}</span>
    </a>
  );
}

/** A button that posts a small form to act on one row (send, remove, revoke …). */
export function RowAction(props: {
  ctx: PageContext;
  action: string;
  label: string;
  name: string;
}) {
  return (
    <Form ctx={props.ctx} action={props.action} class="row-action">
      <button type="submit" class="link-button">
        {props.label}
        <span class="visually-hidden">: {props.name}</span>
      </button>
    </Form>
  );
}

/** The column that names each row (its row header) by a link to the row's own page. */
export function linkColumn<R>(
  header: ComponentChildren,
  href: (row: R) => string,
  text: (row: R) => ComponentChildren,
): Column<R> {
  return { header, ...rowHeaderLink(href, text) };
}

/**
 * The column of `messageColumns` that names each row (its row header) by a link to the row's
 * own page, `<base>/<id>`.
 */
export function linkCell<R extends { id: string }>(
  base: string,
  text: (row: R) => ComponentChildren,
): Omit<Column<R>, 'header'> {
  return rowHeaderLink((row) => `${base}/${row.id}`, text);
}

function rowHeaderLink<R>(
  href: (row: R) => string,
  text: (row: R) => ComponentChildren,
): Omit<Column<R>, 'header'> {
  return { rowHeader: true, cell: (row) => <a href={href(row)}>{text(row)}</a> };
}

/** A column of `messageColumns`: its cell, or the column without its header, or none. */
type HeadedBy<R> = Column<R>['cell'] | Omit<Column<R>, 'header'> | false | null | undefined;

/**
 * The columns whose headers are the messages named after them, `<prefix>.<name>`, in the
 * order given (the type system checks that the catalogue has them). A column is its cell, or
 * the column without its header (a row header, a class: `linkCell`); `false` leaves it out:
 * `const columns: Column<User>[] = messageColumns(i18n, 'admin.users', {
 *   email: linkCell<User>('/admin/users', (u) => u.email), name: (u) => u.name })`.
 */
export function messageColumns<R, P extends string, N extends string>(
  i18n: I18n,
  prefix: P,
  columns: { [K in N]: `${P}.${K}` extends PlainKey ? HeadedBy<R> : never },
): Column<R>[] {
  return Object.entries(columns as Record<string, HeadedBy<R>>).flatMap(([name, column]) =>
    column
      ? [
          {
            header: i18n.t(`${prefix}.${name}` as PlainKey),
            ...(typeof column === 'function' ? { cell: column } : column),
          },
        ]
      : [],
  );
}

/**
 * A column of links that act on each row (`RowLink`: "Redigera", and for screen readers
 * the row's name), under a header only screen readers hear, which says the same as the links.
 */
export function rowLinkColumn<R>(
  label: string,
  href: (row: R) => string,
  name: (row: R) => string,
): Column<R> {
  return {
    header: label,
    hiddenHeader: true,
    cell: (row) => <RowLink href={href(row)} label={label} name={name(row)} />,
  };
}
