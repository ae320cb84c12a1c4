import { createContext, type ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import type { I18n, PlainKey } from '../platform/i18n/i18n.ts';
import type { FieldErrors, PageContext } from '../platform/page-context.ts';

/**
 * The one set of form field components (GOV.UK's question, validation and error summary
 * patterns). Every field renders its label, hint and error message the same way and ties
 * them to its control with `aria-describedby`; the control a field's error links to always
 * has the field's name as its id (for checkbox and radio groups: the first option), so a
 * link in the error summary lands on something that takes focus. Fields take their value
 * and error from the surrounding `<Form>` by name; props override both.
 *
 * One way to enter a date (a text field for YYYY-MM-DD, never the browser's date picker,
 * whose format follows the browser's language) and one way to mark an optional field
 * ("(valfritt)" after the label; required fields are unmarked).
 */

export type { FieldErrors } from '../platform/page-context.ts';

/** The submitted or stored values of a form, by field name (any object whose keys are field names). */
export type FormValues = object;

interface FormScope {
  i18n: I18n;
  values: Readonly<Record<string, unknown>>;
  errors: FieldErrors;
}

const FormContext = createContext<FormScope | null>(null);

function useScope(): FormScope {
  const scope = useContext(FormContext);
  if (!scope) throw new Error('A form field must be rendered inside <Form>');
  return scope;
}

/**
 * A form: POST with the CSRF token by default, or GET for filters and searches. Browser
 * validation is off (`novalidate`) so every problem is reported the same way, by the server,
 * in the error summary. Errors default to the ones the form helper set on this request.
 */
export function Form(props: {
  ctx: PageContext;
  action: string;
  method?: 'post' | 'get';
  values?: FormValues | undefined;
  errors?: FieldErrors | undefined;
  multipart?: boolean;
  class?: string;
  id?: string;
  'aria-labelledby'?: string;
  children: ComponentChildren;
}) {
  const { ctx, method = 'post' } = props;
  const scope: FormScope = {
    i18n: ctx.i18n,
    values: (props.values ?? {}) as Readonly<Record<string, unknown>>,
    errors: props.errors ?? ctx.formErrors,
  };
  return (
    <form
      method={method}
      action={props.action}
      enctype={props.multipart ? 'multipart/form-data' : undefined}
      class={props.class}
      id={props.id}
      aria-labelledby={props['aria-labelledby']}
      novalidate
    >
      {method === 'post' ? <CsrfField token={ctx.csrfToken} /> : null}
      <FormContext.Provider value={scope}>{props.children}</FormContext.Provider>
    </form>
  );
}

export function CsrfField({ token }: { token: string | null }) {
  return token ? <input type="hidden" name="_csrf" value={token} /> : null;
}

/**
 * GOV.UK error summary: at the top of the page, focused when it appears (`autofocus`, no
 * JavaScript needed), each problem a link to its field. The layout renders it for every
 * page the form helper re-renders; the page title then starts with "Fel: ".
 */
export function ErrorSummary({ i18n, errors }: { i18n: I18n; errors: FieldErrors }) {
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    <div
      class="error-summary"
      role="alert"
      aria-labelledby="error-summary-title"
      tabIndex={-1}
      autofocus
    >
      <h2 id="error-summary-title">{i18n.t('form.errorSummary')}</h2>
      <ul>
        {entries.map(([field, message]) => (
          <li key={field}>{field === 'form' ? message : <a href={`#${field}`}>{message}</a>}</li>
        ))}
      </ul>
    </div>
  );
}

interface FieldProps {
  name: string;
  label: string;
  hint?: string | undefined;
  /** Marks the label "(valfritt)"; required fields carry no mark. */
  optional?: boolean | undefined;
  /** Overrides the value from the form. */
  value?: string | undefined;
  /** Overrides the error from the form. */
  error?: string | undefined;
  /** A label only screen readers hear (e.g. a field inside a table row). */
  hiddenLabel?: boolean;
}

