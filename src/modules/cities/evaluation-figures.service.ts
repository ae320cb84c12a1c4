import type { Executor } from '../../db/database.ts';
import * as repo from './evaluation-figures.repository.ts';
import { listChainMembers } from './city.repository.ts';

/** A city as the evaluation's figures name it: by its Swedish name (the report's language). */
export interface CityLabel {
  id: string;
  slug: string;
  kind: string;
  status: string;
  nameSv: string;
}

/** A chain's members in their order, with its interval (the rotation's input). */
export interface ChainForFigures {
  id: string;
  slug: string;
  intervalYears: number;
  members: { cityId: string; position: number }[];
}

/**
 * Every city with its Swedish name, and the chain, read inside the caller's transaction
 * (the evaluation compiles its figures within one). Null when the chain does not exist.
 */
export async function citiesForFigures(
  db: Executor,
  chainId: string,
): Promise<{ cities: CityLabel[]; chain: ChainForFigures } | null> {
  const [rows, chain, members] = await Promise.all([
    repo.listCityLabels(db),
    repo.findChainById(db, chainId),
    listChainMembers(db, chainId),
  ]);
  if (!chain) return null;
  return {
    cities: rows.map((r) => ({
      id: r.id,
      slug: r.slug,
      kind: r.kind,
      status: r.status,
      nameSv: r.name ?? r.slug,
    })),
    chain: {
      id: chain.id,
      slug: chain.slug,
      intervalYears: chain.interval_years,
      members: members.map((m) => ({ cityId: m.city_id, position: m.position })),
    },
  };
}
