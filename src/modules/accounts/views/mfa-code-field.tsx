import { TextField } from '../../../ui/fields.tsx';

/**
 * The field for a six-digit code from an authenticator app: a numeric keyboard on
 * phones, and `one-time-code` so browsers and password managers can fill it in. The
 * value is never kept after a failure: every code works only once. Its error comes from
 * the surrounding `<Form>`.
 */
export function MfaCodeField({ label, hint }: { label: string; hint: string }) {
  return (
    <TextField
      name="code"
      label={label}
      hint={hint}
      value=""
      width="short"
      inputMode="numeric"
      autocomplete="one-time-code"
      spellcheck={false}
    />
  );
}
