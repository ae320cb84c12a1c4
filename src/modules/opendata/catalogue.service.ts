import type { Db } from '../../db/database.ts';
import { cachedRead } from '../../platform/read-cache.ts';
import { getChain, latestCityChange, listCities } from '../cities/index.ts';
import {
  latestPublicCollaborationChange,
  latestPublicExchangeChange,
} from '../collaborations/index.ts';
import { latestDecisionChange } from '../decisions/index.ts';
import { listMeetings } from '../meetings/index.ts';
import { latestNewsChange } from '../news/index.ts';
import type { DatasetKey } from './datasets.ts';

async function latestMeetingChange(db: Db): Promise<string | null> {
  const chain = await getChain(db);
  if (!chain) return null;
  const meetings = await listMeetings(db, chain, await listCities(db));
  return meetings.reduce<string | null>((a, m) => (a && a > m.updatedAt ? a : m.updatedAt), null);
}

/** ISO instants as `xsd:dateTime` wants them (the stored ones already are; a date gets a time). */
function instant(value: string | null): string | null {
  if (!value) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/**
 * When each dataset's data last changed, or null when it has none yet. Six small queries,
 * kept until the next write to a public table (the `public` data generation, which every
 * table read here raises), so the harvested catalogue costs one query a request.
 */
export function datasetsModified(db: Db): Promise<Record<DatasetKey, string | null>> {
  return cachedRead(db.kysely, 'public', 'opendata:modified', () => readModified(db));
}

async function readModified(db: Db): Promise<Record<DatasetKey, string | null>> {
  const [cities, decisions, meetings, collaborations, exchanges, news] = await Promise.all([
    latestCityChange(db),
    latestDecisionChange(db.kysely),
    latestMeetingChange(db),
    latestPublicCollaborationChange(db.kysely),
    latestPublicExchangeChange(db.kysely),
    latestNewsChange(db.kysely),
  ]);
  return {
    cities: instant(cities),
    decisions: instant(decisions),
    meetings: instant(meetings),
    collaborations: instant(collaborations),
    exchanges: instant(exchanges),
    news: instant(news),
  };
}
