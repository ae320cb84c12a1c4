import type { ComponentChildren } from 'preact';
import type { PageContext } from '../../../platform/page-context.ts';
import { Layout } from '../../../ui/layout.tsx';
import { isWorkspacePath, placeOf } from '../../../ui/workspace-nav.tsx';
import { localized, type City } from '../../cities/index.ts';

/** A meeting's name in the page's language: its year and its host city. */
export function meetingTitle(ctx: PageContext, meeting: { year: number; host: City }): string {
  return ctx.i18n.t('meeting.title', {
    year: meeting.year,
    city: localized(meeting.host, ctx.i18n.locale).name,
  });
}

/** A page below another: the link back to it, the page's heading, then its content. */
export function SubPage(props: {
  ctx: PageContext;
  title: string;
  /** The document's title, when it says more than the heading (a section of a meeting). */
  pageTitle?: string;
  back: { href: string; label: string };
  section?: 'meetings';
  children: ComponentChildren;
}) {
  // In the workspace the layout's breadcrumbs lead back to the page's place (decision 034):
  // this link only when it leads elsewhere (e.g. back to the meeting).
  const inWorkspace = props.ctx.user !== null && isWorkspacePath(props.ctx.path);
  const backIsPlace = inWorkspace && placeOf(props.ctx.path)?.href === props.back.href;
  return (
    <Layout ctx={props.ctx} title={props.pageTitle ?? props.title} section={props.section}>
      {backIsPlace ? null : (
        <p class="breadcrumb">
          <a href={props.back.href}>{props.back.label}</a>
        </p>
      )}
      <h1>{props.title}</h1>
      {props.children}
    </Layout>
  );
}

/**
 * A term and its value in a list of facts (`dl class="facts"`); nothing without a value.
 * `lang` marks a value in another language than the page's (content written in Swedish).
 */
export function Fact({
  term,
  lang,
  children,
}: {
  term: string;
  lang?: string | undefined;
  children: ComponentChildren;
}) {
  if (children === null || children === undefined || children === '') return null;
  return (
    <>
      <dt>{term}</dt>
      <dd lang={lang}>{children}</dd>
    </>
  );
}
