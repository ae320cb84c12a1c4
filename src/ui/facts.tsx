import { Fragment, type ComponentChildren } from 'preact';

/** Facts as a description list (`dl class="facts"`): each a term and its value. */
export function Facts(props: { rows: readonly (readonly [string, ComponentChildren])[] }) {
  return (
    <dl class="facts">
      {props.rows.map(([term, value]) => (
        <Fragment key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}
