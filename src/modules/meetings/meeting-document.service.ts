import { createHash } from 'node:crypto';
import type { Db, Executor } from '../../db/database.ts';
import { nowIso } from '../../shared/dates.ts';
import { errors } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import { insertAudited } from '../audit/index.ts';
import type { Chain } from '../cities/index.ts';
import { changeMeetingPart, editableMeeting, type Editor } from './meeting.helpers.ts';
import {
  canReadInternalDocuments,
  canReadSecretDocuments,
  type MeetingUser,
} from './meeting.policy.ts';
import * as repo from './meeting.repository.ts';
import { parseForm } from './fields.schema.ts';
import { DOCUMENT_KINDS, documentForm, VISIBILITIES } from './meeting-document.schema.ts';

// The documents of a meeting (agenda, minutes, presentations): uploads checked by type,
// public or internal (internal: for those who work with the meeting, decision 016).

export { DOCUMENT_KINDS, VISIBILITIES };
export const MAX_MEETING_DOCUMENT_BYTES = 25 * 1024 * 1024;

export interface MeetingDocument {
  id: string;
  kind: (typeof DOCUMENT_KINDS)[number];
  title: string;
  filename: string;
  contentType: string;
  size: number;
  visibility: (typeof VISIBILITIES)[number];
  /** Marked secret in the records register: shown only as an internal document is. */
  secret: boolean;
}

export const toMeetingDocument = (
  d: Awaited<ReturnType<typeof repo.listDocuments>>[number],
): MeetingDocument => ({
  id: d.id,
  kind: d.kind as MeetingDocument['kind'],
  title: d.title,
  filename: d.filename,
  contentType: d.content_type,
  size: d.size,
  visibility: d.visibility as MeetingDocument['visibility'],
  secret: d.secret === 1,
});

/** Whether everyone may read the document: public, and not secret (records module). */
export const isPublicDocument = (d: {
  visibility: string;
  secret?: number | boolean | undefined;
}) => d.visibility === 'public' && !d.secret;

/** The cities that take part in a meeting: its host and every city with a delegation to it. */
export async function participantCityIds(
  db: Executor,
  meeting: { id: string; hostCityId: string },
): Promise<string[]> {
  return [...new Set([meeting.hostCityId, ...(await repo.listDelegationCityIds(db, meeting.id))])];
}

/** Whether the reader opens this meeting's internal documents (decision 016). */
export async function readsInternalDocuments(
  db: Executor,
  reader: MeetingUser | null,
  meeting: { id: string; hostCityId: string },
): Promise<boolean> {
  if (!reader) return false;
  return canReadInternalDocuments(reader, await participantCityIds(db, meeting));
}

/**
 * A document with its bytes. Public documents are everyone's; an internal one is not found
 * for a visitor and refused (403) to a signed-in user who may not read it (decision 016).
 */
export async function getMeetingDocument(
  db: Db,
  meetingId: string,
  documentId: string,
  reader: MeetingUser | null,
) {
  const row = await repo.findDocumentWithData(db.kysely, meetingId, documentId);
  if (!row || (!isPublicDocument(row) && !reader)) throw errors.documentNotFound(documentId);
  if (isPublicDocument(row)) return row;
  const meeting = await repo.findMeeting(db.kysely, meetingId);
  const allowed =
    !!meeting &&
    (await readsInternalDocuments(db.kysely, reader, {
      id: meeting.id,
      hostCityId: meeting.host_city_id,
    }));
  if (!allowed || (row.secret && !canReadSecretDocuments(reader))) throw errors.forbidden();
  return row;
}
/** Accepted document types: by extension, checked against the file's first bytes. */
const ZIP = 'PK\x03\x04';
const OLE2 = '\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1';
export const DOCUMENT_TYPES: Record<string, { contentType: string; magic: string; odf?: boolean }> =
  {
    pdf: { contentType: 'application/pdf', magic: '%PDF-' },
    docx: {
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      magic: ZIP,
    },
    xlsx: {
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      magic: ZIP,
    },
    pptx: {
      contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
      magic: ZIP,
    },
    odt: { contentType: 'application/vnd.oasis.opendocument.text', magic: ZIP, odf: true },
    ods: { contentType: 'application/vnd.oasis.opendocument.spreadsheet', magic: ZIP, odf: true },
    odp: { contentType: 'application/vnd.oasis.opendocument.presentation', magic: ZIP, odf: true },
    doc: { contentType: 'application/msword', magic: OLE2 },
    xls: { contentType: 'application/vnd.ms-excel', magic: OLE2 },
    ppt: { contentType: 'application/vnd.ms-powerpoint', magic: OLE2 },
  };

