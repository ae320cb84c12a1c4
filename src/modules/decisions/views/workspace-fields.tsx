import type { FieldErrors } from '../../../ui/form.tsx';
import type { I18n } from '../../../platform/i18n/i18n.ts';

const describedBy = (name: string, hint?: string, error?: string) =>
  [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ') || undefined;

function HintAndError({ name, hint, error }: { name: string; hint?: string; error?: string }) {
  return (
    <>
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
    </>
  );
}

/** Radio buttons in a fieldset; the fieldset carries the id the error summary links to. */
export function RadioGroup(props: {
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  value?: string | undefined;
  error?: string | undefined;
  hint?: string | undefined;
}) {
  const { name, legend, options, value, error, hint } = props;
  return (
    <fieldset
      class={error ? 'field field-error' : 'field'}
      id={name}
      tabIndex={-1}
      aria-describedby={describedBy(name, hint, error)}
    >
      <legend>{legend}</legend>
      <HintAndError name={name} hint={hint} error={error} />
      {options.map((o) => (
        <div class="checkbox" key={o.value}>
          <input
            type="radio"
            id={`${name}-${o.value.replace(/\W+/g, '-')}`}
            name={name}
            value={o.value}
            checked={o.value === value}
          />
          <label for={`${name}-${o.value.replace(/\W+/g, '-')}`}>{o.label}</label>
        </div>
      ))}
    </fieldset>
  );
}

export function TextArea(props: {
  name: string;
  label: string;
  value?: string | undefined;
  error?: string | undefined;
  hint?: string | undefined;
  rows?: number;
}) {
  const { name, label, value, error, hint, rows = 6 } = props;
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for={name}>{label}</label>
      <HintAndError name={name} hint={hint} error={error} />
      <textarea
        class="input input-full"
        id={name}
        name={name}
        rows={rows}
        aria-describedby={describedBy(name, hint, error)}
        aria-invalid={error ? 'true' : undefined}
      >
        {value ?? ''}
      </textarea>
    </div>
  );
}

export function FileField(props: {
  name: string;
  label: string;
  accept: string;
  error?: string | undefined;
  hint?: string | undefined;
}) {
  const { name, label, accept, error, hint } = props;
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for={name}>{label}</label>
      <HintAndError name={name} hint={hint} error={error} />
      <input
        class="input input-full"
        type="file"
        id={name}
        name={name}
        accept={accept}
        aria-describedby={describedBy(name, hint, error)}
        aria-invalid={error ? 'true' : undefined}
      />
    </div>
  );
}

/** Translates a service message key, falling back to a generic text for unknown keys. */
export function translateProblem(i18n: I18n, key: string, fallback: string): string {
  const text = (i18n.t as (k: string) => string | undefined)(key);
  return typeof text === 'string' ? text : i18n.t(fallback as 'form.errorSummary');
}

export type { FieldErrors };
