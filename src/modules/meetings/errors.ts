import { AppError, defineErrors } from '../../shared/errors.ts';

/**
 * The error codes of twin-city meetings, delegations and host plans. The registry joins them into the one catalogue and
 * the `ErrorCode` type (src/shared/errors.ts; docs/errors.md, `GET /api/errors`, the HTML error pages).
 */
const meetings = defineErrors({
  DELEGATION_FORBIDDEN: {
    status: 403,
    when: "The user may not manage this meeting's delegation or see its private logistics; `reason` says why.",
    message: 'You may not do this with this delegation',
  },
  MEETING_NOT_FOUND: {
    status: 404,
    when: 'No twin-city meeting has the given id, no chain is registered, or a calendar is asked for a meeting without dates.',
    message: 'No such meeting',
    about: 'id',
  },
  MEETING_PART_NOT_FOUND: {
    status: 404,
    when: 'No programme item, seminar, document or other part with the given id belongs to the meeting.',
    message: 'No such part of the meeting',
    about: 'id',
  },
  OUTCOME_NOT_FOUND: {
    status: 404,
    when: 'An action to close is not an action of this meeting or of an earlier meeting in the chain.',
    message: 'No such action',
    about: 'id',
  },
  DELEGATION_MEMBER_NOT_FOUND: {
    status: 404,
    when: 'No member of the delegation has the given id.',
    message: 'No such delegation member',
    about: 'id',
  },
  HOST_PLAN_TASK_NOT_FOUND: {
    status: 404,
    when: "No task in the meeting's host plan has the given id.",
    message: 'No such host plan task',
    about: 'id',
  },
  HOST_PLAN_TEMPLATE_TASK_NOT_FOUND: {
    status: 404,
    when: 'No task in the host plan template has the given id.',
    message: 'No such template task',
    about: 'id',
  },
});

export const meetingsErrorSpecs = meetings.specs;

/** The factories: one per code, and two more ways to say MEETING_NOT_FOUND. */
export const meetingsErrors = {
  ...meetings.factories,
  /** No chain is registered, so there are no meetings at all. */
  chainNotFound: () =>
    new AppError('MEETING_NOT_FOUND', 'No twin-city chain is registered', {
      reason: 'no-chain',
    }),
  meetingWithoutDates: (id: string) =>
    new AppError('MEETING_NOT_FOUND', 'The meeting has no dates to put in a calendar', {
      id,
      reason: 'no-dates',
    }),
} as const;
