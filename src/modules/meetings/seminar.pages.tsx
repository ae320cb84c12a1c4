import { meetingPartPages } from './meeting.page-helpers.tsx';
import { seminarForm } from './seminar.schema.ts';
import { addSeminar, changeSeminar } from './seminar.service.ts';

/** A seminar's fields on the meeting page. */
const SEMINAR = {
  title: 'seminarTitle',
  topicArea: 'seminarTopic',
  speakers: 'seminarSpeakers',
  description: 'seminarDescription',
} as const;

/** A meeting's seminars: added on the meeting page, corrected in place, removed. */
export const seminarPages = meetingPartPages({
  segment: 'seminars',
  kind: 'seminar',
  parts: (detail) => detail.seminars,
  add: {
    form: seminarForm,
    names: SEMINAR,
    flash: 'flash.seminarAdded',
    submit: (c, input) => addSeminar(c.db, c.chain, c.editor, c.meetingId, input),
  },
  edit: {
    form: seminarForm,
    names: SEMINAR,
    submit: (c, input) => changeSeminar(c.db, c.chain, c.editor, c.meetingId, c.partId, input),
  },
});
