/**
 * The public surface of the meetings module: the only file other modules import (the
 * boundary check in `npm run lint` refuses any other). Its services and types.
 */
export {
  MEETING_STATUSES,
  lastHeld,
  listMeetings,
  meetingIdsByYear,
  nextMeeting,
} from './meeting.service.ts';
export type { Meeting, MeetingStatus, NextMeeting } from './meeting.service.ts';
export { meetingFigures } from './figures.service.ts';
export type { MeetingFigures } from './figures.service.ts';
export {
  ROLE_GROUPS,
  citiesActiveInMeetings,
  longOpenActions,
  meetingForEvaluation,
  meetingsOfPeriod,
  roleGroupOf,
  rotationP3,
} from './evaluation-figures.service.ts';
export type {
  LongOpenAction,
  MeetingDays,
  PeriodMeeting,
  RoleGroup,
} from './evaluation-figures.service.ts';
export {
  DEFAULT_RETENTION_DAYS as DELEGATION_RETENTION_DEFAULT_DAYS,
  eraseMemberLogistics,
  membersPastRetention,
} from './retention.job.ts';
export { meetingsErrors } from './errors.ts';
export { DELEGATE_FIELDS } from './delegation.repository.ts';
