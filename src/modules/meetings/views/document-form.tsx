import type { PageContext } from '../../../platform/page-context.ts';
import { FileField, messageOptions, RadioGroup, TextField } from '../../../ui/fields.tsx';
import { DOCUMENT_KINDS, VISIBILITIES } from '../meeting-document.schema.ts';
import { meetingField } from './meeting-fields.tsx';

/** The fields of a document besides its file: the add form and the edit form share them. */
export function DocumentFields({ ctx }: { ctx: PageContext }) {
  const field = meetingField(ctx);
  return (
    <>
      <RadioGroup
        {...field.legend('docKind')}
        options={messageOptions(ctx.i18n, 'documentKind', DOCUMENT_KINDS)}
      />
      <TextField {...field('docTitle')} width="full" />
      <RadioGroup
        {...field.legend('docVisibility')}
        options={messageOptions(ctx.i18n, 'visibility', VISIBILITIES)}
      />
    </>
  );
}

/** The file of a new document (a document's file is not changed in place). */
export function DocumentFileField({ ctx }: { ctx: PageContext }) {
  return (
    <FileField
      {...meetingField(ctx)('docFile', 'hint')}
      accept=".pdf,.docx,.doc,.xlsx,.xls,.pptx,.ppt,.odt,.ods,.odp"
    />
  );
}
