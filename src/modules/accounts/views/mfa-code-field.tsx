/**
 * The field for a six-digit code from an authenticator app: a numeric keyboard on
 * phones, and `one-time-code` so browsers and password managers can fill it in. The
 * value is never kept after a failure: every code works only once.
 */
export function MfaCodeField({
  label,
  hint,
  error,
}: {
  label: string;
  hint: string;
  error?: string | undefined;
}) {
  const describedBy = ['code-hint', error ? 'code-error' : ''].filter(Boolean).join(' ');
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for="code">{label}</label>
      <p class="hint" id="code-hint">
        {hint}
      </p>
      {error ? (
        <p class="error-message" id="code-error">
          {error}
        </p>
      ) : null}
      <input
        class="input input-short"
        id="code"
        name="code"
        type="text"
        inputmode="numeric"
        pattern="[0-9 ]*"
        autocomplete="one-time-code"
        spellcheck={false}
        aria-describedby={describedBy}
        aria-invalid={error ? 'true' : undefined}
      />
    </div>
  );
}
