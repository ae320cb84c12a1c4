import type { PageContext } from '../../../platform/page-context.ts';
import { TextArea, TextField } from '../../../ui/fields.tsx';

/** The fields of a seminar: the add form and the edit form share them. */
export function SeminarFields({ ctx }: { ctx: PageContext }) {
  const { t } = ctx.i18n;
  return (
    <>
      <TextField
        name="seminarTitle"
        label={t('workspace.meetings.field.seminarTitle')}
        width="full"
      />
      <TextField name="seminarTopic" label={t('workspace.meetings.field.seminarTopic')} optional />
      <TextField
        name="seminarSpeakers"
        label={t('workspace.meetings.field.seminarSpeakers')}
        width="full"
        optional
      />
      <TextArea
        name="seminarDescription"
        label={t('workspace.meetings.field.seminarDescription')}
        rows={3}
        optional
      />
    </>
  );
}
