import { finished } from 'node:stream/promises';
import type { FastifyMultipartAttachFieldsToBodyOptions, MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route takes file uploads (multipart): files are read into `request.body`. */
    uploads?: boolean;
  }
}

/** A file from a multipart form, as `request.body[field]`. */
export interface UploadedFile {
  filename: string;
  mimetype: string;
  data: Buffer;
  /** Longer than the upload limit: `data` holds only the first UPLOAD_LIMIT_BYTES. */
  truncated: boolean;
}

/**
 * A little above the largest file any form takes (a council decision's PDF, 25 MB), so an
 * oversize file gets a field message from its form, not a 413.
 */
export const UPLOAD_LIMIT_BYTES = 26 * 1024 * 1024;

/**
 * @fastify/multipart, registered once in app.ts. Fields and files land in `request.body`
 * as plain values before the preHandler, so the CSRF check reads `_csrf` from a multipart
 * form as from any other. Files are kept only on routes with `config.uploads`; elsewhere
 * they are read and dropped. A file over the limit is cut off (not an error), marked
 * `truncated`, and refused by the page field by field.
 */
export const multipartOptions: FastifyMultipartAttachFieldsToBodyOptions = {
  attachFieldsToBody: 'keyValues',
  throwFileSizeLimit: false,
  limits: { fileSize: UPLOAD_LIMIT_BYTES, files: 1, fields: 50, parts: 60 },
  async onFile(this: FastifyRequest, part: MultipartFile) {
    if (this.routeOptions.config.uploads !== true) {
      part.file.resume();
      await finished(part.file);
      return;
    }
    const data = await part.toBuffer();
    const file: UploadedFile = {
      filename: part.filename,
      mimetype: part.mimetype,
      data,
      truncated: part.file.truncated,
    };
    (part as MultipartFile & { value?: unknown }).value = file;
  },
};

/** The file sent in a form field, or undefined when none was chosen (an empty file part). */
export function uploadedFile(body: unknown, name: string): UploadedFile | undefined {
  const file = (body as Record<string, unknown> | undefined)?.[name];
  if (typeof file !== 'object' || file === null || !('data' in file)) return undefined;
  const upload = file as UploadedFile;
  if (upload.filename === '' && upload.data.length === 0) return undefined;
  return upload;
}
