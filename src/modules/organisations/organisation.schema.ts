import { z } from 'zod';

export const ORGANISATION_KINDS = ['administration', 'company'] as const;

/** The form of an administration or company (add and edit); messages are i18n keys. */
export const organisationForm = z.object({
  name: z.string().trim().min(1, 'org.nameRequired').max(200, 'org.nameRequired'),
  kind: z.enum(ORGANISATION_KINDS, { message: 'org.kindRequired' }),
  email: z
    .string()
    .trim()
    .max(320, 'org.emailInvalid')
    .refine((v) => v === '' || z.email().safeParse(v).success, 'org.emailInvalid'),
});

/** The organisation form's fields as sent (strings); the service validates them. */
export type OrganisationInput = {
  name: string;
  kind: string;
  /** '' for none. */
  email: string;
};
