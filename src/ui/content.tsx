import { type ComponentChildren, h } from 'preact';
import type { Locale } from '../platform/i18n/locales.ts';

/**
 * Content the city's staff write (titles, descriptions, themes, outcomes…) has one language,
 * Swedish, whatever the page's. On a page in another language it is marked with its own
 * `lang`, so a screen reader reads it with the right pronunciation (WCAG 3.1.2 Language of
 * Parts); on a page in its own language nothing is added.
 */

/** The `lang` attribute for content in `lang` on a page in `locale`: none when they agree. */
export const langAttr = (locale: Locale, lang: Locale = 'sv'): Locale | undefined =>
  locale === lang ? undefined : lang;

/** The elements `Content` may render as. */
export type ContentTag = 'span' | 'div' | 'p' | 'h1' | 'h2' | 'h3' | 'strong' | 'dd';

/**
 * Content in `lang` (Swedish unless told) on a page in `locale`. Without `as`: the children
 * as they are when the languages agree, else inside a `<span lang>`. With `as`: always that
 * element (a heading, a paragraph), with `lang` when the languages differ.
 */
export function Content(props: {
  locale: Locale;
  lang?: Locale | undefined;
  as?: ContentTag | undefined;
  class?: string | undefined;
  id?: string | undefined;
  children: ComponentChildren;
}) {
  const lang = langAttr(props.locale, props.lang);
  if (props.as) return h(props.as, { class: props.class, id: props.id, lang }, props.children);
  const empty = props.children === '' || props.children === null || props.children === undefined;
  return lang && !empty ? <span lang={lang}>{props.children}</span> : <>{props.children}</>;
}

const SLOT = /\uE010(\d+)\uE011/;

/**
 * A translated message with content in its arguments, e.g. a document's title in
 * "Hent {title} (…)": `format` is given stand-ins for the `parts`, whose nodes (a `Content`)
 * then take their places in the text. With plain text parts the result reads as `format`'s.
 */
export function withParts<P extends string>(
  format: (slots: Record<P, string>) => string,
  parts: Record<P, ComponentChildren>,
): ComponentChildren {
  const names = Object.keys(parts) as P[];
  const slots = Object.fromEntries(names.map((n, i) => [n, `\uE010${i}\uE011`])) as Record<
    P,
    string
  >;
  const pieces = format(slots).split(SLOT);
  // split() with a capture group: text, slot index, text, slot index, …, text.
  return pieces.map((piece, i) => (i % 2 === 0 ? piece : parts[names[Number(piece)]!]));
}
