import { meetingPartPages } from './meeting.page-helpers.tsx';
import { programmeForm } from './programme.schema.ts';
import { addProgrammeItem, changeProgrammeItem } from './programme.service.ts';

/** The programme's fields on the meeting page (the add form has no description). */
const PROGRAMME = {
  day: 'itemDay',
  startsAt: 'itemStart',
  endsAt: 'itemEnd',
  kind: 'itemKind',
  title: 'itemTitle',
  location: 'itemLocation',
} as const;

/** A meeting's programme items: added on the meeting page, corrected in place, removed. */
export const programmePages = meetingPartPages({
  segment: 'programme',
  kind: 'programme',
  parts: (detail) => detail.programme,
  add: {
    form: programmeForm,
    names: PROGRAMME,
    flash: 'flash.programmeItemAdded',
    submit: (c, input) =>
      addProgrammeItem(c.db, c.chain, c.editor, c.meetingId, { ...input, description: '' }),
  },
  edit: {
    form: programmeForm,
    names: { ...PROGRAMME, description: 'itemDescription' },
    submit: (c, input) =>
      changeProgrammeItem(c.db, c.chain, c.editor, c.meetingId, c.partId, input),
  },
});
