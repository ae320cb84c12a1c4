import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/config.ts';
import { pdfInfo, poppler, popplerMissing } from '../../../test/helpers/poppler.ts';
import { browserAvailable } from '../../../test/helpers/browser.ts';
import { reportDocx } from './export.docx.ts';
import { reportHtml } from './export.html.tsx';
import { printPdf } from './export.pdf.ts';
import { sampleFigures, SAMPLE_SECTIONS } from './report.demo.ts';
import type { ReportVersion } from './report.service.ts';

/**
 * The exports read back by tools nobody here wrote: the Word file as the zip it is (its
 * XML), the PDF with poppler (pdfinfo, pdftotext). The documents are made from a report
 * version as the routes make them; the routes themselves are report.test.ts's (both
 * databases) and the browser test's (downloads).
 */

const REPORT: ReportVersion = {
  evaluationId: 'e1',
  number: 2,
  title: 'Utvärdering efter vänortsmötet i Göteborg 2027',
  period: { start: '2019-11-16', end: '2027-09-16' },
  sections: {
    ...SAMPLE_SECTIONS,
    recommendations: 'Bjud in näringslivet & föreningslivet <tidigt>.\nFölj upp i Åbo.',
  },
  figures: sampleFigures(),
  approvedBy: null,
  approvedAt: '2027-12-01T09:00:00.000Z',
  publishedAt: null,
};

const config = loadConfig({ NODE_ENV: 'test' });
const NO_BROWSER = { chromiumPath: '/nonexistent/chromium', timeoutMs: 5000 };
const hasBrowser = browserAvailable();

describe('the report as a standalone HTML document', () => {
  it('is Swedish, marks the English summary, escapes the text and needs nothing else', () => {
    const html = reportHtml(REPORT, { printedAt: '2027-12-02' });
    expect(html.startsWith('<!doctype html><html lang="sv">')).toBe(true);
    expect(html).toContain('<title>Utvärdering efter vänortsmötet i Göteborg 2027</title>');
    expect(html).toContain('<h1>Utvärdering efter vänortsmötet i Göteborg 2027</h1>');
    expect(html).toContain('<h2 id="report-summaryEn">Sammanfattning på engelska</h2>');
    expect(html).toContain('<div class="report-text" lang="en">');
    expect(html).toContain('näringslivet &amp; föreningslivet &lt;tidigt>.<br/>Följ upp i Åbo.');
    expect(html).not.toMatch(/<script|<link |src="http|href="\/static/);
  });
});

describe('the report as Word', () => {
  async function read(docx: Buffer) {
    const zip = await JSZip.loadAsync(docx);
    const text = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
    return {
      files: Object.keys(zip.files),
      document: await text('word/document.xml'),
      core: await text('docProps/core.xml'),
      styles: await text('word/styles.xml'),
    };
  }

  it('has heading styles, repeated table headers, the text, Swedish, and its title', async () => {
    const docx = await reportDocx(REPORT, NO_BROWSER, { printedAt: '2027-12-02' });
    const { document, core, styles } = await read(docx);
    const headings = [...document.matchAll(/<w:pStyle w:val="(Heading\d)"\/>/g)].map((m) => m[1]);
    expect(headings[0]).toBe('Heading1');
    expect(headings.filter((h) => h === 'Heading2')).toHaveLength(6); // five sections + figures
    expect(headings).toContain('Heading3');
    // Every table's first row is a header row Word repeats on each page.
    const tables = document.split('<w:tbl>').slice(1);
    expect(tables.length).toBeGreaterThanOrEqual(4);
    for (const table of tables) {
      const firstRow = table.slice(table.indexOf('<w:tr>'), table.indexOf('</w:tr>'));
      expect(firstRow).toContain('<w:tblHeader/>');
    }
    expect(document).toContain('Göteborg stod värd för vänortsmötet i november 2019.');
    expect(document).toContain('Gothenburg hosted the twin-city meeting');
    expect(document).toContain('näringslivet &amp; föreningslivet &lt;tidigt&gt;.');
    expect(document).toContain('<w:lang w:val="en-GB"/>');
    expect(styles).toContain('<w:lang w:val="sv-SE"/>');
    expect(core).toContain('<dc:title>Utvärdering efter vänortsmötet i Göteborg 2027</dc:title>');
    // Without a browser, no chart images: the tables, and a sentence saying where the charts are.
    expect(document).not.toContain('<pic:pic');
    expect(document).toContain('Diagrammen finns i rapportens webbsida och PDF');
    expect(document).toContain('>212<'); // participants in exchanges
  });

  it.skipIf(!hasBrowser)('with Chromium: the charts as images with alt text', async () => {
    const docx = await reportDocx(REPORT, config.pdf, { printedAt: '2027-12-02' });
    const { files, document } = await read(docx);
    expect(files.filter((f) => f.startsWith('word/media/') && f.endsWith('.png'))).toHaveLength(3);
    const descriptions = [...document.matchAll(/<wp:docPr [^>]*descr="([^"]+)"/g)].map((m) => m[1]);
    expect(descriptions).toEqual([
      'Stapeldiagram: Samarbeten per vänort, 3 staplar. Störst är Aarhus med 10. Siffrorna står i tabellen under diagrammet.',
      'Stapeldiagram: Samarbeten per område, 4 staplar. Störst är Kultur med 9. Siffrorna står i tabellen under diagrammet.',
      'Stapeldiagram: Erfarenhetsutbyten per vänort, 3 staplar. Störst är Aarhus med 5. Siffrorna står i tabellen under diagrammet.',
    ]);
    expect(document).not.toContain('Diagrammen finns i rapportens webbsida och PDF');
  });
});

describe.skipIf(!hasBrowser || popplerMissing !== null)('the report as PDF', () => {
  it('is tagged, has bookmarks and the language, and reads the headings and figures', async () => {
    const pdf = await printPdf(reportHtml(REPORT, { printedAt: '2027-12-02' }), config.pdf);
    const info = pdfInfo(pdf);
    expect(info.Tagged).toBe('yes');
    expect(info.Title).toBe('Utvärdering efter vänortsmötet i Göteborg 2027');
    expect(info['Page size']).toContain('A4');
    const raw = pdf.toString('latin1');
    expect(raw).toContain('/Outlines');
    expect(raw).toMatch(/\/Lang \(sv\)/);
    const text = poppler('pdftotext', ['-layout'], pdf);
    for (const heading of [
      'Sammanfattning',
      'Sammanfattning på engelska',
      'Analys',
      'Slutsatser',
      'Rekommendationer',
      'Siffror ur registren',
    ]) {
      expect(text).toContain(heading);
    }
    expect(text).toMatch(/Deltagare i utbyten\s+212\s+131/);
    expect(text).toMatch(/Samarbeten under perioden\s+27\s+19/);
    expect(text).toContain('Följ upp i Åbo.');
  });
});

describe('the PDF without a browser', () => {
  it('refuses clearly when there is no browser (503 PDF_UNAVAILABLE)', async () => {
    await expect(printPdf('<html lang="sv"></html>', NO_BROWSER)).rejects.toMatchObject({
      code: 'PDF_UNAVAILABLE',
      status: 503,
    });
  });
});
