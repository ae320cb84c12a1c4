import type { CollaborationTable } from '../../src/modules/collaborations/collaboration.table.ts';

/**
 * A valid "new collaboration" form of Kulturförvaltningen with Bergen, as the reporter's
 * form sends it; a test changes what it is about with `overrides`.
 */
export function collaborationForm(
  overrides: Record<string, string | string[]> = {},
): Record<string, string | string[]> {
  return {
    organisation: 'kulturforvaltningen',
    title: 'Läsfrämjande med Bergen',
    cities: ['bergen'],
    areas: ['culture'],
    kind: 'knowledge_exchange',
    status: 'ongoing',
    startsOn: '2026-02-01',
    endsOn: '2027-06-30',
    goals: 'Dela metoder.',
    results: '',
    contactName: 'Klara Kultur',
    contactEmail: 'klara@example.org',
    fundingKind: 'own_budget',
    fundingProgramme: '',
    fundingAmount: '',
    strategyTags: '',
    visibility: 'public',
    ...overrides,
  };
}

/**
 * A collaboration row to insert straight into the table: the columns given, every other
 * optional column empty (no goals, contact or funding, not reviewed, submitted or published)
 * and updated when created.
 */
export function collaborationRow(
  row: Partial<CollaborationTable> &
    Pick<
      CollaborationTable,
      'id' | 'organisation_id' | 'title' | 'kind' | 'status' | 'starts_on' | 'visibility'
    > &
    Pick<CollaborationTable, 'review_state' | 'created_at'>,
): CollaborationTable {
  return {
    ends_on: null,
    goals: null,
    results: null,
    contact_name: null,
    contact_email: null,
    funding_kind: null,
    funding_programme: null,
    funding_amount: null,
    strategy_tags: '',
    review_comment: null,
    reviewed_by: null,
    reviewed_at: null,
    submitted_at: null,
    published_at: null,
    created_by: null,
    updated_at: row.created_at,
    ...row,
  };
}