/** `N` when the catalogue has a message `<P>.<N><S>` without arguments, otherwise never. */
type Named<
  P extends string,
  N extends string,
  S extends string = '',
> = `${P}.${N}${S}` extends PlainKey ? N : never;

/**
 * The name and label (or legend) of the fields whose messages are named after them:
 * `<prefix>.<name>`, and with `'hint'` also the hint `<prefix>.<name>Hint`; the type system
 * checks that the catalogue has them. `const field = fieldLabels(i18n, 'campaign.field')`,
 * then `<TextField {...field('title', 'hint')} />` or `<RadioGroup {...field.legend('scope')} … />`.
 */
export function fieldLabels<P extends string>(i18n: I18n, prefix: P) {
  const text = (name: string, suffix = '') => i18n.t(`${prefix}.${name}${suffix}` as PlainKey);
  /** The props of one field, its text under `as` (a field's `label`, a group's `legend`). */
  const named = <K extends 'label' | 'legend'>(as: K) => {
    function props<N extends string>(name: N & Named<P, N>): { name: N } & Record<K, string>;
    function props<N extends string>(
      name: N & Named<P, N> & Named<P, N, 'Hint'>,
      hint: 'hint',
    ): { name: N; hint: string } & Record<K, string>;
    function props(name: string, hint?: 'hint') {
      return { name, [as]: text(name), ...(hint ? { hint: text(name, 'Hint') } : {}) };
    }
    return props;
  };
  return Object.assign(named('label'), { legend: named('legend') });
}

interface Resolved {
  value: string;
  error: string | undefined;
  label: ComponentChildren;
  describedBy: string | undefined;
}

function stringValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return '';
}

function resolve(
  scope: FormScope,
  props: FieldProps,
  hints: (string | undefined)[] = [],
): Resolved {
  const error = props.error ?? scope.errors[props.name];
  const hasHint = hints.some(Boolean) || Boolean(props.hint);
  return {
    value: props.value ?? stringValue(scope.values[props.name]),
    error,
    label: props.optional ? `${props.label} (${scope.i18n.t('form.optional')})` : props.label,
    describedBy:
      [hasHint ? `${props.name}-hint` : '', error ? `${props.name}-error` : '']
        .filter(Boolean)
        .join(' ') || undefined,
  };
}

function HintAndError(props: { name: string; hints: (string | undefined)[]; error?: string }) {
  const hints = props.hints.filter(Boolean);
  return (
    <>
      {hints.length > 0 ? (
        <p class="hint" id={`${props.name}-hint`}>
          {hints.length > 1
            ? hints.map((h) => (/[.!?]$/.test(h!) ? h : `${h}.`)).join(' ')
            : hints[0]}
        </p>
      ) : null}
      {props.error ? (
        <p class="error-message" id={`${props.name}-error`}>
          {props.error}
        </p>
      ) : null}
    </>
  );
}

/** Label, hint and error message above one control. */
function Frame(props: {
  field: FieldProps;
  resolved: Resolved;
  hints: (string | undefined)[];
  children: ComponentChildren;
}) {
  const { field, resolved } = props;
  return (
    <div class={resolved.error ? 'field field-error' : 'field'}>
      <label for={field.name} class={field.hiddenLabel ? 'visually-hidden' : undefined}>
        {resolved.label}
      </label>
      <HintAndError name={field.name} hints={props.hints} error={resolved.error} />
      {props.children}
    </div>
  );
}

type Width = 'full' | 'medium' | 'short';

/**
 * A single control's value and error, its frame (label, hints, error message), and the
 * attributes every control carries: its id and name, and what describes it and whether it is
 * invalid (`aria`, written last).
 */
