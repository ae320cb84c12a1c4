export interface AreaTable {
  id: string;
  slug: string;
  name_sv: string;
  name_en: string;
  position: number;
  active: number;
  created_at: string;
  updated_at: string;
}

/** The columns of a record that reporters submit and coordinators review (review_event). */
interface ReviewedRecordColumns {
  visibility: string; // public | internal
  review_state: string; // draft | submitted | returned | acknowledged
  review_comment: string | null;
  reviewed_by: string | null;
  reviewed_at: string | null;
  submitted_at: string | null;
  published_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface CollaborationTable extends ReviewedRecordColumns {
  id: string;
  organisation_id: string;
  title: string;
  kind: string; // project | network | knowledge_exchange | study_visit | staff_exchange | other
  status: string; // planned | ongoing | completed | cancelled
  starts_on: string;
  ends_on: string | null;
  goals: string | null;
  results: string | null;
  contact_name: string | null;
  contact_email: string | null;
  funding_kind: string | null; // own_budget | eu_programme | other
  funding_programme: string | null;
  funding_amount: number | null;
  strategy_tags: string; // comma-separated
}

export interface CollaborationCityTable {
  collaboration_id: string;
  city_id: string;
}

export interface CollaborationAreaTable {
  collaboration_id: string;
  area_id: string;
}

export interface ExchangeTable extends ReviewedRecordColumns {
  id: string;
  organisation_id: string;
  collaboration_id: string | null;
  city_id: string;
  occurred_on: string;
  direction: string; // visit_to | visit_from | digital
  participants: number;
  activities: string;
  learnings: string | null;
}

export interface ReviewEventTable {
  id: string;
  entity: string; // collaboration | exchange
  entity_id: string;
  action: string; // submitted | returned | acknowledged
  comment: string | null;
  actor_user_id: string | null;
  created_at: string;
}

export interface CampaignTable {
  id: string;
  title: string;
  period_from: string;
  period_to: string;
  deadline: string;
  message: string | null;
  status: string; // open | closed
  created_by: string | null;
  created_at: string;
  closed_at: string | null;
  closed_by: string | null;
}

export interface CampaignOrganisationTable {
  campaign_id: string;
  organisation_id: string;
  answer: string | null; // confirmed | no_activity
  comment: string | null;
  answered_at: string | null;
  answered_by: string | null;
  snapshot: string | null;
  reminded_at: string | null;
  overdue_reminded_at: string | null;
}

export interface ImportJobTable {
  id: string;
  kind: string; // collaboration | exchange
  organisation_id: string | null;
  filename: string;
  content_type: string;
  data: Buffer;
  mapping: string | null;
  status: string; // uploaded | checked | importing | done | failed | discarded
  total_rows: number | null;
  processed_rows: number;
  valid_rows: number | null;
  imported_rows: number | null;
  problems: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** The knowledge bank's documents; the full-text index follows them (triggers / generated column). */
export interface SearchDocumentTable {
  id: string;
  entity: string;
  organisation_id: string;
  year: number;
  visibility: string;
  title: string;
  body: string;
  /** Filter tokens: "c" + city id and "a" + area id, hyphens dropped, space-separated. */
  facets: string;
}

declare module '../../db/database.ts' {
  interface Database {
    area: AreaTable;
    collaboration: CollaborationTable;
    collaboration_city: CollaborationCityTable;
    collaboration_area: CollaborationAreaTable;
    exchange: ExchangeTable;
    review_event: ReviewEventTable;
    campaign: CampaignTable;
    campaign_organisation: CampaignOrganisationTable;
    import_job: ImportJobTable;
    search_document: SearchDocumentTable;
  }
}
