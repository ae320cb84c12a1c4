import { uploadedFile } from '../../platform/uploads.ts';
import { meetingPartPages } from './meeting.page-helpers.tsx';
import { documentForm } from './meeting-document.schema.ts';
import { addDocument, changeDocument } from './meeting-document.service.ts';

/** A document's fields on the meeting page besides its file. */
const DOCUMENT = { kind: 'docKind', title: 'docTitle', visibility: 'docVisibility' } as const;

/** A meeting's documents: uploaded on the meeting page, corrected in place, removed. */
export const meetingDocumentPages = meetingPartPages({
  segment: 'documents',
  kind: 'document',
  parts: (detail) => detail.documents,
  add: {
    // The file's problems land on its field; it is read from the body, not as text.
    form: documentForm,
    names: { ...DOCUMENT, file: 'docFile' },
    flash: 'flash.documentAdded',
    uploads: true,
    submit: (c, input) =>
      addDocument(c.db, c.chain, c.editor, c.meetingId, {
        ...input,
        file: uploadedFile(c.body, 'docFile'),
      }),
  },
  edit: {
    form: documentForm,
    names: DOCUMENT,
    submit: (c, input) => changeDocument(c.db, c.chain, c.editor, c.meetingId, c.partId, input),
  },
});
