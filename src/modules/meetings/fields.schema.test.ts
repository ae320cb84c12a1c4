import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors.ts';
import { parseForm } from './fields.schema.ts';
import { programmeForm } from './programme.schema.ts';

const problemsOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error.details.problems;
  }
  return null;
};

describe('parseForm', () => {
  const item = {
    day: '2027-09-14',
    startsAt: '10:00',
    endsAt: '09:00',
    kind: '',
    title: '  ',
    location: '',
    description: '',
  };

  it("reports the schema's and the service's problems together, in the form's field order", () => {
    expect(
      problemsOf(() => parseForm(programmeForm, item, { day: 'programme.dayOutside' })),
    ).toEqual([
      { path: 'day', message: 'programme.dayOutside' },
      { path: 'endsAt', message: 'programme.endNotAfterStart' },
      { path: 'kind', message: 'programme.kindRequired' },
      { path: 'title', message: 'programme.titleRequired' },
    ]);
  });

  it('returns the parsed values: trimmed, empty optional text as null', () => {
    expect(
      parseForm(programmeForm, { ...item, endsAt: ' 11:00 ', kind: 'social', title: ' Lunch ' }),
    ).toEqual({
      day: '2027-09-14',
      startsAt: '10:00',
      endsAt: '11:00',
      kind: 'social',
      title: 'Lunch',
      location: null,
      description: null,
    });
  });
});
