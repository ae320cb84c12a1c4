import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Poppler's command-line tools (Debian's poppler-utils: pdfinfo, pdftotext, pdffonts) check
 * the PDFs we write with a reader nobody here wrote. Outside CI a machine without them skips
 * those checks with this reason (null: they are there); in CI (CI=true) a missing poppler is
 * a failure, like a missing browser.
 */
export const popplerMissing: string | null = (() => {
  try {
    execFileSync('pdfinfo', ['-v'], { stdio: 'ignore' });
    return null;
  } catch {
    const message =
      'poppler-utils (pdfinfo, pdftotext, pdffonts) is not installed: apt-get install -y poppler-utils.';
    if (process.env.CI === 'true') throw new Error(`${message} CI=true: the PDF checks must run.`);
    return message;
  }
})();

/** Runs a poppler tool on a PDF (pdftotext writes to stdout); its output. */
export function poppler(
  tool: 'pdfinfo' | 'pdftotext' | 'pdffonts',
  args: string[],
  pdf: Buffer,
): string {
  const dir = mkdtempSync(join(tmpdir(), 'vanort-pdf-'));
  try {
    const file = join(dir, 'a.pdf');
    writeFileSync(file, pdf);
    return execFileSync(tool, [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `pdfinfo` as a record: `Tagged` → `yes`, `Pages` → `3`, `Title` → … */
export function pdfInfo(pdf: Buffer): Record<string, string> {
  const info: Record<string, string> = {};
  for (const line of poppler('pdfinfo', [], pdf).split('\n')) {
    const at = line.indexOf(':');
    if (at > 0) info[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return info;
}

/** The element types of `pdfinfo -struct` in document order, indented by depth: `    TR`. */
export function structureTree(pdf: Buffer): string[] {
  return poppler('pdfinfo', ['-struct'], pdf)
    .split('\n')
    .map((line) => /^(\s*)([A-Za-z][A-Za-z0-9]*)/.exec(line))
    .filter((match) => match !== null)
    .map((match) => `${match[1]}${match[2]}`);
}
