import type { ComponentChildren, ComponentProps } from 'preact';
import type { I18n, PlainKey } from '../platform/i18n/i18n.ts';
import type { Locale } from '../platform/i18n/locales.ts';
import { Layout } from './layout.tsx';
import { PageHeading, type BackLink } from './page-heading.tsx';

export type { BackLink } from './page-heading.tsx';

/** `P` when the catalogue has the messages `<P>.title` and `<P>.lead` (without arguments). */
export type PagePrefix<P extends string> = `${P}.title` | `${P}.lead` extends PlainKey ? P : never;

/** The title and lead a page takes from its messages `<prefix>.title` and `<prefix>.lead`. */
export function pageMessages(i18n: I18n, prefix: string): { title: string; lead: string } {
  return {
    title: i18n.t(`${prefix}.title` as PlainKey),
    lead: i18n.t(`${prefix}.lead` as PlainKey),
  };
}

/**
 * What a page is called: its `title` and `lead` (if any), or `messages`, the prefix of the
 * messages `<prefix>.title` and `<prefix>.lead` that say them (the type system checks that
 * the catalogue has both).
 */
type Naming<P extends string> =
  | { title: string; lead?: ComponentChildren; messages?: never }
  | { messages: P & PagePrefix<P>; title?: never; lead?: never };

/** The props of a `TitledPage`: the layout's, what the page is called, and a link back (if any). */
export type TitledPageProps<P extends string> = Omit<
  ComponentProps<typeof Layout>,
  'children' | 'title'
> &
  Naming<P> & {
    back?: BackLink;
    /** The title is content written in this language (a decision's): the heading says so. */
    titleIn?: Locale;
    children?: ComponentChildren;
  };

/**
 * A page whose heading is its title: the layout, a link back above the heading (if any), the
 * heading, and a lead paragraph under it (if any); the page's own content follows.
 */
export function TitledPage<P extends string>(props: TitledPageProps<P>) {
  const { back, children, messages, title, lead, titleIn, ...layout } = props;
  const named = messages ? pageMessages(layout.ctx.i18n, messages) : { title: title!, lead };
  return (
    <Layout {...layout} title={named.title}>
      <PageHeading
        back={back}
        heading={named.title}
        lead={named.lead}
        content={titleIn && { locale: layout.ctx.i18n.locale, lang: titleIn }}
      />
      {children}
    </Layout>
  );
}
