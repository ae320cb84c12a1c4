import { z } from 'zod';
import { requiredText } from './fields.schema.ts';

export const DOCUMENT_KINDS = ['agenda', 'minutes', 'presentation', 'other'] as const;
export const VISIBILITIES = ['public', 'internal'] as const;

/** A document's kind, title and visibility (its file is checked by the service). */
export const documentForm = z.object({
  kind: z.enum(DOCUMENT_KINDS, { error: 'document.kindRequired' }),
  title: requiredText(300, 'document.titleRequired'),
  visibility: z.enum(VISIBILITIES, { error: 'document.visibilityRequired' }),
});
