import { MAX_QUERY_LENGTH } from '../platform/search.ts';

interface Props {
  id: string;
  class: string;
  /** What the reader searched for, shown again on the results page. */
  value?: string | undefined;
  describedBy?: string | undefined;
}

/**
 * The input of a search form (`GET /search?q=`): the page header's box and the search page's
 * field. It takes as many characters as the search reads (`MAX_QUERY_LENGTH`), without the
 * browser's own suggestions (`autocomplete="off"`).
 */
export function SearchBox(props: Props) {
  return (
    <input
      class={props.class}
      type="search"
      id={props.id}
      name="q"
      value={props.value}
      maxLength={MAX_QUERY_LENGTH}
      aria-describedby={props.describedBy}
      autocomplete="off"
    />
  );
}
