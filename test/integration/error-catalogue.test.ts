import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderErrorsDoc } from '../../src/platform/errors-doc.ts';
import { lookup } from '../../src/platform/i18n/catalogue.ts';
import { modules } from '../../src/modules/registry.ts';
import {
  AppError,
  defineErrors,
  errorCodes,
  errorSpec,
  errors,
  isAppError,
} from '../../src/shared/errors.ts';
import { meetingsErrors } from '../../src/modules/meetings/errors.ts';

describe('error catalogue', () => {
  it('matches the committed docs/errors.md (run `npm run errors:doc` after changing it)', () => {
    expect(renderErrorsDoc()).toBe(readFileSync('docs/errors.md', 'utf8'));
  });

  it('has every message key in both the Swedish and the English catalogue', () => {
    const missing: string[] = [];
    for (const code of errorCodes()) {
      const { title, page } = errorSpec(code);
      for (const key of [title, page.title, page.text]) {
        for (const lang of ['sv', 'en'] as const) {
          const text = lookup(lang, key);
          if (!text?.trim()) missing.push(`${code}: ${lang} ${key}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('describes every code in one sentence and uses an error status', () => {
    for (const code of errorCodes()) {
      const spec = errorSpec(code);
      expect(code, code).toMatch(/^[A-Z][A-Z_]+$/);
      expect(spec.status, code).toBeGreaterThanOrEqual(400);
      expect(spec.status, code).toBeLessThan(600);
      expect(spec.when, code).toMatch(/^[A-Z`].*\.$/);
      expect(spec.message.length, code).toBeGreaterThan(0);
    }
    // Server errors are always worth a report; client errors never are.
    for (const code of errorCodes()) {
      expect(errorSpec(code).reportable, code).toBe(errorSpec(code).status >= 500);
    }
  });

  it('takes status and reportability from the catalogue', () => {
    const error = new AppError('CAMPAIGN_CLOSED', 'closed', { id: 'c1' });
    expect(error).toMatchObject({ code: 'CAMPAIGN_CLOSED', status: 409, reportable: false });
    expect(error.details).toEqual({ id: 'c1' });
    expect(new AppError('DATABASE_UNAVAILABLE')).toMatchObject({
      status: 503,
      reportable: true,
      message: 'The database is not reachable',
    });
    expect(meetingsErrors.meetingNotFound('m1')).toMatchObject({
      status: 404,
      details: { id: 'm1' },
    });
    expect(meetingsErrors.chainNotFound().code).toBe('MEETING_NOT_FOUND');
    expect(isAppError(errors.forbidden(), 'FORBIDDEN')).toBe(true);
    expect(isAppError(new Error('FORBIDDEN'), 'FORBIDDEN')).toBe(false);
  });

  it('accepts only catalogue codes (checked by `npm run typecheck`)', () => {
    // @ts-expect-error: not a code in the catalogue
    const typo = () => new AppError('CITY_NOT_FOUNDD');
    expect(typo).toThrow(TypeError);
    // @ts-expect-error: no code is compared with a string outside the catalogue
    expect(isAppError(errors.forbidden(), 'FORBIDEN')).toBe(false);
  });

  it('is assembled from the platform codes and the codes each module descriptor declares', () => {
    const fromModules = modules.flatMap((m) => Object.keys(m.errors ?? {}));
    expect(fromModules).toContain('CITY_NOT_FOUND');
    expect(fromModules).not.toContain('FORBIDDEN');
    const codes = errorCodes();
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of fromModules) expect(codes, code).toContain(code);
    // Ordered by status for the reader of docs/errors.md.
    const statuses = codes.map((code) => errorSpec(code).status);
    expect(statuses).toEqual([...statuses].sort((a, b) => a - b));
  });

  it('refuses a code that a module defines again', () => {
    expect(() =>
      defineErrors({ CITY_NOT_FOUND: { ...errorSpec('CITY_NOT_FOUND'), status: 400 } }),
    ).toThrow(/CITY_NOT_FOUND is defined twice/);
    expect(errorSpec('CITY_NOT_FOUND').status).toBe(404);
  });
});
