/**
 * The public surface of the meetings module: the only file other modules import (the
 * boundary check in `npm run lint` refuses any other). Its services and types.
 */
export { lastHeld, listMeetings, meetingIdsByYear, nextMeeting } from './meeting.service.ts';
export type { Meeting, NextMeeting } from './meeting.service.ts';
