/** A type guard for the values of a fixed list (the roles, the kinds of record): `isOneOf(ROLES)`. */
export function isOneOf<T extends string>(list: readonly T[]): (value: unknown) => value is T {
  return (value): value is T =>
    typeof value === 'string' && (list as readonly string[]).includes(value);
}
