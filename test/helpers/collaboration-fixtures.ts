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
