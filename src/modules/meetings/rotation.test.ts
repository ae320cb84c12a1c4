import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkP3,
  forecastNextTurn,
  nextTurnOf,
  rotationTurns,
  type RotationInput,
  type RotationMeeting,
} from './rotation.ts';
import { DEMO_ROTATION_FROM_2023 } from '../../../test/helpers/meeting-fixtures.ts';

const members = [
  { cityId: 'bergen', position: 1 },
  { cityId: 'aarhus', position: 2 },
  { cityId: 'turku', position: 3 },
  { cityId: 'goteborg', position: 4 },
];
const held = (year: number, hostCityId: string): RotationMeeting => ({
  year,
  hostCityId,
  status: 'held',
});
/** The demo chain's record: 2013 Bergen … 2025 Turku held, 2027 Gothenburg planned. */
const demo: RotationMeeting[] = [
  held(2013, 'bergen'),
  held(2015, 'aarhus'),
  held(2017, 'turku'),
  held(2019, 'goteborg'),
  held(2021, 'bergen'),
  held(2023, 'aarhus'),
  held(2025, 'turku'),
  { year: 2027, hostCityId: 'goteborg', status: 'planned' },
];
const input = (extra: Partial<RotationInput> = {}): RotationInput => ({
  members,
  intervalYears: 2,
  meetings: demo,
  ...extra,
});
const hosts = (turns: { year: number; hostCityId: string }[]) =>
  turns.map((t) => `${t.year} ${t.hostCityId}`);

describe('forecastNextTurn', () => {
  it('continues the rotation from the latest held meeting', () => {
    const meetings = [held(2013, 'bergen'), held(2015, 'aarhus'), held(2019, 'goteborg')];
    expect(forecastNextTurn(members, 2, meetings, 2020)).toEqual({
      year: 2021,
      hostCityId: 'bergen',
    });
    expect(forecastNextTurn(members, 2, meetings, 2026)).toEqual({
      year: 2027,
      hostCityId: 'goteborg',
    });
  });

  it('has Gothenburg host every eighth year with four members (P3)', () => {
    const meetings = [held(2019, 'goteborg')];
    const years = [2020, 2028, 2036].map((from) =>
      forecastNextTurn(members, 2, meetings, from + 6),
    );
    expect(years).toEqual([
      { year: 2027, hostCityId: 'goteborg' },
      { year: 2035, hostCityId: 'goteborg' },
      { year: 2043, hostCityId: 'goteborg' },
    ]);
  });

  // A meeting after a held one: a cancelled one consumes its turn, a forecast one does not.
  it.each([
    [
      'lets a cancelled meeting consume its turn',
      { year: 2021, hostCityId: 'bergen', status: 'cancelled' },
      { year: 2023, hostCityId: 'aarhus' },
    ],
    [
      'ignores meetings registered as forecasts',
      { year: 2021, hostCityId: 'turku', status: 'forecast' },
      { year: 2021, hostCityId: 'bergen' },
    ],
  ] as const)('%s', (_name, next: RotationMeeting, expected) => {
    const meetings: RotationMeeting[] = [held(2019, 'goteborg'), next];
    expect(forecastNextTurn(members, 2, meetings, 2020)).toEqual(expected);
  });

  it('answers null without members, interval or any meeting to start from', () => {
    expect(forecastNextTurn([], 2, [held(2019, 'goteborg')], 2020)).toBeNull();
    expect(forecastNextTurn(members, 0, [held(2019, 'goteborg')], 2020)).toBeNull();
    expect(forecastNextTurn(members, 2, [], 2020)).toBeNull();
    expect(forecastNextTurn(members, 2, [held(2019, 'oslo')], 2020)).toBeNull();
  });
});

describe('rotationTurns', () => {
  it('lists the record, then the forecast, for the demo chain', () => {
    const turns = rotationTurns(input(), 2023, 7);
    expect(turns.map((t) => `${t.year} ${t.hostCityId} ${t.status}`)).toEqual(
      DEMO_ROTATION_FROM_2023,
    );
  });

  it('puts Gothenburg every eighth year in the demo chain (P3)', () => {
    const years = rotationTurns(input(), 2013, 40)
      .filter((t) => t.hostCityId === 'goteborg')
      .map((t) => t.year);
    expect(years.slice(0, 5)).toEqual([2019, 2027, 2035, 2043, 2051]);
    expect(nextTurnOf(input(), 'goteborg', 2026)?.year).toBe(2027);
    expect(nextTurnOf(input(), 'goteborg', 2028)?.year).toBe(2035);
    expect(checkP3(input(), 'goteborg', 2026)).toEqual({
      requiredYears: 8,
      cycleYears: 8,
      forecastYears: 8,
      ok: true,
    });
  });

  it('moves the following years after a postponement, keeping the order', () => {
    const postponed = demo.map((m) =>
      m.year === 2027 ? { ...m, year: 2028, status: 'postponed' as const, originalYear: 2027 } : m,
    );
    expect(hosts(rotationTurns(input({ meetings: postponed }), 2027, 4))).toEqual([
      '2028 goteborg',
      '2030 bergen',
      '2032 aarhus',
      '2034 turku',
    ]);
    expect(nextTurnOf(input({ meetings: postponed }), 'goteborg', 2029)?.year).toBe(2036);
  });

  it('exchanges two hosts from the year of a swap', () => {
    const swap = { kind: 'swap' as const, year: 2029, cityId: 'bergen', otherCityId: 'aarhus' };
    expect(hosts(rotationTurns(input({ adjustments: [swap] }), 2028, 6))).toEqual([
      '2029 aarhus',
      '2031 bergen',
      '2033 turku',
      '2035 goteborg',
      '2037 aarhus',
      '2039 bergen',
    ]);
  });

  it('passes a skipped turn to the next host in the same year', () => {
    const skip = { kind: 'skip' as const, year: 2031, cityId: 'aarhus' };
    expect(hosts(rotationTurns(input({ adjustments: [skip] }), 2028, 5))).toEqual([
      '2029 bergen',
      '2031 turku',
      '2033 goteborg',
      '2035 bergen',
      '2037 aarhus',
    ]);
    // A skip of a year that is not the city's turn changes nothing.
    const idle = { kind: 'skip' as const, year: 2031, cityId: 'bergen' };
    expect(hosts(rotationTurns(input({ adjustments: [idle] }), 2028, 3))).toEqual([
      '2029 bergen',
      '2031 aarhus',
      '2033 turku',
    ]);
  });

  it('makes the cycle ten years with a fourth twin city, and flags P3', () => {
    const five = [...members, { cityId: 'tromso', position: 5 }];
    expect(hosts(rotationTurns(input({ members: five }), 2028, 5))).toEqual([
      '2029 tromso',
      '2031 bergen',
      '2033 aarhus',
      '2035 turku',
      '2037 goteborg',
    ]);
    expect(checkP3(input({ members: five }), 'goteborg', 2028)).toEqual({
      requiredYears: 8,
      cycleYears: 10,
      forecastYears: 10,
      ok: false,
    });
  });

  it('continues from the last member host when a host left the chain', () => {
    const three = members.filter((m) => m.cityId !== 'turku');
    expect(hosts(rotationTurns(input({ members: three }), 2028, 3))).toEqual([
      '2029 bergen',
      '2031 aarhus',
      '2033 goteborg',
    ]);
  });
});

