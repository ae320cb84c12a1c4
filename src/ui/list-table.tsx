import type { ComponentProps } from 'preact';
import { DataTable } from './table.tsx';

type DataTableProps<R> = ComponentProps<typeof DataTable<R>>;

/** A row with an `id` is keyed by it unless told otherwise; any other row needs its key. */
type RowKey<R> = R extends { id: string }
  ? { rowKey?: DataTableProps<R>['rowKey'] }
  : { rowKey: DataTableProps<R>['rowKey'] };

/**
 * A workspace list as a table: a `DataTable` with the defaults most lists take. Each row is
 * keyed by its `id`, and the caption is for screen readers only, since the page's or the
 * section's heading above the table already names the list (`captionVisible` shows it).
 */
export function ListTable<R>(
  props: Omit<DataTableProps<R>, 'rowKey' | 'captionHidden'> &
    RowKey<R> & { captionVisible?: boolean },
) {
  const { rowKey = byId, captionVisible, ...table } = props;
  return <DataTable<R> {...table} rowKey={rowKey} captionHidden={!captionVisible} />;
}

function byId(row: unknown): string {
  return (row as { id: string }).id;
}
