import type { ComponentChildren } from 'preact';
import type { Locale } from '../platform/i18n/locales.ts';
import { Content } from './content.tsx';

/** A link back above a page's heading: a breadcrumb, or (`plain`) a plain paragraph. */
export interface BackLink {
  href: string;
  label: string;
  plain?: boolean;
}

/**
 * The top of a page's content: a link back above the heading (if any; a breadcrumb, or a
 * plain paragraph), the heading, and a lead paragraph under it (if any). A heading that is
 * content (a decision's or a report's title, written in `content.lang`) is marked with its
 * language on a page in another (`Content`).
 */
export function PageHeading(props: {
  back?: BackLink | undefined;
  heading: string;
  lead?: ComponentChildren;
  content?: { locale: Locale; lang: Locale } | undefined;
}) {
  const { back, lead, content } = props;
  return (
    <>
      {back ? (
        <p class={back.plain ? undefined : 'breadcrumb'}>
          <a href={back.href}>{back.label}</a>
        </p>
      ) : null}
      {content ? (
        <Content locale={content.locale} lang={content.lang} as="h1">
          {props.heading}
        </Content>
      ) : (
        <h1>{props.heading}</h1>
      )}
      {lead == null ? null : <p class="lead">{lead}</p>}
    </>
  );
}
