import { describe, expect, it } from 'vitest';
import type { Role } from '../accounts/roles.ts';
import { canReadInternalDocuments } from './meeting.policy.ts';

const user = (...grants: [Role, string?][]) => ({
  roles: grants.map(([role, cityId]) => ({ role, organisationId: null, cityId: cityId ?? null })),
});

/** A meeting Aarhus hosts, with Turku's delegation on record (Bergen takes no part). */
const PARTICIPANTS = ['aarhus', 'turku'];

describe('internal meeting documents (decision 016)', () => {
  it("are read by Gothenburg's meeting roles, whatever the meeting", () => {
    for (const role of ['coordinator', 'presidium', 'council'] as const)
      expect(canReadInternalDocuments(user([role]), PARTICIPANTS), role).toBe(true);
  });

  it("are not read by Gothenburg's other roles, nor by visitors", () => {
    for (const role of ['staff', 'reporter', 'admin'] as const)
      expect(canReadInternalDocuments(user([role]), PARTICIPANTS), role).toBe(false);
    expect(canReadInternalDocuments(null, PARTICIPANTS)).toBe(false);
    expect(canReadInternalDocuments(user(), PARTICIPANTS)).toBe(false);
  });

  it('are read by the partner contacts of the cities taking part only', () => {
    expect(canReadInternalDocuments(user(['partner', 'aarhus']), PARTICIPANTS)).toBe(true);
    expect(canReadInternalDocuments(user(['partner', 'turku']), PARTICIPANTS)).toBe(true);
    expect(canReadInternalDocuments(user(['partner', 'bergen']), PARTICIPANTS)).toBe(false);
    expect(canReadInternalDocuments(user(['partner']), PARTICIPANTS)).toBe(false);
    expect(
      canReadInternalDocuments(user(['partner', 'bergen'], ['partner', 'turku']), PARTICIPANTS),
    ).toBe(true);
  });
});
