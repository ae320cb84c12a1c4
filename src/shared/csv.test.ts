import { describe, expect, it } from 'vitest';
import { csvField, csvLine } from './csv.ts';

describe('CSV', () => {
  it('quotes what needs quoting and keeps Swedish characters', () => {
    expect(csvLine(['Åbo', 'a,b', 'say "hej"', null, 3])).toBe('Åbo,"a,b","say ""hej""",,3\r\n');
    expect(csvField('rad 1\nrad 2')).toBe('"rad 1\nrad 2"');
  });

  it('defuses spreadsheet formulas', () => {
    expect(csvField('=HYPERLINK("http://evil")')).toBe('"\'=HYPERLINK(""http://evil"")"');
    expect(csvField('+46 31 123')).toBe("'+46 31 123");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
  });
});
