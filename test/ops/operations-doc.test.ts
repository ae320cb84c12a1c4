import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENVIRONMENT_VARIABLES } from '../../src/config/config.ts';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

/**
 * The production guide cannot forget a setting: every variable src/config reads is named in
 * docs/operations.md, in the README and in .env.example (decision 041).
 */
describe('the operations guide names every setting', () => {
  it('knows the variables (the list is read from the config schema)', () => {
    expect(ENVIRONMENT_VARIABLES).toContain('DATABASE_URL');
    expect(ENVIRONMENT_VARIABLES).toContain('METRICS_TOKEN');
    expect(ENVIRONMENT_VARIABLES.length).toBeGreaterThan(30);
  });

  for (const file of ['docs/operations.md', 'README.md', '.env.example']) {
    it(`in ${file}`, () => {
      const text = read(file);
      const missing = ENVIRONMENT_VARIABLES.filter(
        (name) => !new RegExp(`(^|[^A-Z_])${name}([^A-Z_]|$)`, 'm').test(text),
      );
      expect(missing).toEqual([]);
    });
  }

  it('links the files it names', () => {
    const guide = read('docs/operations.md');
    for (const path of ['deploy/nginx/vanortsportalen.conf', 'Containerfile'])
      expect(() => read(path), path).not.toThrow();
    expect(guide).toContain('## Backups and restores');
  });
});