/** The type of an uploaded file from its name and first bytes, or null when they disagree. */
export function documentType(
  filename: string,
  data: Buffer,
): { ext: string; contentType: string } | null {
  const ext = /\.([a-z0-9]{2,5})$/i.exec(filename)?.[1]?.toLowerCase() ?? '';
  const type = DOCUMENT_TYPES[ext];
  if (!type || data.length < 8) return null;
  if (data.subarray(0, type.magic.length).toString('latin1') !== type.magic) return null;
  // An OpenDocument file names its own type in the stored "mimetype" entry at the start.
  if (type.odf && !data.subarray(0, 200).toString('latin1').includes(type.contentType)) return null;
  return { ext, contentType: type.contentType };
}

export interface DocumentInput {
  kind: string;
  title: string;
  visibility: string;
  file?: { filename: string; data: Buffer; truncated?: boolean } | undefined;
}

export async function addDocument(
  db: Db,
  chain: Chain,
  editor: Editor,
  meetingId: string,
  input: DocumentInput,
): Promise<string> {
  return db.kysely.transaction().execute(async (trx) => {
    await editableMeeting(trx, chain, editor, meetingId);
    // The file is read by its bytes, not by the schema.
    const file = input.file;
    const type = file ? documentType(file.filename, file.data) : null;
    const fileProblem =
      !file || (file.data.length === 0 && !file.filename)
        ? 'document.fileRequired'
        : file.truncated || file.data.length > MAX_MEETING_DOCUMENT_BYTES
          ? 'document.tooLarge'
          : !type
            ? 'document.wrongType'
            : null;
    const v = parseForm(documentForm, input, { file: fileProblem });
    if (!file || !type)
      throw errors.validation([{ path: 'file', message: 'document.fileRequired' }]);
    const row = {
      id: newId(),
      meeting_id: meetingId,
      kind: v.kind,
      title: v.title,
      filename:
        file.filename.replace(/[^\p{L}\p{N}._ -]/gu, '_').slice(0, 200) || `dokument.${type.ext}`,
      content_type: type.contentType,
      size: file.data.length,
      sha256: createHash('sha256').update(file.data).digest('hex'),
      data: file.data,
      visibility: v.visibility,
      created_by: editor.actor.userId,
      created_at: nowIso(),
    };
    await insertAudited(
      trx,
      editor.actor,
      { entity: 'meeting_document', action: 'upload' },
      repo.insertDocument,
      row,
      { ...row, data: undefined, created_by: undefined },
    );
    return row.id;
  });
}

export type DocumentChange = Omit<DocumentInput, 'file'>;

/** Corrects a document's kind, title and visibility; the file stays as it is. */
export function changeDocument(
  db: Db,
  chain: Chain,
  editor: Editor,
  meetingId: string,
  documentId: string,
  input: DocumentChange,
): Promise<void> {
  return changeMeetingPart(db, chain, editor, meetingId, documentId, {
    entity: 'meeting_document',
    find: repo.findDocument,
    changes: () => {
      const v = parseForm(documentForm, input);
      return { kind: v.kind, title: v.title, visibility: v.visibility };
    },
    update: repo.updateDocument,
    before: (existing) => ({
      kind: existing.kind,
      title: existing.title,
      visibility: existing.visibility,
    }),
  });
}
