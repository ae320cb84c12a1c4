import { finished } from 'node:stream/promises';
import type { FastifyMultipartAttachFieldsToBodyOptions, MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { errors } from '../shared/errors.ts';

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

/** What a multipart form without a file field may carry: its text fields only. */
const FORM_LIMIT_BYTES = 1024 * 1024;

/**
 * The most a form with a file may send. Twice the file limit: a file somewhat too large
 * still reaches the form, which says so at the field and keeps the other input; anything
 * larger is refused unread.
 */
const UPLOAD_BODY_LIMIT_BYTES = 2 * UPLOAD_LIMIT_BYTES + FORM_LIMIT_BYTES;

/**
 * Body limits for multipart requests, which the multipart reader streams itself (Fastify's
 * `bodyLimit` covers only the bodies Fastify parses). Checked from `Content-Length` before
 * a byte is read: a route that takes uploads accepts up to twice UPLOAD_LIMIT_BYTES (a larger
 * file than the limit is then refused by the form, at its field), any other route 1 MB; a multipart body without a length is refused. The answer
 * closes the connection, so the rest of the body is never read.
 */
export function registerBodyLimits(app: FastifyInstance): void {
  // A callback hook: most requests only read one header here, without a promise.
  app.addHook('onRequest', (request, reply, done) => {
    const type = request.headers['content-type'];
    if (type === undefined || !/^multipart\//i.test(type)) return done();
    const limit =
      request.routeOptions.config?.uploads === true ? UPLOAD_BODY_LIMIT_BYTES : FORM_LIMIT_BYTES;
    const length = Number(request.headers['content-length']);
    if (!Number.isFinite(length) || length > limit) {
      reply.header('connection', 'close');
      return done(errors.payloadTooLarge());
    }
    done();
  });
}
