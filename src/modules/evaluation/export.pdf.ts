import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { AppError } from '../../shared/errors.ts';
import { evaluationErrors } from './errors.ts';

/**
 * The report as a tagged PDF, printed by headless Chromium through playwright-core from the
 * standalone HTML (decision 027): `page.pdf({ tagged: true, outline: true })` gives a
 * structure tree, bookmarks from the headings, and the document's `lang` as its language.
 *
 * Bounded: one browser at a time in this process (a queue of at most `MAX_WAITING` more; a
 * further request is refused with 503 PDF_UNAVAILABLE rather than piling up browsers), each
 * print within the configured timeout, the browser closed afterwards whatever happened, no
 * script and no network in the page.
 */

/** The Chromium launch flags of stack-notes.md. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const MAX_WAITING = 4;

export interface PdfSettings {
  chromiumPath: string;
  timeoutMs: number;
}

/** Whether the PDF can be printed here (the PDF button says so when not). */
export function pdfAvailable(settings: PdfSettings): boolean {
  return existsSync(settings.chromiumPath);
}

let running: Promise<unknown> = Promise.resolve();
let waiting = 0;

/** Runs `task` when the browser slot is free; refuses when too many are waiting. */
async function oneAtATime<T>(task: () => Promise<T>): Promise<T> {
  if (waiting >= MAX_WAITING) throw evaluationErrors.pdfUnavailable('busy');
  waiting++;
  const previous = running;
  let release!: () => void;
  running = new Promise<void>((resolve) => (release = resolve));
  try {
    await previous.catch(() => {});
    waiting--;
    return await task();
  } finally {
    release();
  }
}

function withTimeout<T>(work: Promise<T>, ms: number, onTimeout: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout();
      reject(new Error(`PDF printing took longer than ${ms} ms`));
    }, ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Runs `work` with a fresh page of a fresh browser (no script, no network), then closes it. */
async function withPage<T>(settings: PdfSettings, work: (page: Page) => Promise<T>): Promise<T> {
  if (!pdfAvailable(settings)) throw evaluationErrors.pdfUnavailable('no-browser');
  return oneAtATime(async () => {
    const { chromium } = await import('playwright-core');
    let browser: Awaited<ReturnType<typeof chromium.launch>> | undefined;
    try {
      return await withTimeout(
        (async () => {
          browser = await chromium.launch({
            executablePath: settings.chromiumPath,
            args: CHROMIUM_ARGS,
            headless: true,
            timeout: settings.timeoutMs,
          });
          const context = await browser.newContext({
            javaScriptEnabled: false,
            deviceScaleFactor: 2,
          });
          const page = await context.newPage();
          // The documents are self-contained: nothing may be fetched.
          await page.route('**/*', (route) => route.abort());
          return await work(page);
        })(),
        settings.timeoutMs,
        () => void browser?.close().catch(() => {}),
      );
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw Object.assign(evaluationErrors.pdfUnavailable('failed'), { cause: error });
    } finally {
      await browser?.close().catch(() => {});
    }
  });
}

/** Prints a standalone HTML document to a tagged PDF with an outline (bookmarks). */
export function printPdf(html: string, settings: PdfSettings): Promise<Buffer> {
  return withPage(settings, async (page) => {
    await page.setContent(html, { waitUntil: 'load', timeout: settings.timeoutMs });
    return page.pdf({
      format: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      tagged: true,
      outline: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate:
        '<div style="font-size:8pt;width:100%;text-align:center;color:#4a4a4a">' +
        '<span class="pageNumber"></span> / <span class="totalPages"></span></div>',
      margin: { top: '18mm', bottom: '20mm', left: '16mm', right: '16mm' },
    });
  });
}

/**
 * Rasters SVG charts to PNG for the Word export (Word needs a raster beside SVG), in one
 * browser: each image with its size in CSS pixels (drawn at twice that for sharpness).
 */
export function rasterSvgs(
  svgs: readonly string[],
  settings: PdfSettings,
): Promise<{ png: Buffer; width: number; height: number }[]> {
  return withPage(settings, async (page) => {
    await page.setViewportSize({ width: 800, height: 600 });
    const out: { png: Buffer; width: number; height: number }[] = [];
    for (const svg of svgs) {
      await page.setContent(
        '<!doctype html><html><head><style>body{margin:0;background:#fff}' +
          '#c{width:560px}#c svg{width:560px;height:auto;display:block}</style></head>' +
          `<body><div id="c">${svg}</div></body></html>`,
        { waitUntil: 'load', timeout: settings.timeoutMs },
      );
      const element = page.locator('#c svg');
      const box = await element.boundingBox();
      const png = await element.screenshot({ type: 'png', scale: 'device' });
      out.push({
        png,
        width: Math.round(box?.width ?? 560),
        height: Math.round(box?.height ?? 300),
      });
    }
    return out;
  });
}
