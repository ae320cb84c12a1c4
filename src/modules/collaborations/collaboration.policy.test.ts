import { describe, expect, it } from 'vitest';
import type { Role } from '../accounts/roles.ts';
import { collaborationPolicy } from './collaboration.policy.ts';

const user = (...grants: [Role, string?][]) => ({
  roles: grants.map(([role, cityId]) => ({ role, organisationId: null, cityId: cityId ?? null })),
});

describe('what a user reads of collaborations (decision 016)', () => {
  it("gives Gothenburg's roles everything, with staff contacts, exports and the knowledge bank", () => {
    for (const role of [
      'staff',
      'reporter',
      'coordinator',
      'presidium',
      'council',
      'admin',
    ] as const) {
      const u = user([role]);
      expect(collaborationPolicy.readScope(u), role).toBe('internal');
      expect(collaborationPolicy.readsStaffDetails(collaborationPolicy.readScope(u))).toBe(true);
      expect(collaborationPolicy.canExport(u), role).toBe(true);
      expect(collaborationPolicy.readsKnowledge(u), role).toBe(true);
    }
  });

  it('gives a partner contact their own cities, without staff contacts, exports or knowledge bank', () => {
    const bergen = user(['partner', 'bergen']);
    const scope = collaborationPolicy.readScope(bergen);
    expect(scope).toEqual({ partnerCityIds: ['bergen'] });
    expect(collaborationPolicy.readsStaffDetails(scope)).toBe(false);
    expect(collaborationPolicy.canExport(bergen)).toBe(false);
    expect(collaborationPolicy.readsKnowledge(bergen)).toBe(false);
    expect(
      collaborationPolicy.readScope(user(['partner', 'bergen'], ['partner', 'turku'])),
    ).toEqual({ partnerCityIds: ['bergen', 'turku'] });
    // A Gothenburg role as well: read as Gothenburg's.
    expect(collaborationPolicy.readScope(user(['partner', 'bergen'], ['staff']))).toBe('internal');
  });

  it('gives visitors and accounts without a role (or a partner without a city) the public ones', () => {
    expect(collaborationPolicy.readScope(null)).toBe('public');
    expect(collaborationPolicy.readScope(user())).toBe('public');
    expect(collaborationPolicy.readScope(user(['partner']))).toBe('public');
  });
});
