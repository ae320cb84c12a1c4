import type { ComponentChildren, ComponentProps } from 'preact';
import type { PageContext } from '../platform/page-context.ts';
import type { FormValues } from './fields.tsx';
import { Button, Form } from './fields.tsx';
import { Layout } from './layout.tsx';

/**
 * The one way a removal or a final step asks first (decision 033). The button beside the
 * item is a link to `GET <the action's address>`, which shows this page: a question as the
 * heading, what will happen to which item, "Det går inte att ångra." where that is so, and
 * the confirming button — a POST with CSRF through the form home to the same address — next
 * to an "Avbryt" link back to the page the person came from. No JavaScript is needed, and
 * the POST route works as it always did (an API client or an old page posts directly).
 */
export interface ConfirmProps {
  ctx: PageContext;
  /** The question, as the page's heading and title: "Ta bort programpunkten?" */
  title: string;
  /** What will happen to what, naming the item: the lead paragraph under the heading. */
  lead: ComponentChildren;
  /** More about it, under the lead (further paragraphs, the items it touches). */
  details?: ComponentChildren;
  /** True where the step cannot be undone: the page says so beside the button. */
  irreversible: boolean;
  /** The POST address; the same as the page's own. */
  action: string;
  /** The confirming button's text: the action's verb ("Ta bort", "Skicka till fullmäktige"). */
  confirm: string;
  /** Where "Avbryt" leads: the page the button was on, where nothing has changed. */
  cancel: string;
  /** A removal or a step that takes something away: a red button. Default: the primary. */
  destructive?: boolean;
  /** Fields the step takes (a closing note), with their values and the layout's errors. */
  fields?: ComponentChildren;
  values?: FormValues;
  /** The workspace section the page belongs to (the layout marks it). */
  section?: ComponentProps<typeof Layout>['section'];
}

export function ConfirmPage(props: ConfirmProps) {
  const { t } = props.ctx.i18n;
  return (
    <Layout ctx={props.ctx} title={props.title} section={props.section}>
      <h1>{props.title}</h1>
      <div class="confirm">
        <div class="confirm-what">
          <p class="lead">{props.lead}</p>
          {props.details}
        </div>
        {props.irreversible ? (
          <p class="confirm-irreversible">
            <strong>{t('confirm.irreversible')}</strong>
          </p>
        ) : null}
        <Form ctx={props.ctx} action={props.action} values={props.values}>
          {props.fields}
          <div class="confirm-actions">
            <Button variant={props.destructive ? 'warning' : 'primary'}>{props.confirm}</Button>
            <a href={props.cancel} class="confirm-cancel">
              {t('confirm.cancel')}
            </a>
          </div>
        </Form>
      </div>
    </Layout>
  );
}

/**
 * The link beside an item that leads to its confirmation page, looking like the button it
 * replaces: `variant` as `Button`'s, or `link` for the small text buttons in lists and
 * table rows. `name` (the item's) is read out after the text where the text alone would
 * not say which item it is ("Ta bort: Anna Berg").
 */
export function ConfirmLink(props: {
  href: string;
  variant?: 'primary' | 'secondary' | 'warning' | 'link';
  name?: ComponentChildren;
  'aria-describedby'?: string;
  children: ComponentChildren;
}) {
  const variant = props.variant ?? 'secondary';
  return (
    <a
      href={props.href}
      class={variant === 'link' ? 'confirm-link' : `button button-${variant}`}
      aria-describedby={props['aria-describedby']}
    >
      {props.children}
      {props.name ? <span class="visually-hidden">: {props.name}</span> : null}
    </a>
  );
}
