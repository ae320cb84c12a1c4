import { z } from 'zod';
import { isEnabledLocale } from '../../platform/i18n/locales.ts';
import { isRole, type RoleGrant } from './roles.ts';

/**
 * The forms of accounts (login, two-step codes, reset links, invitations, roles). Each
 * schema validates in its service and names the fields' messages (i18n keys); the routes
 * read the submitted strings with `readForm` by the same schema.
 */

/** Logging in. */
export const loginForm = z.object({
  email: z.string().trim().min(1, 'login.emailRequired').max(320, 'login.emailRequired'),
  password: z.string().min(1, 'login.passwordRequired').max(1024, 'login.passwordRequired'),
  next: z.string().max(2000).optional(),
});

/** A six-digit code; spaces (as some apps show "123 456") are ignored. */
const code = z
  .string('mfa.codeRequired')
  .max(50, 'mfa.codeFormat')
  .transform((v) => v.replace(/\s+/g, ''))
  .pipe(
    z
      .string()
      .min(1, 'mfa.codeRequired')
      .regex(/^\d{6}$/, 'mfa.codeFormat'),
  );

/** The forms that take a code: confirm enrolment, turn off. */
export const mfaCodeForm = z.object({ code });

/** The second step of logging in. */
export const mfaLoginForm = z.object({ code, next: z.string().max(2000).optional() });

/** The form asking for a reset link. */
export const resetRequestForm = z.object({
  email: z
    .string('reset.emailRequired')
    .trim()
    .min(1, 'reset.emailRequired')
    .max(320, 'reset.emailInvalid')
    .pipe(z.email('reset.emailInvalid')),
});

/** The form choosing a new password, typed twice. */
export const newPasswordForm = z
  .object({
    password: z
      .string('newPassword.required')
      .min(1, 'newPassword.required')
      .max(1024, 'password.tooLong'),
    passwordConfirm: z
      .string('newPassword.confirmRequired')
      .min(1, 'newPassword.confirmRequired')
      .max(1024, 'newPassword.mismatch'),
  })
  // A missing field has its own message; only two given passwords can differ.
  .refine((v) => !v.password || !v.passwordConfirm || v.password === v.passwordConfirm, {
    path: ['passwordConfirm'],
    message: 'newPassword.mismatch',
  });

/** The e-mail address and name of an invitation (also from the command line). */
export const invitationSchema = z.object({
  email: z.string().trim().max(320, 'invite.emailInvalid').pipe(z.email('invite.emailInvalid')),
  name: z.string().trim().min(1, 'invite.nameRequired').max(200, 'invite.nameRequired'),
});

/** The roles of a user as the forms send them: role names, and one scope of each kind. */
const roleFields = {
  organisation: z.string().max(100),
  city: z.string().max(100),
};

/** The roles, each with the scope it needs: a reporter's organisation, a partner's city. */
export function grantsOf(values: {
  roles: readonly string[];
  organisation: string;
  city: string;
}): RoleGrant[] {
  return values.roles.filter(isRole).map((role) => ({
    role,
    organisationId: role === 'reporter' ? values.organisation || null : null,
    cityId: role === 'partner' ? values.city || null : null,
  }));
}

/** A person's language: one of the chain's five (sv, en, da, nb, fi). */
const language = z
  .string('account.language.invalid')
  .max(10, 'account.language.invalid')
  .refine(isEnabledLocale, 'account.language.invalid');

/** A person changes the language of their own mails and workspace (the account page). */
export const languageForm = z.object({ language });

/**
 * An administrator invites a user: address, name, at least one role and its scope, and the
 * language of the invitation and the workspace; '' chooses it from the roles (a partner
 * contact gets their city's language, everyone else Swedish).
 */
export const inviteForm = invitationSchema.extend({
  roles: z
    .array(z.string().max(50))
    .max(50)
    .refine((roles) => roles.length > 0 && roles.every(isRole), 'admin.invite.rolesRequired'),
  ...roleFields,
  language: z
    .string('account.language.invalid')
    .max(10, 'account.language.invalid')
    .refine((value) => value === '' || isEnabledLocale(value), 'account.language.invalid'),
});

/** An administrator changes a user's roles (none at all is allowed). */
export const rolesForm = z.object({
  roles: z
    .array(z.string().max(50))
    .max(50)
    .refine((roles) => roles.every(isRole), 'mfa.admin.badRole'),
  ...roleFields,
});

/** The security settings: the roles that must use two-step verification. */
export const securityForm = z.object({
  roles: z
    .array(z.string().max(50))
    .max(50)
    .refine((roles) => roles.every(isRole), 'mfa.admin.badRole'),
});
