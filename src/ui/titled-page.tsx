import type { ComponentChildren, ComponentProps } from 'preact';
import { Layout } from './layout.tsx';
import { PageHeading, type BackLink } from './page-heading.tsx';

export type { BackLink } from './page-heading.tsx';

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
      <PageHeading back={back} heading={layout.title} lead={lead} />
      {children}
    </Layout>
  );
}
