import type { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { pdfInfo, poppler, popplerMissing, structureTree } from '../../../test/helpers/poppler.ts';
import { i18nFor } from '../../platform/i18n/i18n.ts';
import type { City } from '../cities/index.ts';
import type { Participant } from './delegation.service.ts';
import { participantsPdf, type ParticipantList } from './participants.export.ts';

async function bytes(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function city(slug: string, sv: string, da = sv): City {
  return {
    id: slug,
    slug,
    kind: 'twin',
    status: 'active',
    countryCode: 'SE',
    region: null,
    coordinates: null,
    population: null,
    website: null,
    sinceYear: null,
    contact: null,
    texts: { sv: { name: sv, description: null }, da: { name: da, description: null } },
  };
}

const cities = [
  city('goteborg', 'Göteborg', 'Göteborg'),
  city('aarhus', 'Århus', 'Aarhus'),
  city('bergen', 'Bergen'),
  city('turku', 'Åbo', 'Turku'),
];

function sampleList(count: number, withLogistics: boolean): ParticipantList {
  const participants: Participant[] = Array.from({ length: count }, (_, i) => ({
    city: cities[i % cities.length]!,
    delegationStatus: i % 3 === 0 ? 'confirmed' : 'nominated',
    name: `Søren Ærø Åström ${i + 1}`,
    title: i % 5 === 0 ? 'Ordfører og leder av bystyrets utvalg for kultur og næring' : 'Ledamot',
    affiliation: i % 2 === 0 ? 'Kaupunginvaltuusto, Turun kaupunki' : null,
    logistics: {
      dietaryNeeds: i % 4 === 0 ? 'Vegetarisk, ingen nötter' : null,
      accessNeeds: null,
      travel: 'Tåg, ankommer 11 sep',
      phone: `+46 70 000 ${String(i).padStart(2, '0')}`,
    },
    logisticsErasedAt: null,
  }));
  return {
    meeting: {
      id: 'm',
      year: 2035,
      hostCityId: 'goteborg',
      startDate: '2035-09-11',
      endDate: '2035-09-13',
      status: 'planned',
      venue: 'Stadshuset',
    },
    host: cities[0]!,
    participants,
    withLogistics,
  };
}

const now = new Date('2035-08-01T10:00:00Z');
const skip = popplerMissing;

describe('participant list PDF', () => {
  it('is tagged, titled, in the reader’s language, with fonts embedded', async () => {
    const pdf = await bytes(await participantsPdf(i18nFor('da'), sampleList(3, false), now));
    expect(pdf.subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
    // The catalogue: marked, the language, the title in the window.
    const raw = pdf.toString('latin1');
    expect(raw).toContain('/Marked true');
    expect(raw).toContain('/Lang (da)');
    expect(raw).toContain('/DisplayDocTitle true');
    if (skip) return void console.warn(`skipped the poppler checks: ${skip}`);
    const info = pdfInfo(pdf);
    expect(info.Tagged).toBe('yes');
    expect(info.Pages).toBe('1');
    expect(info.Title).toBe('Deltagerliste – venskabsbymødet 2035 i Göteborg');
    expect(info['Page size']).toContain('595.28 x 841.89');
    const fonts = poppler('pdffonts', [], pdf);
    expect(fonts).toMatch(/Roboto-Regular\s+CID TrueType\s+Identity-H\s+yes\s+yes/);
    expect(fonts).toMatch(/Roboto-Medium\s+CID TrueType\s+Identity-H\s+yes\s+yes/);
    const text = poppler('pdftotext', ['-layout'], pdf);
    expect(text).toContain('Søren Ærø Åström 2');
    expect(text).toContain('Aarhus'); // the city's Danish name
    expect(text).not.toContain('Århus');
    expect(text).toContain('Ordfører');
    expect(text).toContain('Side 1 af 1');
  });

  it('has a structure tree in reading order: H1, P, Table → TR → TH (column) / TD', async () => {
    if (skip) return void console.warn(`skipped: ${skip}`);
    const pdf = await bytes(await participantsPdf(i18nFor('sv'), sampleList(2, false), now));
    const tree = structureTree(pdf);
    const row = (cell: string) => ['    TR', ...Array<string>(5).fill(`      ${cell}`)];
    expect(tree).toEqual([
      'Document',
      '  H1',
      '  P',
      '  Table',
      ...row('TH'),
      ...row('TD'),
      ...row('TD'),
    ]);
    const text = poppler('pdfinfo', ['-struct-text'], pdf);
    expect(text).toMatch(/H1 \(block\):?\s*\n\s*"Deltagarlista – vänortsmötet 2035 i Göteborg"/);
    expect(text).toMatch(/TH:\s*\n\s*\/Scope \/Column\s*\n\s*"Stad"/);
    expect(text).toContain('"Søren Ærø Åström 1"');
    expect(text).toContain('"Ordfører og leder av bystyrets utvalg for kultur og næring"');
    // The page number is an artifact: on the page, not in the tree.
    expect(poppler('pdftotext', [], pdf)).toContain('Sida 1 av 1');
    expect(text).not.toContain('Sida 1');
  });

  it('spreads a long list with logistics over landscape pages, headers repeated as artifacts', async () => {
    const started = performance.now();
    const pdf = await bytes(await participantsPdf(i18nFor('sv'), sampleList(400, true), now));
    const ms = performance.now() - started;
    expect(ms).toBeLessThan(3000);
    if (skip) return void console.warn(`skipped: ${skip}`);
    const info = pdfInfo(pdf);
    expect(info['Page size']).toContain('841.89 x 595.28');
    const pages = Number(info.Pages);
    expect(pages).toBeGreaterThan(5);
    const text = poppler('pdftotext', ['-layout'], pdf);
    expect(text).toContain(`Sida ${pages} av ${pages}`);
    expect(text).toContain('Søren Ærø Åström 400');
    expect(text).toContain('+46 70 000 399');
    // The header row is on every page, but in the tree once; every participant is one TR.
    expect(text.split('Kost och allergier').length - 1).toBe(pages);
    expect(text).toContain('Tillgänglighetsbehov'); // a header word is never broken
    const tree = structureTree(pdf);
    expect(tree.filter((t) => t.trim() === 'Table')).toHaveLength(1);
    expect(tree.filter((t) => t.trim() === 'TR')).toHaveLength(401);
    expect(tree.filter((t) => t.trim() === 'TH')).toHaveLength(9);
  });

  it('keeps a row with every field at its longest whole, on one page', async () => {
    const longest = sampleList(30, true);
    const word = (n: number, end: string) => `${'å'.repeat(n - end.length)}${end}`;
    longest.participants[29] = {
      ...longest.participants[29]!,
      name: word(200, 'SLUTNAMN'),
      title: word(200, 'SLUTTITEL'),
      affiliation: word(200, 'SLUTPARTI'),
      logistics: {
        dietaryNeeds: word(500, 'SLUTKOST'),
        accessNeeds: word(500, 'SLUTBEHOV'),
        travel: word(500, 'SLUTRESA'),
        phone: '+46 70 123 45 67 89 01 23 45 67 89 0',
      },
    };
    const pdf = await bytes(await participantsPdf(i18nFor('sv'), longest, now));
    if (skip) return void console.warn(`skipped: ${skip}`);
    const text = poppler('pdftotext', [], pdf).replace(/\s+/g, '');
    for (const end of ['SLUTNAMN', 'SLUTTITEL', 'SLUTPARTI', 'SLUTKOST', 'SLUTBEHOV', 'SLUTRESA'])
      expect(text).toContain(end);
    expect(text).not.toContain('…');
  });

  it('says so when nobody is registered', async () => {
    const pdf = await bytes(await participantsPdf(i18nFor('fi'), sampleList(0, false), now));
    if (skip) return void console.warn(`skipped: ${skip}`);
    expect(pdfInfo(pdf).Tagged).toBe('yes');
    const struct = poppler('pdfinfo', ['-struct-text'], pdf);
    expect(struct).toContain('"Osallistujia ei ole ilmoitettu."');
    expect(struct).not.toContain('Table');
    expect(poppler('pdftotext', [], pdf)).toContain('Sivu 1/1');
  });
});
