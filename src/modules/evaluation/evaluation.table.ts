/** An evaluation after a Gothenburg-hosted meeting, or started by hand (migration 0017, P10). */
export interface EvaluationTable {
  id: string;
  chain_id: string;
  /** The meeting it follows; null when a coordinator started it by hand. */
  meeting_id: string | null;
  title: string;
  /** The period of the figures, plain dates, both days included. */
  period_start: string;
  period_end: string;
  due_on: string;
  status: string; // draft | in_review | approved
  summary: string;
  analysis: string;
  conclusions: string;
  recommendations: string;
  summary_en: string;
  /** The latest approved version's number (0: never approved). */
  approved_version: number;
  reminder_before_sent_at: string | null;
  reminder_after_sent_at: string | null;
  created_by: string | null;
  updated_by: string | null;
  created_at: string;
  updated_at: string;
  /** The case number (diarienummer) of the report (migration 0020). */
  case_number?: string | null;
  /** Public records (migration 0020, the records module): secret (1) or public (0). */
  secret?: number;
  /** The ground for secrecy when secret, e.g. "OSL 21 kap. 7 §". */
  secrecy_ground?: string | null;
  /** A code of the classification plan, e.g. "1.4.2". */
  classification?: string | null;
}

/** A coordinator who owns (writes) an evaluation. */
export interface EvaluationOwnerTable {
  evaluation_id: string;
  user_id: string;
}

/** A review comment (the second coordinator's, or an owner's answer). */
export interface EvaluationCommentTable {
  id: string;
  evaluation_id: string;
  author_id: string | null;
  body: string;
  created_at: string;
}

/** An approved version: text and figures frozen; published ones are the public reports. */
export interface EvaluationVersionTable {
  id: string;
  evaluation_id: string;
  number: number;
  title: string;
  period_start: string;
  period_end: string;
  /** JSON of EvaluationSections. */
  sections_json: string;
  /** JSON of EvaluationFigures. */
  figures_json: string;
  approved_by: string | null;
  approved_at: string;
  published_at: string | null;
  published_by: string | null;
}

declare module '../../db/database.ts' {
  interface Database {
    evaluation: EvaluationTable;
    evaluation_owner: EvaluationOwnerTable;
    evaluation_comment: EvaluationCommentTable;
    evaluation_version: EvaluationVersionTable;
  }
}
