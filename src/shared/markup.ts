/**
 * Text made safe in markup (XML and HTML element content and double-quoted attribute
 * values): `&`, `<`, `>` and `"` as entities. A format that needs more (an apostrophe, a
 * carriage return) adds its own step after this one.
 */
export const escapeMarkup = (value: string): string =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
