import { expect, it } from 'vitest';
import { containsNul } from './input-guard.ts';

it('finds a NUL character in strings, arrays, nested objects and keys, not in Buffers', () => {
  expect(containsNul('Göteborg')).toBe(false);
  expect(containsNul('Göte\u0000borg')).toBe(true);
  expect(containsNul({ a: ['x', { b: 'y\u0000' }] })).toBe(true);
  expect(containsNul({ ['k\u0000']: 'v' })).toBe(true);
  expect(containsNul({ file: Buffer.from([0, 1, 2]) })).toBe(false);
  expect(containsNul(null)).toBe(false);
  expect(containsNul(42)).toBe(false);
});
