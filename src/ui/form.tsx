import type { ComponentChildren } from 'preact';
import type { I18n } from '../platform/i18n/i18n.ts';

/** A field's problem: a message key (translated) or a ready text. */
export type FieldErrors = Record<string, string>;

export function CsrfField({ token }: { token: string | null }) {
  return token ? <input type="hidden" name="_csrf" value={token} /> : null;
}

/** GOV.UK-style error summary: at the top, focusable, linking to each field. */
export function ErrorSummary({ i18n, errors }: { i18n: I18n; errors: FieldErrors }) {
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
      <h2 id="error-summary-title">{i18n.t('form.errorSummary')}</h2>
      <ul>
        {entries.map(([field, message]) => (
          <li key={field}>
            <a href={`#${field}`}>{message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

interface FieldProps {
  name: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  type?: 'text' | 'email' | 'password' | 'date' | 'number';
  value?: string | undefined;
  autocomplete?: string;
  required?: boolean;
  width?: 'full' | 'medium' | 'short';
}

/** The ids a field's control is described by: its hint and its error message. */
function describedBy(name: string, hint?: string, error?: string): string | undefined {
  return (
    [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ') ||
    undefined
  );
}

/** Label, hint and error message around one control (GOV.UK's question pattern). */
function FieldFrame(props: {
  name: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  children: ComponentChildren;
}) {
  const { name, label, hint, error, children } = props;
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for={name}>{label}</label>
      {hint ? (
        <p class="hint" id={`${name}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p class="error-message" id={`${name}-error`}>
          {error}
        </p>
      ) : null}
      {children}
    </div>
  );
}

export function TextField(props: FieldProps) {
  const {
    name,
    label,
    hint,
    error,
    type = 'text',
    value,
    autocomplete,
    required,
    width = 'medium',
  } = props;
  return (
    <FieldFrame name={name} label={label} hint={hint} error={error}>
      <input
        class={`input input-${width}`}
        id={name}
        name={name}
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- Preact types each input type apart; tsc needs the cast for the union
        type={type as 'text'}
        value={type === 'password' ? undefined : value}
        autocomplete={autocomplete}
        required={required}
        aria-describedby={describedBy(name, hint, error)}
        aria-invalid={error ? 'true' : undefined}
      />
    </FieldFrame>
  );
}

export function SelectField(props: {
  name: string;
  label: string;
  options: { value: string; label: string }[];
  value?: string | undefined;
  error?: string | undefined;
  hint?: string | undefined;
}) {
  const { name, label, options, value, error, hint } = props;
  return (
    <FieldFrame name={name} label={label} hint={hint} error={error}>
      <select
        class="input input-medium"
        id={name}
        name={name}
        aria-describedby={describedBy(name, hint, error)}
        aria-invalid={error ? 'true' : undefined}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value} selected={o.value === value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

export function CheckboxGroup(props: {
  name: string;
  legend: string;
  options: { value: string; label: string; hint?: string }[];
  values: string[];
  error?: string | undefined;
}) {
  const { name, legend, options, values, error } = props;
  return (
    <fieldset class={error ? 'field field-error' : 'field'} id={name}>
      <legend>{legend}</legend>
      {error ? <p class="error-message">{error}</p> : null}
      {options.map((o) => (
        <div class="checkbox" key={o.value}>
          <input
            type="checkbox"
            id={`${name}-${o.value}`}
            name={name}
            value={o.value}
            checked={values.includes(o.value)}
          />
          <label for={`${name}-${o.value}`}>
            {o.label}
            {o.hint ? <span class="hint"> {o.hint}</span> : null}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

export function Button({
  children,
  variant = 'primary',
}: {
  children: ComponentChildren;
  variant?: 'primary' | 'secondary' | 'warning';
}) {
  return (
    <button type="submit" class={`button button-${variant}`}>
      {children}
    </button>
  );
}

export function Flash({ message }: { message: string | null }) {
  return message ? (
    <div class="flash" role="status">
      {message}
    </div>
  ) : null;
}
