import type { PageContext } from '../../../platform/page-context.ts';
import { FileField, RadioGroup, TextField } from '../../../ui/fields.tsx';
import { DOCUMENT_KINDS, VISIBILITIES } from '../meeting-document.schema.ts';
import { choices } from './meeting-fields.tsx';

/** The fields of a document besides its file: the add form and the edit form share them. */
export function DocumentFields({ ctx }: { ctx: PageContext }) {
  const { t } = ctx.i18n;
  return (
    <>
      <RadioGroup
        name="docKind"
        legend={t('workspace.meetings.field.docKind')}
        options={choices(ctx, 'documentKind', DOCUMENT_KINDS)}
      />
      <TextField name="docTitle" label={t('workspace.meetings.field.docTitle')} width="full" />
      <RadioGroup
        name="docVisibility"
        legend={t('workspace.meetings.field.docVisibility')}
        options={choices(ctx, 'visibility', VISIBILITIES)}
      />
    </>
  );
}

/** The file of a new document (a document's file is not changed in place). */
export function DocumentFileField({ ctx }: { ctx: PageContext }) {
  const { t } = ctx.i18n;
  return (
    <FileField
      name="docFile"
      label={t('workspace.meetings.field.docFile')}
      hint={t('workspace.meetings.field.docFileHint')}
      accept=".pdf,.docx,.doc,.xlsx,.xls,.pptx,.ppt,.odt,.ods,.odp"
    />
  );
}
