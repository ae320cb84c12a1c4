import type { Executor } from '../../db/database.ts';
import { i18nFor } from '../../platform/i18n/i18n.ts';
import { nowIso } from '../../shared/dates.ts';
import { citiesForFigures, type CityLabel } from '../cities/index.ts';
import {
  campaignsOfPeriod,
  citiesActiveInCollaborations,
  collaborationsOfPeriod,
  exchangesOfPeriod,
  organisationsNeverAnswering,
  type KeyCount,
} from '../collaborations/index.ts';
import { decisionsOfPeriod } from '../decisions/index.ts';
import {
  citiesActiveInMeetings,
  longOpenActions,
  meetingsOfPeriod,
  rotationP3,
} from '../meetings/index.ts';
import { countPublishedNews } from '../news/index.ts';
import { newslettersOfPeriod } from '../newsletter/index.ts';
import type {
  Count,
  EvaluationFigures,
  Flag,
  PeriodFigures,
  PeriodRange,
} from './evaluation.figures.ts';
import { addDays, addMonths } from './period.ts';

// The figures of an evaluation compiled from the records (issue 15, point 2; decision 026):
// every part is counted by the module that owns it (through its index.ts, in SQL), here
// only put together, labelled in Swedish (the report's language) and checked for flags.

/** How long without activity makes a twin city a flag, and an open follow-up one: one cycle. */
export const FLAG_YEARS = 2;
/** The longest text of a follow-up quoted in its flag. */
const QUOTE = 120;

/**
 * The figures for `period`, beside those of `previous` (when given), and the flags as of the
 * period's last day. Read-only; run it in a transaction when the figures must be consistent
 * with a write (the approval's snapshot).
 */
export async function compileFigures(
  db: Executor,
  input: { chainId: string; period: PeriodRange; previous: PeriodRange | null },
): Promise<EvaluationFigures> {
  const registry = await citiesForFigures(db, input.chainId);
  if (!registry) throw new Error(`compileFigures: no chain ${input.chainId}`);
  const labels = new Labels(registry.cities);
  const twinIds = registry.chain.members
    .map((m) => labels.city(m.cityId))
    .filter((c): c is CityLabel => c !== undefined && c.kind !== 'home')
    .map((c) => c.id);
  const current = await periodFigures(db, input.chainId, input.period, labels, twinIds);
  const previous = input.previous
    ? await periodFigures(db, input.chainId, input.previous, labels, twinIds)
    : null;
  const flags = await compileFlags(db, registry, labels, input.period);
  return { compiledAt: nowIso(), current, previous, flags };
}

/** Names in Swedish: cities by id, stored values through the Swedish catalogue. */
class Labels {
  readonly #cities: Map<string, CityLabel>;
  readonly #sv = i18nFor('sv');
  constructor(cities: readonly CityLabel[]) {
    this.#cities = new Map(cities.map((c) => [c.id, c]));
  }
  city(id: string): CityLabel | undefined {
    return this.#cities.get(id);
  }
  cityCount(id: string, value: number): Count {
    const c = this.#cities.get(id);
    return { key: c?.slug ?? id, label: c?.nameSv ?? id, value };
  }
  /** A stored value's Swedish label by its message key; the value itself when none. */
  message(prefix: string, value: string): string {
    const key = `${prefix}.${value}`;
    const text = this.#sv.tDynamic(key);
    return text === key ? value : text;
  }
}

/** Most first, then by label (Swedish order): the order of every breakdown. */
export function byValue(a: Count, b: Count): number {
  return b.value - a.value || a.label.localeCompare(b.label, 'sv') || a.key.localeCompare(b.key);
}

const named = (rows: readonly KeyCount[]): Count[] =>
  rows.map((r) => ({ key: r.key, label: r.label ?? r.key, value: r.count })).sort(byValue);

const enumCounts = (labels: Labels, prefix: string, rows: readonly KeyCount[]): Count[] =>
  rows
    .map((r) => ({ key: r.key, label: labels.message(prefix, r.key), value: r.count }))
    .sort(byValue);

/**
 * Counts per city, with every twin city of the chain present (zero when it had none) so the
 * cities stand side by side; other cities (partners) only when they have a count.
 */
function cityCounts(labels: Labels, twinIds: readonly string[], rows: readonly KeyCount[]) {
  const counts = new Map(rows.map((r) => [r.key, r.count]));
  for (const id of twinIds) if (!counts.has(id)) counts.set(id, 0);
  return [...counts].map(([id, value]) => labels.cityCount(id, value)).sort(byValue);
}

