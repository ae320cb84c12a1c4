import type { Actor } from '../../src/modules/audit/audit.service.ts';
import type { DecisionInput } from '../../src/modules/decisions/decision.service.ts';
import type { ProposalInput } from '../../src/modules/decisions/proposal.service.ts';

/** The coordinator and the council secretariat of the demo data, as audit actors. */
export const COORDINATOR: Actor = {
  userId: null,
  label: 'samordnare@vanort.example',
  ip: '127.0.0.1',
};
export const COUNCIL: Actor = {
  userId: null,
  label: 'sekretariatet@vanort.example',
  ip: '127.0.0.1',
};

/** A valid council decision (KF, approving), with any field overridden. */
export const decision = (overrides: Partial<DecisionInput> = {}): DecisionInput => ({
  body: 'KF',
  meetingDate: '2026-10-15',
  section: '§ 12',
  caseNumber: 'SLK-2026-01047',
  title: 'Vänortssamarbete med Tromsø',
  outcome: 'approved',
  link: 'https://goteborg.se/kf/2026-10-15',
  finalOn: '2026-11-10',
  ...overrides,
});

/** The proposal the decision tests use: Tromsø as a new twin city. */
export const TROMSO_PROPOSAL = {
  kind: 'establish_twin',
  newCity: {
    slug: 'tromso',
    nameSv: 'Tromsø',
    nameEn: 'Tromsø',
    countryCode: 'NO',
    latitude: 69.6492,
    longitude: 18.9553,
  },
  title: 'Förslag: Tromsø som ny vänort',
  justification: 'Arktiskt samarbete.',
} as const satisfies ProposalInput;
