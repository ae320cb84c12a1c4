import { describe, expect, it } from 'vitest';
import { compareFigures, compareSections, diffText, MAX_CELLS, tokenize } from './compare.ts';
import type { EvaluationFigures, PeriodFigures } from './evaluation.figures.ts';

const period = (over: Partial<PeriodFigures['collaborations']> = {}): PeriodFigures => ({
  period: { start: '2019-01-01', end: '2027-06-12' },
  meetings: [],
  collaborations: {
    total: 10,
    new: 4,
    ongoing: 5,
    finished: 1,
    byCity: [
      { key: 'bergen', label: 'Bergen', value: 3 },
      { key: 'turku', label: 'Åbo', value: 2 },
    ],
    byArea: [],
    byOrganisation: [],
    byKind: [],
    byStatus: [],
    ...over,
  },
  exchanges: { total: 0, participants: 0, byCity: [], byDirection: [] },
  campaigns: [],
  decisions: { total: 0, byKind: [], items: [] },
  news: { published: 2 },
  newsletters: { sent: 1, recipients: 40 },
});
const figures = (p: PeriodFigures): EvaluationFigures => ({
  compiledAt: '2027-07-01T10:00:00.000Z',
  current: p,
  previous: null,
  flags: [],
});

describe('comparing two versions', () => {
  it('marks the changed words and keeps the rest', () => {
    expect(diffText('Samarbetet med Bergen växte.', 'Samarbetet med Åbo växte kraftigt.')).toEqual([
      { kind: 'same', text: 'Samarbetet med ' },
      { kind: 'removed', text: 'Bergen' },
      { kind: 'added', text: 'Åbo' },
      { kind: 'same', text: ' ' },
      { kind: 'removed', text: 'växte.' },
      { kind: 'added', text: 'växte kraftigt.' },
    ]);
  });

  it('says an unchanged text has no change, and an emptied one is all removed', () => {
    expect(diffText('Lika.', 'Lika.')).toEqual([{ kind: 'same', text: 'Lika.' }]);
    expect(diffText('', '')).toEqual([]);
    expect(diffText('Borta nu', '')).toEqual([{ kind: 'removed', text: 'Borta nu' }]);
    expect(tokenize('a  b\n\nc')).toEqual(['a', '  ', 'b', '\n\n', 'c']);
  });

  it('compares very long texts by paragraphs instead of words, within its bound', () => {
    const words = Math.ceil(Math.sqrt(MAX_CELLS)); // tokens: words and spaces, twice as many
    const long = Array.from({ length: words }, (_, i) => `ord${i}`).join(' ');
    const before = `${long}\n\nSista stycket.`;
    const after = `${long}\n\nSista stycket, ändrat.`;
    const started = performance.now();
    const parts = diffText(before, after);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(parts[0]).toEqual({ kind: 'same', text: `${long}\n\n` });
    expect(parts.slice(1)).toEqual([
      { kind: 'removed', text: 'Sista stycket.' },
      { kind: 'added', text: 'Sista stycket, ändrat.' },
    ]);
  });

  it('names each section, changed or not', () => {
    const a = {
      summary: 'A',
      analysis: 'B',
      conclusions: 'C',
      recommendations: 'D',
      summaryEn: 'E',
    };
    const changes = compareSections(a, { ...a, analysis: 'B2' });
    expect(changes.map((c) => [c.key, c.changed])).toEqual([
      ['summary', false],
      ['analysis', true],
      ['conclusions', false],
      ['recommendations', false],
      ['summaryEn', false],
    ]);
  });

  it('marks changed figures old → new, and breakdown lines that came or went', () => {
    const before = figures(period());
    const after = figures(
      period({
        total: 12,
        byCity: [
          { key: 'bergen', label: 'Bergen', value: 3 },
          { key: 'aarhus', label: 'Aarhus', value: 1 },
        ],
      }),
    );
    const changes = compareFigures(before, after);
    const changed = changes.filter((c) => c.changed).map((c) => [c.id, c.before, c.after]);
    expect(changed).toEqual([
      ['collaborations.total', 10, 12],
      ['collaborations.byCity:aarhus', null, 1],
      ['collaborations.byCity:turku', 2, null],
    ]);
    expect(changes.find((c) => c.id === 'news.published')).toMatchObject({
      before: 2,
      after: 2,
      changed: false,
    });
  });
});
