import type { PlainKey, Translate } from '../platform/i18n/i18n.ts';

/** `N` where the messages `<P>.<N><S…>` exist (each suffix in `S`), else never. */
type Has<P extends string, N extends string, S extends string> = `${P}.${N}${S}` extends PlainKey
  ? N
  : never;

/**
 * A form's field texts by the field's name, where the form's messages follow the one pattern
 * of field keys: the label is `<prefix>.<name>`, the hint `<prefix>.<name>Hint`. Spread into
 * a field: `<TextField {...hinted('section')} width="short" />` is the field `section` with
 * its label and its hint; `field(name)` has a label only. The type system checks that the
 * messages exist.
 */
export function fieldTexts<P extends string>(t: Translate, prefix: P) {
  const text = (key: string) => t(key as PlainKey);
  return {
    field: <N extends string>(name: Has<P, N, ''>) => ({
      name: name as string,
      label: text(`${prefix}.${name}`),
    }),
    hinted: <N extends string>(name: Has<P, N, '' | 'Hint'>) => ({
      name: name as string,
      label: text(`${prefix}.${name}`),
      hint: text(`${prefix}.${name}Hint`),
    }),
  };
}