function useControl(props: FieldProps, hints: (string | undefined)[] = [props.hint]) {
  const r = resolve(useScope(), props, hints);
  return {
    r,
    ids: { id: props.name, name: props.name },
    aria: {
      'aria-describedby': r.describedBy,
      'aria-invalid': r.error ? ('true' as const) : undefined,
    },
    frame: (control: ComponentChildren) => (
      <Frame field={props} resolved={r} hints={hints}>
        {control}
      </Frame>
    ),
  };
}

export function TextField(
  props: FieldProps & {
    type?: 'text' | 'email' | 'password' | 'url' | 'tel' | 'search';
    autocomplete?: string;
    width?: Width;
    inputMode?: 'numeric' | 'decimal' | 'text' | 'email' | 'tel';
    spellcheck?: boolean;
    maxLength?: number;
  },
) {
  const { r, ids, aria, frame } = useControl(props);
  const type = props.type ?? 'text';
  return frame(
    <input
      class={`input input-${props.width ?? 'medium'}`}
      {...ids}
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- Preact types each input type apart; tsc needs the cast for the union
      type={type as 'text'}
      value={type === 'password' ? undefined : r.value}
      autocomplete={props.autocomplete}
      inputMode={props.inputMode}
      spellcheck={props.spellcheck}
      maxLength={props.maxLength}
      {...aria}
    />,
  );
}

/** A whole or decimal number, typed as text (GOV.UK: never `type="number"`). */
export function NumberField(props: FieldProps & { decimal?: boolean; width?: Width }) {
  return (
    <TextField
      {...props}
      width={props.width ?? 'short'}
      inputMode={props.decimal ? 'decimal' : 'numeric'}
      spellcheck={false}
    />
  );
}

/** The one way to enter a date: YYYY-MM-DD in a text field, with the format as a hint. */
export function DateField(props: FieldProps) {
  const { r, ids, aria, frame } = useControl(props, [
    props.hint,
    useScope().i18n.t('form.dateFormat'),
  ]);
  return frame(
    <input
      class="input input-short"
      {...ids}
      type="text"
      value={r.value}
      autocomplete="off"
      spellcheck={false}
      {...aria}
    />,
  );
}

export function TextArea(props: FieldProps & { rows?: number }) {
  const { r, ids, aria, frame } = useControl(props);
  return frame(
    <textarea class="input input-full" {...ids} rows={props.rows ?? 6} {...aria}>
      {r.value}
    </textarea>,
  );
}

export interface Option {
  value: string;
  label: string;
  hint?: string | undefined;
  /** The label's language when it is not the page's (content that falls back to Swedish, a language named in itself). */
  lang?: string | undefined;
}

/**
 * The options of a fixed list of values, each labelled by its message `<prefix>.<value>`
 * (the type system checks that the catalogue has them), in the list's order.
 */
export function messageOptions<P extends string, V extends string>(
  i18n: I18n,
  prefix: P,
  values: readonly (V & Named<P, V>)[],
): Option[] {
  return values.map((value) => ({ value, label: i18n.t(`${prefix}.${value}` as PlainKey) }));
}

export function SelectField(props: FieldProps & { options: Option[]; width?: Width }) {
  const { r, ids, aria, frame } = useControl(props);
  return frame(
    <select class={`input input-${props.width ?? 'medium'}`} {...ids} {...aria}>
      {props.options.map((o) => (
        <option key={o.value} value={o.value} selected={o.value === r.value} lang={o.lang}>
          {o.label}
        </option>
      ))}
    </select>,
  );
}

export function FileField(props: FieldProps & { accept: string }) {
  const { ids, aria, frame } = useControl(props);
  return frame(
    <input class="input input-full" type="file" {...ids} accept={props.accept} {...aria} />,
  );
}

/** The id of a group's option: the first option carries the group's name (the error link's target). */
function optionId(name: string, index: number, value: string): string {
  return index === 0 ? name : `${name}-${value.replace(/[^\w-]+/g, '-')}`;
}

/**
 * Checkboxes or radio buttons in a fieldset: the legend is the question, the hint and the
 * error message sit inside the fieldset, which `aria-describedby` ties to them.
 */
