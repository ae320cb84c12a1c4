import type { ComponentChildren } from 'preact';
import { Button, Form, type FormValues } from './fields.tsx';
import { TitledPage, type TitledPageProps } from './titled-page.tsx';

/**
 * A page that is one form (log in, ask for a reset link, choose a password): the titled
 * page, what comes before the form (if anything), the form with its fields (the children)
 * and its one submit button, and what comes after it (a link away, a note). The form
 * re-renders with the error summary like any other (the layout shows it).
 */
export function FormPage<P extends string>(
  props: TitledPageProps<P> & {
    action: string;
    values?: FormValues | undefined;
    /** The submit button's text. */
    submit: string;
    before?: ComponentChildren;
    after?: ComponentChildren;
  },
) {
  const { action, values, submit, before, after, children, ...page } = props;
  return (
    <TitledPage<P> {...page}>
      {before}
      <Form ctx={page.ctx} action={action} values={values}>
        {children}
        <Button>{submit}</Button>
      </Form>
      {after}
    </TitledPage>
  );
}
