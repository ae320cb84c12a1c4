export interface DecisionDocumentTable {
  id: string;
  filename: string;
  content_type: string;
  size: number;
  sha256: string;
  data: Buffer;
  created_at: string;
}

export interface CouncilDecisionTable {
  id: string;
  body: string; // KF | KS | KF presidium
  meeting_date: string; // plain date
  section: string | null; // § number
  case_number: string | null;
  title: string;
  outcome: string; // approved | rejected
  link: string | null;
  document_id: string | null;
  final_on: string | null; // plain date
  historical: number; // 1 | 0
  supersedes_id: string | null;
  proposal_id: string | null;
  recorded_by: string | null;
  created_at: string;
  /** Public records (migration 0020, the records module): secret (1) or public (0). */
  secret?: number;
  /** The ground for secrecy when secret, e.g. "OSL 21 kap. 7 §". */
  secrecy_ground?: string | null;
  /** A code of the classification plan, e.g. "1.4.2". */
  classification?: string | null;
}

export interface ProposalTable {
  id: string;
  kind: string; // establish_twin | activate_partner | make_dormant | end_relation
  city_id: string;
  title: string;
  justification: string;
  status: string; // draft | sent | approved | rejected | withdrawn
  decision_id: string | null;
  created_by: string | null;
  created_at: string;
  sent_at: string | null;
  decided_at: string | null;
}

export interface CityStatusChangeTable {
  id: string;
  city_id: string;
  changed_on: string; // plain date
  from_status: string | null;
  to_status: string;
  from_kind: string | null;
  to_kind: string;
  decision_id: string | null;
  note: string | null;
  created_at: string;
}

declare module '../../db/database.ts' {
  interface Database {
    decision_document: DecisionDocumentTable;
    council_decision: CouncilDecisionTable;
    proposal: ProposalTable;
    city_status_change: CityStatusChangeTable;
  }
}
