import { meetingPartPages } from './meeting.page-helpers.tsx';
import { addDocument, changeDocument, type DocumentInput } from './meeting.service.ts';

/** A document's fields on the meeting page besides its file. */
const DOCUMENT = { kind: 'docKind', title: 'docTitle', visibility: 'docVisibility' } as const;

type Upload = NonNullable<DocumentInput['file']>;

/** The uploaded file of a multipart form, or undefined when none was chosen. */
function uploaded(body: unknown, name: string): Upload | undefined {
  const file = (body as Record<string, unknown> | undefined)?.[name];
  if (typeof file !== 'object' || file === null || !('data' in file)) return undefined;
  const upload = file as Upload;
  if (upload.filename === '' && upload.data.length === 0) return undefined;
  return upload;
}

/** A meeting's documents: uploaded on the meeting page, corrected in place, removed. */
export const meetingDocumentPages = meetingPartPages({
  segment: 'documents',
  kind: 'document',
  parts: (detail) => detail.documents,
  add: {
    // The file's problems land on its field; it is read from the body, not as text.
    names: { ...DOCUMENT, file: 'docFile' },
    flash: 'flash.documentAdded',
    uploads: true,
    submit: (c, input) =>
      addDocument(c.db, c.chain, c.editor, c.meetingId, {
        ...input,
        file: uploaded(c.body, 'docFile'),
      }),
  },
  edit: {
    names: DOCUMENT,
    submit: (c, input) => changeDocument(c.db, c.chain, c.editor, c.meetingId, c.partId, input),
  },
});
