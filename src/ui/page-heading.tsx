import type { ComponentChildren } from 'preact';

/** A link back above a page's heading: a breadcrumb, or (`plain`) a plain paragraph. */
export interface BackLink {
  href: string;
  label: string;
  plain?: boolean;
}

/**
 * The top of a page's content: a link back above the heading (if any; a breadcrumb, or a
 * plain paragraph), the heading, and a lead paragraph under it (if any).
 */
export function PageHeading(props: {
  back?: BackLink | undefined;
  heading: string;
  lead?: ComponentChildren;
}) {
  const { back, lead } = props;
  return (
    <>
      {back ? (
        <p class={back.plain ? undefined : 'breadcrumb'}>
          <a href={back.href}>{back.label}</a>
        </p>
      ) : null}
      <h1>{props.heading}</h1>
      {lead == null ? null : <p class="lead">{lead}</p>}
    </>
  );
}