function ChoiceGroup(
  props: Omit<FieldProps, 'label'> & {
    type: 'checkbox' | 'radio';
    legend: string;
    options: Option[];
    /** Checked values (checkboxes) or the chosen value (radios); overrides the form's. */
    values?: string[] | undefined;
  },
) {
  const scope = useScope();
  const hints = [props.hint];
  const r = resolve(scope, { ...props, label: props.legend }, hints);
  const fromForm = scope.values[props.name];
  const checked =
    props.values ??
    (props.value !== undefined
      ? [props.value]
      : Array.isArray(fromForm)
        ? fromForm.map(String)
        : typeof fromForm === 'string'
          ? [fromForm]
          : []);
  return (
    <fieldset class={r.error ? 'field field-error' : 'field'} aria-describedby={r.describedBy}>
      <legend>{r.label}</legend>
      <HintAndError name={props.name} hints={hints} error={r.error} />
      {props.options.map((o, i) => {
        const id = optionId(props.name, i, o.value);
        return (
          <div class="checkbox" key={o.value}>
            <input
              type={props.type}
              id={id}
              name={props.name}
              value={o.value}
              checked={checked.includes(o.value)}
              aria-describedby={o.hint ? `${id}-hint` : undefined}
            />
            <label for={id}>
              {o.lang ? <span lang={o.lang}>{o.label}</span> : o.label}
              {o.hint ? (
                <span class="hint" id={`${id}-hint`}>
                  {' '}
                  {o.hint}
                </span>
              ) : null}
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}

export function CheckboxGroup(
  props: Omit<FieldProps, 'label' | 'value'> & {
    legend: string;
    options: Option[];
    values?: string[] | undefined;
  },
) {
  return <ChoiceGroup {...props} type="checkbox" />;
}

export function RadioGroup(
  props: Omit<FieldProps, 'label'> & { legend: string; options: Option[] },
) {
  return <ChoiceGroup {...props} type="radio" />;
}

/** One checkbox that stands alone (a yes/no question), sent as `value` when checked. */
export function Checkbox(
  props: Omit<FieldProps, 'optional'> & { checked?: boolean | undefined; value?: string },
) {
  const scope = useScope();
  const hints = [props.hint];
  const r = resolve(scope, props, hints);
  const value = props.value ?? 'on';
  const checked = props.checked ?? scope.values[props.name] === value;
  return (
    <div class={r.error ? 'field field-error' : 'field'}>
      <HintAndError name={props.name} hints={[]} error={r.error} />
      <div class="checkbox">
        <input
          type="checkbox"
          id={props.name}
          name={props.name}
          value={value}
          checked={checked}
          aria-describedby={r.describedBy}
        />
        <label for={props.name}>
          {props.label}
          {props.hint ? (
            <span class="hint" id={`${props.name}-hint`}>
              {' '}
              {props.hint}
            </span>
          ) : null}
        </label>
      </div>
    </div>
  );
}

export function Button({
  children,
  variant = 'primary',
  name,
  value,
}: {
  children: ComponentChildren;
  variant?: 'primary' | 'secondary' | 'warning';
  name?: string;
  value?: string;
}) {
  return (
    <button type="submit" class={`button button-${variant}`} name={name} value={value}>
      {children}
    </button>
  );
}

/** A form's submit button and, when given, the link that leaves the form without saving. */
export function SubmitWithCancel(props: {
  submit: string;
  cancel?: { href: string; label: string } | false | null;
}) {
  return (
    <>
      <Button>{props.submit}</Button>
      {props.cancel ? (
        <p>
          <a href={props.cancel.href}>{props.cancel.label}</a>
        </p>
      ) : null}
    </>
  );
}

export function Flash({ message }: { message: string | null }) {
  return message ? (
    <div class="flash" role="status">
      {message}
    </div>
  ) : null;
}
