import type { Generated } from 'kysely';

export interface CityTable {
  id: string;
  slug: string;
  kind: string; // home | twin | partner
  status: string; // proposed | active | dormant | ended
  country_code: string;
  region: string | null;
  latitude: number | null;
  longitude: number | null;
  population: number | null;
  website: string | null;
  since_year: number | null;
  contact_name: Generated<string | null>;
  contact_email: Generated<string | null>;
  created_at: string;
  updated_at: string;
}

export interface CityTranslationTable {
  city_id: string;
  lang: string;
  name: string;
  description: string | null;
}

/** A partner contact's suggested change to their city, and its review (decision 036). */
export interface CitySuggestionTable {
  id: string;
  city_id: string;
  status: string; // pending | returned | approved
  /** JSON: { [form field]: { before: string; after: string } }. */
  changes: string;
  comment: string | null;
  submitted_by: string | null;
  submitted_at: string;
  reviewed_by: string | null;
  reviewed_at: string | null;
  updated_at: string;
}

export interface ChainTable {
  id: string;
  slug: string;
  interval_years: number;
  since_year: number;
  created_at: string;
}

export interface ChainMemberTable {
  chain_id: string;
  city_id: string;
  position: number;
}

declare module '../../db/database.ts' {
  interface Database {
    city: CityTable;
    city_translation: CityTranslationTable;
    city_suggestion: CitySuggestionTable;
    chain: ChainTable;
    chain_member: ChainMemberTable;
  }
}
