import type { ComponentChildren } from 'preact';
import type { PageContext } from '../../../platform/page-context.ts';
import { Button, fieldLabels, Form, type Option } from '../../../ui/fields.tsx';
import { localized, type City } from '../../cities/index.ts';

/** Form values by field name (the names are unique over the whole meeting page). */
export type Values = Record<string, string>;

/** The label (and hint) of a meeting page's field: `workspace.meetings.field.<name>`. */
export const meetingField = (ctx: PageContext) => fieldLabels(ctx.i18n, 'workspace.meetings.field');

/** The chain's cities as options of a select, after an empty first choice. */
export function cityOptions(ctx: PageContext, cities: readonly City[], none = ''): Option[] {
  return [
    { value: '', label: none },
    ...cities.map((c) => ({ value: c.slug, label: localized(c, ctx.i18n.locale).name })),
  ];
}

/** A form in a panel of its own, under its heading (the meeting page's add forms). */
export function PanelForm(props: {
  ctx: PageContext;
  /** The heading's id; the section is labelled by it. */
  id: string;
  heading: string;
  action: string;
  values: Values;
  submit: string;
  multipart?: boolean;
  children: ComponentChildren;
}) {
  return (
    <section aria-labelledby={props.id} class="panel">
      <h2 id={props.id}>{props.heading}</h2>
      <Form
        ctx={props.ctx}
        action={props.action}
        values={props.values}
        multipart={props.multipart ?? false}
      >
        {props.children}
        <Button>{props.submit}</Button>
      </Form>
    </section>
  );
}
