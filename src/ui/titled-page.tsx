import type { ComponentChildren, ComponentProps } from 'preact';
import { Layout } from './layout.tsx';

/** A link back above a page's heading: a breadcrumb, or (`plain`) a plain paragraph. */
export interface BackLink {
  href: string;
  label: string;
  plain?: boolean;
}

/**
 * A page whose heading is its title: the layout, a link back above the heading (if any), the
 * heading, and a lead paragraph under it (if any); the page's own content follows.
 */
export function TitledPage(
  props: Omit<ComponentProps<typeof Layout>, 'children'> & {
    back?: BackLink;
    lead?: ComponentChildren;
    children?: ComponentChildren;
  },
) {
  const { back, lead, children, ...layout } = props;
  return (
    <Layout {...layout}>
      {back ? (
        <p class={back.plain ? undefined : 'breadcrumb'}>
          <a href={back.href}>{back.label}</a>
        </p>
      ) : null}
      <h1>{layout.title}</h1>
      {lead == null ? null : <p class="lead">{lead}</p>}
      {children}
    </Layout>
  );
}
