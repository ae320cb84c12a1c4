import type { ComponentChildren } from 'preact';
import { formatPlainDate } from '../shared/dates.ts';

// The state tags of the workspace tables and pages (styles.css `.tag`): one component, so a
// status or an overdue mark reads and looks the same in every list.

/** A tag's colour: the CSS modifier after `tag-` (none: the neutral grey tag). */
export type TagTone = 'active' | 'proposed' | 'dormant' | 'overdue';

/** A state tag; `strong` where the state is a warning that must stand out in the text too. */
export function Tag({
  tone,
  strong = false,
  children,
}: {
  tone?: TagTone | undefined;
  strong?: boolean;
  children: ComponentChildren;
}) {
  const cls = tone ? `tag tag-${tone}` : 'tag';
  return strong ? <strong class={cls}>{children}</strong> : <span class={cls}>{children}</span>;
}

/** An overdue mark after a cell's text: a space, then the red tag saying it in words. */
export function OverdueTag({ text, strong = false }: { text: string; strong?: boolean }) {
  return (
    <>
      {' '}
      <Tag tone="overdue" strong={strong}>
        {text}
      </Tag>
    </>
  );
}

/** A due date in the reader's language, with the overdue mark (`overdue`: its words) when late. */
export function DueDate({
  date,
  locale,
  overdue,
}: {
  date: string;
  locale: string;
  /** The overdue tag's text when the date has passed, else null. */
  overdue: string | null;
}) {
  return (
    <>
      {formatPlainDate(date, locale)}
      {overdue ? <OverdueTag text={overdue} /> : null}
    </>
  );
}
