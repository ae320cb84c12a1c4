import { describe, expect, it } from 'vitest';
import { forecastNextTurn, type RotationMeeting } from './rotation.ts';

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

  it('ignores cancelled and forecast meetings as anchors', () => {
    const meetings: RotationMeeting[] = [
      held(2019, 'goteborg'),
      { year: 2021, hostCityId: 'bergen', status: 'cancelled' },
    ];
    expect(forecastNextTurn(members, 2, meetings, 2020)).toEqual({
      year: 2021,
      hostCityId: 'bergen',
    });
  });

  it('answers null without members, interval or any meeting to start from', () => {
    expect(forecastNextTurn([], 2, [held(2019, 'goteborg')], 2020)).toBeNull();
    expect(forecastNextTurn(members, 0, [held(2019, 'goteborg')], 2020)).toBeNull();
    expect(forecastNextTurn(members, 2, [], 2020)).toBeNull();
    expect(forecastNextTurn(members, 2, [held(2019, 'oslo')], 2020)).toBeNull();
  });
});
