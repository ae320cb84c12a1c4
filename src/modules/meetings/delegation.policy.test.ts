import { describe, expect, it } from 'vitest';
import type { User } from '../accounts/account.service.ts';
import type { Role } from '../accounts/roles.ts';
import { delegationRefusal, delegationScopeOf, isOrganiser } from './delegation.policy.ts';

const user = (...grants: [Role, string?][]): User => ({
  id: 'u',
  email: 'u@example.org',
  name: 'U',
  active: true,
  hasPassword: true,
  totpEnabled: false,
  lastLoginAt: null,
  language: 'sv',
  roles: grants.map(([role, cityId]) => ({ role, organisationId: null, cityId: cityId ?? null })),
});

const GBG = 'gbg';
const BERGEN = 'bergen';
const AARHUS = 'aarhus';
const home = { cityId: GBG, cityKind: 'home' as const, hostCityId: GBG };
const bergenAtGbg = { cityId: BERGEN, cityKind: 'twin' as const, hostCityId: GBG };
const aarhusAtBergen = { cityId: AARHUS, cityKind: 'twin' as const, hostCityId: BERGEN };

describe('delegation policy (P4)', () => {
  it("lets only the presidium manage Gothenburg's delegation", () => {
    expect(delegationRefusal(user(['presidium']), 'manage', home)).toBeNull();
    expect(delegationRefusal(user(['coordinator']), 'manage', home)).toBe(
      'delegation.forbidden.presidiumOnly',
    );
    expect(delegationRefusal(user(['partner', BERGEN]), 'manage', home)).toBe(
      'delegation.forbidden.presidiumOnly',
    );
    expect(delegationRefusal(user(['admin']), 'manage', home)).toBe(
      'delegation.forbidden.presidiumOnly',
    );
  });

  it("lets a partner contact manage only their own city's delegation", () => {
    expect(delegationRefusal(user(['partner', BERGEN]), 'manage', bergenAtGbg)).toBeNull();
    expect(delegationRefusal(user(['partner', AARHUS]), 'manage', bergenAtGbg)).toBe(
      'delegation.forbidden.ownCity',
    );
    expect(delegationRefusal(user(['partner']), 'manage', bergenAtGbg)).toBe(
      'delegation.forbidden.ownCity',
    );
    expect(delegationRefusal(user(['coordinator']), 'manage', bergenAtGbg)).toBe(
      'delegation.forbidden.readOnly',
    );
    expect(delegationRefusal(user(['presidium']), 'manage', bergenAtGbg)).toBe(
      'delegation.forbidden.readOnly',
    );
  });

  it('shows logistics to the managers and the organisers only', () => {
    expect(delegationRefusal(user(['presidium']), 'readLogistics', home)).toBeNull();
    expect(delegationRefusal(user(['coordinator']), 'readLogistics', aarhusAtBergen)).toBeNull();
    // The host city's partner contact organises: sees every delegation's logistics.
    expect(
      delegationRefusal(user(['partner', BERGEN]), 'readLogistics', aarhusAtBergen),
    ).toBeNull();
    expect(delegationRefusal(user(['partner', BERGEN]), 'readLogistics', home)).toBe(
      'delegation.forbidden.logistics',
    );
    expect(delegationRefusal(user(['presidium']), 'readLogistics', bergenAtGbg)).toBe(
      'delegation.forbidden.logistics',
    );
    expect(delegationRefusal(user(['staff']), 'read', home)).toBe('delegation.forbidden.readOnly');
    expect(isOrganiser(user(['partner', BERGEN]), BERGEN)).toBe(true);
    expect(isOrganiser(user(['partner', BERGEN]), GBG)).toBe(false);
  });

  it('scopes the overview to the cities a user works for', () => {
    expect(delegationScopeOf(user(['coordinator']), GBG)).toBeNull();
    expect(delegationScopeOf(user(['presidium']), GBG)).toEqual([GBG]);
    expect(delegationScopeOf(user(['partner', BERGEN]), GBG)).toEqual([BERGEN]);
    expect(delegationScopeOf(user(['presidium'], ['partner', AARHUS]), GBG)).toEqual([GBG, AARHUS]);
  });
});
