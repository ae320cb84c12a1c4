import { z } from 'zod';

const email = z
  .string()
  .trim()
  .min(1, 'privacy.err.emailRequired')
  .max(254, 'privacy.err.emailInvalid')
  .pipe(z.email({ message: 'privacy.err.emailInvalid' }))
  .transform((v) => v.toLowerCase());

/** Whose data: the e-mail address, and a name to find delegation members by (they have no address). */
export const personForm = z.object({
  email,
  name: z.string().trim().max(200, 'privacy.err.nameTooLong'),
});
export type PersonQuery = z.output<typeof personForm>;

const optionalEmail = z
  .string()
  .trim()
  .max(254, 'privacy.err.emailInvalid')
  .refine((v) => v === '' || z.email().safeParse(v).success, 'privacy.err.emailInvalid')
  .transform((v) => v.toLowerCase());

/** A correction: the new name, address and phone number (empty: unchanged). */
export const correctForm = personForm
  .extend({
    newName: z.string().trim().max(200, 'privacy.err.nameTooLong'),
    newEmail: optionalEmail,
    newPhone: z
      .string()
      .trim()
      .max(40, 'privacy.err.phoneInvalid')
      .refine((v) => v === '' || /^\+?[0-9 ()-]{5,40}$/.test(v), 'privacy.err.phoneInvalid'),
  })
  .refine((v) => v.newName !== '' || v.newEmail !== '' || v.newPhone !== '', {
    path: ['newName'],
    message: 'privacy.err.nothingToCorrect',
  });
export type CorrectInput = z.output<typeof correctForm>;

/** An erasure: whose, and the administrator's confirmation that the person asked for it. */
export const eraseForm = personForm.extend({
  confirm: z.string().refine((v) => v === 'yes', 'privacy.err.confirm'),
});
export type EraseInput = z.output<typeof eraseForm>;

/** Which file an export makes (the form's two buttons). */
export const exportForm = z.object({
  format: z.enum(['json', 'pdf'], { message: 'privacy.err.format' }),
});

/** An administrator's export: whose, and which file. */
export const personExportForm = personForm.extend(exportForm.shape);
