import { describe, expect, it } from 'vitest';
import { ENABLED_LOCALES } from '../../src/platform/i18n/locales.ts';
import { catalogueDirs, readCatalogue } from '../../src/platform/i18n/tooling.ts';

/**
 * The wording rules of docs/style-guide.md that a machine can check, over every catalogue
 * in the five languages (issue 19, point 7).
 */
function messages(locale: (typeof ENABLED_LOCALES)[number]): [key: string, text: string][] {
  return catalogueDirs().flatMap((dir) => Object.entries(readCatalogue(dir, locale) ?? {}));
}

describe('the wording of the catalogues', () => {
  it.each(ENABLED_LOCALES)('names the Danish twin city "Aarhus", never "Århus" (%s)', (locale) => {
    const found = messages(locale).filter(([, text]) => /Århus/i.test(text));
    expect(found).toEqual([]);
  });

  it.each(ENABLED_LOCALES)(
    'shows a policy rule’s code only beside its plain name (%s)',
    (locale) => {
      const all = new Map(messages(locale));
      const bare = messages(locale).filter(([key, text]) => {
        // The rule names themselves, and the range "P1–P10" in a heading.
        if (/^workspace\.policy\.rule\./.test(key) || /P1–P10/.test(text)) return false;
        const codes = [...text.matchAll(/\bP(10|[1-9])\b/g)].map((m) => `P${m[1]}`);
        return codes.some((code) => {
          const name = all.get(`workspace.policy.rule.${code}`);
          return !name || !text.toLowerCase().includes(name.toLowerCase());
        });
      });
      expect(bare).toEqual([]);
    },
  );

  it('says "Göteborgs Stads relation" (the genitive) wherever the policy is named in Swedish', () => {
    const found = messages('sv').filter(([, text]) => /Göteborgs Stad relation/.test(text));
    expect(found).toEqual([]);
  });

  it('marks an optional field one way in Swedish: "(valfritt)"', () => {
    const labels = messages('sv').filter(([, text]) =>
      /\((frivilligt|ej obligatoriskt|valfri)\)/i.test(text),
    );
    expect(labels).toEqual([]);
  });
});
