import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { i18nFor } from '../../src/platform/i18n/i18n.ts';
import { ALL_LOCALES } from '../../src/platform/i18n/locales.ts';
import { allStates, catalogueDirs, renderKeysFile } from '../../src/platform/i18n/tooling.ts';

describe('message catalogues', () => {
  const states = allStates();

  it.each(ALL_LOCALES)('%s: every key of the Swedish source, none empty, none extra', (locale) => {
    const problems = states
      .filter((s) => s.locale === locale)
      .flatMap((s) => [
        ...s.missing.map((k) => `${s.dir}: missing ${k}`),
        ...s.empty.map((k) => `${s.dir}: empty ${k}`),
        ...s.extra.map((k) => `${s.dir}: extra ${k}`),
      ]);
    expect(problems).toEqual([]);
  });

  it.each(ALL_LOCALES)('%s: valid ICU messages with the same arguments as Swedish', (locale) => {
    const problems = states
      .filter((s) => s.locale === locale)
      .flatMap((s) => [
        ...s.broken.map((k) => `${s.dir}: not valid ICU ${k}`),
        ...s.argsDiffer.map((k) => `${s.dir}: arguments differ ${k}`),
      ]);
    expect(problems).toEqual([]);
  });

  it.each(ALL_LOCALES.filter((l) => l !== 'sv'))(
    '%s: no sentence left as the Swedish or English text',
    (locale) => {
      const copied = states
        .filter((s) => s.locale === locale)
        .flatMap((s) => s.untranslated.map((k) => `${s.dir}: ${k}`));
      expect(copied).toEqual([]);
    },
  );

  it('has current generated key types (npm run i18n:types)', () => {
    for (const dir of catalogueDirs()) {
      expect(readFileSync(join(dir, 'keys.ts'), 'utf8'), dir).toBe(renderKeysFile(dir));
    }
  });

  it('says plurals by the CLDR rules of each language', () => {
    const sv = i18nFor('sv');
    expect(sv.t('campaign.show.snapshot', { collaborations: 1, exchanges: 2 })).toBe(
      '1 samarbete, 2 utbyten',
    );
    expect(sv.t('hostPlan.template.monthsBefore', { n: 1 })).toBe('1 månad före');
    expect(sv.t('hostPlan.template.monthsBefore', { n: 12 })).toBe('12 månader före');
    expect(i18nFor('en').t('hostPlan.template.daysAfter', { n: 1 })).toBe('1 day after');
    // Ordinals: Swedish 2:a and 8:e, Danish and Norwegian 8., Finnish and English by cardinals.
    const warning = (l: 'sv' | 'en' | 'da' | 'nb' | 'fi', cycle: number) =>
      i18nFor(l).t('rotation.warning', { members: 4, cycle });
    expect(warning('sv', 8)).toContain('vart 8:e år');
    expect(warning('sv', 2)).toContain('vart 2:a år');
    expect(warning('sv', 11)).toContain('vart 11:e år');
    expect(warning('da', 10)).toContain('hvert 10. år');
    expect(warning('nb', 10)).toContain('hvert 10. år');
    expect(warning('fi', 10)).toContain('10 vuoden välein');
    expect(warning('en', 10)).toContain('every 10 years');
    // Lists the way each language writes them.
    const cities = ['Aarhus', 'Bergen', 'Turku'];
    expect(i18nFor('sv').formatList(cities)).toBe('Aarhus, Bergen och Turku');
    expect(i18nFor('da').formatList(cities)).toBe('Aarhus, Bergen og Turku');
    expect(i18nFor('fi').formatList(cities)).toBe('Aarhus, Bergen ja Turku');
    expect(i18nFor('en').formatList(cities)).toBe('Aarhus, Bergen and Turku');
    // `#` is formatted by the language's number rules.
    expect(sv.t('hostPlan.flash.created', { count: 12345 })).toMatch(/12\s345 uppgifter/u);
  });

  it('type-checks keys and arguments (`npm run typecheck` fails otherwise)', () => {
    const { t } = i18nFor('sv');
    // @ts-expect-error: the message takes {count}
    expect(() => t('hostPlan.flash.created')).not.toThrow();
    // @ts-expect-error: count is a number (a plural), not text
    t('hostPlan.flash.created', { count: 'tre' });
    // @ts-expect-error: no such key
    t('no.such.key');
    expect(t('nav.meetings')).toBe('Möten');
  });

  it('falls back to Swedish for a message a language lacks, and marks it', () => {
    const fi = i18nFor('fi');
    expect(fi.tDynamic('no.such.key')).toBe('no.such.key');
    expect(fi.langOf('nav.meetings')).toBe(fi.t('nav.meetings') === 'Möten' ? 'sv' : 'fi');
  });
});