async function periodFigures(
  db: Executor,
  chainId: string,
  period: PeriodRange,
  labels: Labels,
  twinIds: readonly string[],
): Promise<PeriodFigures> {
  const [meetings, collaborations, exchanges, campaigns, decisions, news, newsletters] =
    await Promise.all([
      meetingsOfPeriod(db, chainId, period),
      collaborationsOfPeriod(db, period),
      exchangesOfPeriod(db, period),
      campaignsOfPeriod(db, period),
      decisionsOfPeriod(db, period),
      countPublishedNews(db, {
        since: `${period.start}T00:00:00.000Z`,
        until: `${addDays(period.end, 1)}T00:00:00.000Z`,
      }),
      newslettersOfPeriod(db, period),
    ]);
  return {
    period: { start: period.start, end: period.end },
    meetings: meetings.map((m) => ({
      id: m.id,
      year: m.year,
      hostCityId: m.hostCityId,
      hostName: labels.city(m.hostCityId)?.nameSv ?? m.hostCityId,
      theme: m.theme,
      status: m.status,
      programmeItems: m.programmeItems,
      seminars: m.seminars,
      delegates: m.delegates,
      delegatesByCity: m.delegatesByCity
        .map((c) => labels.cityCount(c.cityId, c.count))
        .sort(byValue),
      delegatesByRole: m.delegatesByRole.map((r) => ({
        key: r.role,
        label: labels.message('evaluation.figures.role', r.role),
        value: r.count,
      })),
      outcomes: m.outcomes,
      followUps: m.followUps,
      followUpsClosed: m.followUpsClosed,
    })),
    collaborations: {
      total: collaborations.total,
      new: collaborations.started,
      ongoing: collaborations.ongoing,
      finished: collaborations.finished,
      byCity: cityCounts(labels, twinIds, collaborations.byCity),
      byArea: named(collaborations.byArea),
      byOrganisation: named(collaborations.byOrganisation),
      byKind: enumCounts(labels, 'collab.kind', collaborations.byKind),
      byStatus: enumCounts(labels, 'collab.status', collaborations.byStatus),
    },
    exchanges: {
      total: exchanges.total,
      participants: exchanges.participants,
      byCity: cityCounts(labels, twinIds, exchanges.byCity),
      byDirection: enumCounts(labels, 'collab.direction', exchanges.byDirection),
    },
    campaigns: campaigns.map((c) => ({
      id: c.id,
      title: c.title,
      deadline: c.deadline,
      status: c.status,
      asked: c.asked,
      answered: c.answered,
      missing: c.missing,
    })),
    decisions: {
      total: decisions.total,
      byKind: enumCounts(
        labels,
        'decisions.body',
        decisions.byBody.map((b) => ({ key: b.body, count: b.count })),
      ),
      items: decisions.items.map((d) => ({
        id: d.id,
        decidedOn: d.meetingDate,
        title: d.title,
        kind: d.body,
      })),
    },
    news: { published: news },
    newsletters,
  };
}

/**
 * The flags as of the period's last day: twin cities without activity for two years,
 * organisations that never answered a campaign, follow-ups open for more than a cycle, and a
 * rotation that no longer gives Gothenburg every eighth year (P3).
 */
async function compileFlags(
  db: Executor,
  registry: NonNullable<Awaited<ReturnType<typeof citiesForFigures>>>,
  labels: Labels,
  period: PeriodRange,
): Promise<Flag[]> {
  const asOf = period.end;
  const cycleStart = addDays(addMonths(asOf, -12 * FLAG_YEARS), 1);
  const chainId = registry.chain.id;
  const members = registry.chain.members
    .map((m) => labels.city(m.cityId))
    .filter((c): c is CityLabel => c !== undefined);
  const home = members.find((c) => c.kind === 'home');
  const twins = members.filter((c) => c.kind !== 'home' && c.status !== 'ended');
  const window = { start: cycleStart, end: asOf };
  const [inRecords, inMeetings, silent, openActions, p3] = await Promise.all([
    citiesActiveInCollaborations(db, window),
    citiesActiveInMeetings(db, chainId, cycleStart, asOf),
    organisationsNeverAnswering(db, asOf),
    longOpenActions(db, chainId, asOf, addMonths(asOf, -12 * FLAG_YEARS)),
    home ? rotationP3(db, registry.chain, home.id, Number(asOf.slice(0, 4))) : null,
  ]);
  const active = new Set([...inRecords, ...inMeetings]);
  const flags: Flag[] = [];
  for (const city of twins)
    if (!active.has(city.id))
      flags.push({
        kind: 'city-inactive',
        subject: city.slug,
        params: { city: city.nameSv, since: cycleStart, years: FLAG_YEARS },
        href: `/workspace/cities/${city.slug}`,
      });
  for (const org of silent)
    flags.push({
      kind: 'organisation-never-reported',
      subject: org.slug,
      params: { organisation: org.name, asked: org.asked },
      href: '/workspace/campaigns',
    });
  for (const action of openActions)
    flags.push({
      kind: 'follow-up-open',
      subject: action.id,
      params: {
        year: action.year,
        since: action.since,
        text:
          action.text.length > QUOTE
            ? `${action.text.slice(0, QUOTE - 1).trimEnd()}…`
            : action.text,
      },
      href: `/workspace/meetings/${action.meetingId}/outcomes`,
    });
  if (p3 && !p3.ok)
    flags.push({
      kind: 'rotation-broken',
      subject: registry.chain.slug,
      params: {
        required: p3.requiredYears,
        cycle: p3.cycleYears,
        forecast: p3.forecastYears ?? p3.cycleYears,
      },
      href: '/workspace/rotation',
    });
  return flags;
}
