import type { PageContext } from '../../../platform/page-context.ts';
import { FileField, RadioGroup, TextField } from '../../../ui/fields.tsx';
import { DOCUMENT_KINDS, VISIBILITIES, type Meeting } from '../meeting.service.ts';
import { choices, PanelForm, type Values } from './meeting-fields.tsx';

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

/** The meeting page's form to upload a document. */
export function AddDocumentForm({
  ctx,
  meeting,
  values,
}: {
  ctx: PageContext;
  meeting: Meeting;
  values: Values;
}) {
  const { t } = ctx.i18n;
  return (
    <PanelForm
      ctx={ctx}
      id="add-document-heading"
      heading={t('workspace.meetings.addDocument')}
      action={`/workspace/meetings/${meeting.id}/documents`}
      values={values}
      submit={t('workspace.meetings.upload')}
      multipart
    >
      <DocumentFields ctx={ctx} />
      <FileField
        name="docFile"
        label={t('workspace.meetings.field.docFile')}
        hint={t('workspace.meetings.field.docFileHint')}
        accept=".pdf,.docx,.doc,.xlsx,.xls,.pptx,.ppt,.odt,.ods,.odp"
      />
    </PanelForm>
  );
}