describe('rotation properties', () => {
  const chainArb = fc.integer({ min: 1, max: 8 }).chain((n) =>
    fc.record({
      n: fc.constant(n),
      interval: fc.integer({ min: 1, max: 4 }),
      anchorYear: fc.integer({ min: 1946, max: 2100 }),
      anchorIndex: fc.integer({ min: 0, max: n - 1 }),
    }),
  );
  const setup = (c: { n: number; interval: number; anchorYear: number; anchorIndex: number }) => {
    const ms = Array.from({ length: c.n }, (_, i) => ({ cityId: `c${i}`, position: i + 1 }));
    return {
      members: ms,
      intervalYears: c.interval,
      meetings: [held(c.anchorYear, `c${c.anchorIndex}`)],
    };
  };

  it('lets every member host exactly once per cycle', () => {
    fc.assert(
      fc.property(chainArb, (c) => {
        const turns = rotationTurns(setup(c), c.anchorYear + 1, c.n * 3);
        for (let k = 0; k + c.n <= turns.length; k += c.n) {
          const cycle = turns.slice(k, k + c.n).map((t) => t.hostCityId);
          expect(new Set(cycle).size).toBe(c.n);
        }
      }),
    );
  });

  it('spaces consecutive forecast turns by the interval', () => {
    fc.assert(
      fc.property(chainArb, (c) => {
        const turns = rotationTurns(setup(c), c.anchorYear, 20);
        for (let k = 1; k < turns.length; k++)
          expect(turns[k]!.year - turns[k - 1]!.year).toBe(c.interval);
      }),
    );
  });

  it('gives every host its turns members × interval years apart (8 with four and 2)', () => {
    fc.assert(
      fc.property(chainArb, fc.nat(), (c, pick) => {
        const city = `c${pick % c.n}`;
        const years = rotationTurns(setup(c), c.anchorYear + 1, c.n * 4)
          .filter((t) => t.hostCityId === city)
          .map((t) => t.year);
        for (let k = 1; k < years.length; k++)
          expect(years[k]! - years[k - 1]!).toBe(c.n * c.interval);
      }),
    );
  });

  it('shifts every later turn by k years after a postponement of k years', () => {
    fc.assert(
      fc.property(chainArb, fc.integer({ min: 1, max: 5 }), (c, k) => {
        const base = setup(c);
        const planned: RotationMeeting = {
          year: c.anchorYear + c.interval,
          hostCityId: `c${(c.anchorIndex + 1) % c.n}`,
          status: 'planned',
        };
        const before = rotationTurns(
          { ...base, meetings: [...base.meetings, planned] },
          planned.year + 1,
          12,
        );
        const moved: RotationMeeting = {
          ...planned,
          year: planned.year + k,
          status: 'postponed',
          originalYear: planned.year,
        };
        const after = rotationTurns(
          { ...base, meetings: [...base.meetings, moved] },
          moved.year + 1,
          12,
        );
        expect(after.map((t) => [t.year - k, t.hostCityId])).toEqual(
          before.map((t) => [t.year, t.hostCityId]),
        );
      }),
    );
  });

  it('keeps every member hosting once per cycle after a swap', () => {
    fc.assert(
      fc.property(chainArb, fc.nat(), fc.nat(), fc.integer({ min: 1, max: 20 }), (c, a, b, d) => {
        const base = setup(c);
        const swap = {
          kind: 'swap' as const,
          year: c.anchorYear + d,
          cityId: `c${a % c.n}`,
          otherCityId: `c${b % c.n}`,
        };
        const turns = rotationTurns({ ...base, adjustments: [swap] }, swap.year, c.n * 2);
        const cycle = turns.slice(0, c.n).map((t) => t.hostCityId);
        expect(new Set(cycle).size).toBe(c.n);
      }),
    );
  });
});
