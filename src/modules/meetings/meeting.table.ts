import type { Generated } from 'kysely';

export interface MeetingTable {
  id: string;
  chain_id: string;
  year: number;
  host_city_id: string;
  start_date: string | null; // plain date YYYY-MM-DD
  end_date: string | null;
  venue: string | null;
  theme: string | null;
  status: string; // forecast | planned | confirmed | held | postponed | cancelled
  created_at: string;
  updated_at: string;
  status_reason: Generated<string | null>; // why postponed or cancelled
  original_year: Generated<number | null>; // the year first planned, when postponed
  updated_by: Generated<string | null>;
}

export interface RotationAdjustmentTable {
  id: string;
  chain_id: string;
  kind: string; // swap | skip
  year: number;
  city_id: string;
  other_city_id: string | null;
  reason: string;
  created_by: string | null;
  created_at: string;
}

export interface MeetingProgrammeItemTable {
  id: string;
  meeting_id: string;
  day: string; // plain date
  starts_at: string; // HH:MM
  ends_at: string;
  kind: string; // plenary | seminar | study_visit | social
  title: string;
  location: string | null;
  description: string | null;
  created_at: string;
  updated_at: string;
}

export interface MeetingSeminarTable {
  id: string;
  meeting_id: string;
  programme_item_id: string | null;
  title: string;
  topic_area: string | null;
  speakers: string | null;
  description: string | null;
  created_at: string;
  updated_at: string;
}

export interface MeetingDocumentTable {
  id: string;
  meeting_id: string;
  kind: string; // agenda | minutes | presentation | other
  title: string;
  filename: string;
  content_type: string;
  size: number;
  sha256: string;
  data: Buffer;
  visibility: string; // public | internal
  created_by: string | null;
  created_at: string;
  /** The case number (diarienummer) of the document (migration 0020). */
  case_number?: string | null;
  /** Public records (migration 0020, the records module): secret (1) or public (0). */
  secret?: number;
  /** The ground for secrecy when secret, e.g. "OSL 21 kap. 7 §". */
  secrecy_ground?: string | null;
  /** A code of the classification plan, e.g. "1.4.2". */
  classification?: string | null;
}

export interface MeetingOutcomeTable {
  id: string;
  meeting_id: string;
  kind: string; // decision | information | action
  text: string;
  responsible_city_id: string | null;
  due_on: string | null;
  closed_on: string | null;
  closed_in_meeting_id: string | null;
  closing_note: string | null;
  created_at: string;
  updated_at: string;
}

export interface DelegationTable {
  id: string;
  meeting_id: string;
  city_id: string;
  status: string; // draft | nominated | confirmed
  presidium_decision_on: string | null;
  note: string | null;
  confirmed_by: string | null;
  confirmed_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface DelegationMemberTable {
  id: string;
  delegation_id: string;
  position: number;
  name: string;
  title: string | null;
  affiliation: string | null;
  dietary_needs: string | null;
  access_needs: string | null;
  travel: string | null;
  phone: string | null;
  logistics_erased_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface HostPlanTemplateTaskTable {
  id: string;
  position: number;
  title_sv: string;
  title_en: string;
  description: string | null;
  offset_months: number;
  offset_days: number;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface HostPlanTaskTable {
  id: string;
  meeting_id: string;
  template_task_id: string | null;
  position: number;
  title: string;
  description: string | null;
  due_on: string;
  owner_user_id: string | null;
  status: string; // todo | in_progress | done | not_applicable
  notes: string | null;
  reminded_on: string | null;
  completed_at: string | null;
  created_at: string;
  updated_at: string;
}

declare module '../../db/database.ts' {
  interface Database {
    meeting: MeetingTable;
    rotation_adjustment: RotationAdjustmentTable;
    meeting_programme_item: MeetingProgrammeItemTable;
    meeting_seminar: MeetingSeminarTable;
    meeting_document: MeetingDocumentTable;
    meeting_outcome: MeetingOutcomeTable;
    delegation: DelegationTable;
    delegation_member: DelegationMemberTable;
    host_plan_template_task: HostPlanTemplateTaskTable;
    host_plan_task: HostPlanTaskTable;
  }
}
