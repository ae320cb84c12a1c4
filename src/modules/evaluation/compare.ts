import type { Count, EvaluationFigures, EvaluationSections } from './evaluation.figures.ts';
import { SECTION_KEYS } from './evaluation.figures.ts';

/**
 * Comparing two approved versions (issue 15, point 4): what changed in each section's text
 * (a word diff, paragraph breaks kept) and in the figures (flattened to labelled numbers).
 * No diff package is installed; this is a plain longest-common-subsequence over words, with
 * a bound: texts too long for the table (more than MAX_CELLS word pairs) are compared
 * paragraph by paragraph instead (a changed paragraph is then marked whole).
 */

export type Part = { kind: 'same' | 'added' | 'removed'; text: string };

/** Word pairs the LCS table may hold (about 16 MB); beyond that, paragraphs are compared. */
export const MAX_CELLS = 4_000_000;

/** Words and the whitespace between them (each its own token, so spacing survives). */
export function tokenize(text: string): string[] {
  return text.split(/(\s+)/).filter((t) => t !== '');
}

/** The longest common subsequence of two token lists as parts, in order (callers bound the sizes). */
export function diffTokens(a: readonly string[], b: readonly string[]): Part[] {
  const n = a.length;
  const m = b.length;
  // lengths[i][j]: LCS length of a[i..] and b[j..], in one flat array.
  const width = m + 1;
  const lengths = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lengths[i * width + j] =
        a[i] === b[j]
          ? lengths[(i + 1) * width + j + 1]! + 1
          : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
  const parts: Part[] = [];
  const push = (kind: Part['kind'], text: string) => {
    const last = parts[parts.length - 1];
    if (last?.kind === kind) last.text += text;
    else parts.push({ kind, text });
  };
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      push('same', a[i]!);
      i++;
      j++;
    } else if (lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!)
      push('removed', a[i++]!);
    else push('added', b[j++]!);
  }
  while (i < n) push('removed', a[i++]!);
  while (j < m) push('added', b[j++]!);
  return parts;
}

/** The changes from one text to another: words marked, or (long texts) whole paragraphs. */
export function diffText(before: string, after: string): Part[] {
  if (before === after) return before === '' ? [] : [{ kind: 'same', text: before }];
  const a = tokenize(before);
  const b = tokenize(after);
  if ((a.length + 1) * (b.length + 1) <= MAX_CELLS) return diffTokens(a, b);
  // Too long for a word table: paragraphs as tokens (their count is far smaller).
  const split = (text: string) => text.split(/(\n\s*\n)/).filter((t) => t !== '');
  const pa = split(before);
  const pb = split(after);
  if ((pa.length + 1) * (pb.length + 1) <= MAX_CELLS) return diffTokens(pa, pb);
  return [
    { kind: 'removed', text: before },
    { kind: 'added', text: after },
  ];
}

export interface SectionChange {
  key: keyof EvaluationSections;
  changed: boolean;
  parts: Part[];
}

/** Each section of two versions, with its changes. */
export function compareSections(
  before: EvaluationSections,
  after: EvaluationSections,
): SectionChange[] {
  return SECTION_KEYS.map((key) => {
    const a = before[key] ?? '';
    const b = after[key] ?? '';
    return { key, changed: a !== b, parts: diffText(a, b) };
  });
}

/** One number of the figures: its place (a message key suffix) and, for a breakdown, its label. */
export interface FigureEntry {
  /** Stable id, e.g. `collaborations.byCity:bergen`. */
  id: string;
  /** The figure's kind, e.g. `collaborations.byCity` (the view names it). */
  path: string;
  /** The breakdown's label as stored with the figures (e.g. "Bergen"), or ''. */
  label: string;
  value: number;
}

export const FIGURE_PATHS = [
  'meetings',
  'collaborations.total',
  'collaborations.new',
  'collaborations.ongoing',
  'collaborations.finished',
  'collaborations.byCity',
  'collaborations.byArea',
  'collaborations.byOrganisation',
  'collaborations.byKind',
  'collaborations.byStatus',
  'exchanges.total',
  'exchanges.participants',
  'exchanges.byCity',
  'exchanges.byDirection',
  'campaigns',
  'decisions.total',
  'decisions.byKind',
  'news.published',
  'newsletters.sent',
  'newsletters.recipients',
  'flags',
] as const;
export type FigurePath = (typeof FIGURE_PATHS)[number];

/** The current period's figures as labelled numbers (older snapshots: missing parts are 0). */
export function flattenFigures(f: EvaluationFigures): FigureEntry[] {
  const c = f.current;
  const out: FigureEntry[] = [];
  const one = (path: FigurePath, value: number | undefined) =>
    out.push({ id: path, path, label: '', value: value ?? 0 });
  const many = (path: FigurePath, counts: readonly Count[] | undefined) => {
    for (const count of counts ?? [])
      out.push({ id: `${path}:${count.key}`, path, label: count.label, value: count.value });
  };
  one('meetings', c.meetings?.length);
  one('collaborations.total', c.collaborations?.total);
  one('collaborations.new', c.collaborations?.new);
  one('collaborations.ongoing', c.collaborations?.ongoing);
  one('collaborations.finished', c.collaborations?.finished);
  many('collaborations.byCity', c.collaborations?.byCity);
  many('collaborations.byArea', c.collaborations?.byArea);
  many('collaborations.byOrganisation', c.collaborations?.byOrganisation);
  many('collaborations.byKind', c.collaborations?.byKind);
  many('collaborations.byStatus', c.collaborations?.byStatus);
  one('exchanges.total', c.exchanges?.total);
  one('exchanges.participants', c.exchanges?.participants);
  many('exchanges.byCity', c.exchanges?.byCity);
  many('exchanges.byDirection', c.exchanges?.byDirection);
  one('campaigns', c.campaigns?.length);
  one('decisions.total', c.decisions?.total);
  many('decisions.byKind', c.decisions?.byKind);
  one('news.published', c.news?.published);
  one('newsletters.sent', c.newsletters?.sent);
  one('newsletters.recipients', c.newsletters?.recipients);
  one('flags', f.flags?.length);
  return out;
}

export interface FigureChange {
  id: string;
  path: string;
  label: string;
  before: number | null;
  after: number | null;
  changed: boolean;
}

/** Every figure of either version, old beside new, changed ones marked. */
export function compareFigures(
  before: EvaluationFigures,
  after: EvaluationFigures,
): FigureChange[] {
  const a = flattenFigures(before);
  const b = flattenFigures(after);
  const byId = new Map(a.map((e) => [e.id, e]));
  const out: FigureChange[] = b.map((e) => {
    const old = byId.get(e.id);
    byId.delete(e.id);
    return {
      id: e.id,
      path: e.path,
      label: e.label,
      before: old?.value ?? null,
      after: e.value,
      changed: old?.value !== e.value,
    };
  });
  // Breakdown lines only the older version had.
  for (const e of byId.values())
    out.push({
      id: e.id,
      path: e.path,
      label: e.label,
      before: e.value,
      after: null,
      changed: true,
    });
  const order = (path: string) => FIGURE_PATHS.indexOf(path as FigurePath);
  return out.sort((x, y) => order(x.path) - order(y.path));
}
