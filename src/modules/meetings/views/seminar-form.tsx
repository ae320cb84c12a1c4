import type { PageContext } from '../../../platform/page-context.ts';
import { TextArea, TextField } from '../../../ui/fields.tsx';
import { meetingField } from './meeting-fields.tsx';

/** The fields of a seminar: the add form and the edit form share them. */
export function SeminarFields({ ctx }: { ctx: PageContext }) {
  const field = meetingField(ctx);
  return (
    <>
      <TextField {...field('seminarTitle')} width="full" />
      <TextField {...field('seminarTopic')} optional />
      <TextField {...field('seminarSpeakers')} width="full" optional />
      <TextArea {...field('seminarDescription')} rows={3} optional />
    </>
  );
}
