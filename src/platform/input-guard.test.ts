import { expect, it } from 'vitest';
import { containsNul, formBodyContainsNul } from './input-guard.ts';

it('finds a NUL character in strings, arrays, nested objects and keys, not in Buffers', () => {
  expect(containsNul('Göteborg')).toBe(false);
  expect(containsNul('Göte\u0000borg')).toBe(true);
  expect(containsNul({ a: ['x', { b: 'y\u0000' }] })).toBe(true);
  expect(containsNul({ ['k\u0000']: 'v' })).toBe(true);
  expect(containsNul({ file: Buffer.from([0, 1, 2]) })).toBe(false);
  expect(containsNul(null)).toBe(false);
  expect(containsNul(42)).toBe(false);
});

it('leaves the field values of an HTML form to the form, but not field names or files', () => {
  expect(formBodyContainsNul({ title: 'a\u0000b', areas: ['x', 'y\u0000'] })).toBe(false);
  expect(formBodyContainsNul({ ['ti\u0000tle']: 'a' })).toBe(true);
  expect(
    formBodyContainsNul({ document: { filename: 'a\u0000.pdf', data: Buffer.from([0]) } }),
  ).toBe(true);
  expect(formBodyContainsNul({ document: { filename: 'a.pdf', data: Buffer.from([0]) } })).toBe(
    false,
  );
  expect(formBodyContainsNul(null)).toBe(false);
});
