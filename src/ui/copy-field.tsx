/**
 * A value shown for the person to copy (a new API key, the key for an authenticator app): a
 * read-only field under its label, in the monospace font of request ids, with no
 * autocomplete or spellcheck. With `rows` it is a text area, for a long value.
 */
export function CopyField(props: { id: string; label: string; value: string; rows?: number }) {
  const { id, value, rows } = props;
  const fixed = { readOnly: true, autocomplete: 'off', spellcheck: false } as const;
  const look = 'input input-full request-id';
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      {rows ? (
        <textarea class={look} id={id} rows={rows} {...fixed}>
          {value}
        </textarea>
      ) : (
        <input class={look} id={id} type="text" value={value} {...fixed} />
      )}
    </div>
  );
}
