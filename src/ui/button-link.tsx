import type { ComponentChildren } from 'preact';

/**
 * A link that looks like a button, in a paragraph of its own: a page's next step (a new
 * item, the start of a queue, back to the list). Without a `variant` it takes the plain
 * button look.
 */
export function ButtonLink(props: {
  href: string;
  variant?: 'primary' | 'secondary';
  children: ComponentChildren;
}) {
  return (
    <p>
      <a class={props.variant ? `button button-${props.variant}` : 'button'} href={props.href}>
        {props.children}
      </a>
    </p>
  );
}
