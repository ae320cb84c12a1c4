import { describe, expect, it } from 'vitest';
import { highlight, queryTerms, snippet } from './highlight.ts';

const marks: [string, string] = ['[', ']'];

describe('highlights and snippets of knowledge-bank hits', () => {
  it('marks whole words and the last word as a prefix, folding case and diacritics', () => {
    const terms = queryTerms('Lagerskola klimat');
    expect(highlight('Lägerskolan och lägerskola om Klimatanpassning', terms, marks)).toBe(
      'Lägerskolan och [lägerskola] om [Klimatanpassning]',
    );
    expect(highlight('Ingen träff här', terms, marks)).toBe('Ingen träff här');
  });

  it('cuts the stretch with the most matches and marks where the text goes on', () => {
    const words = Array.from({ length: 60 }, (_, i) => `ord${i}`);
    words[40] = 'hamnen';
    words[42] = 'Hamnar';
    const text = words.join(' ');
    const out = snippet(text, queryTerms('hamn'), marks, 10);
    expect(out.startsWith('…')).toBe(true);
    expect(out.endsWith('…')).toBe(true);
    expect(out).toContain('[hamnen] ord41 [Hamnar]');
    expect(out.split(' ')).toHaveLength(10 + 0);
  });

  it('keeps a short text whole and starts at the beginning when nothing matches', () => {
    expect(snippet('Kort text om bibliotek.', queryTerms('bibliotek'), marks)).toBe(
      'Kort text om [bibliotek].',
    );
    expect(snippet('a b c d e', queryTerms('x'), marks, 3)).toBe('a b c…');
    expect(snippet('', queryTerms('x'), marks)).toBe('');
    expect(highlight('åäö', queryTerms(''), marks)).toBe('åäö');
  });
});
