import {
  createUser,
  findUserByEmail,
  listUsers,
  passwordError,
  setPassword,
} from '../modules/accounts/account.service.ts';
import { passwordProblem } from '../modules/accounts/password.ts';
import { inviteUser } from '../modules/accounts/reset.service.ts';
import { createApiToken, API_TOKEN_DAYS } from '../modules/accounts/api-token.service.ts';
import { createMailer } from '../platform/mail/mailer.ts';
import { isRole, ROLES, type RoleGrant } from '../modules/accounts/roles.ts';
import type { Actor } from '../modules/audit/audit.service.ts';
import { listCities } from '../modules/cities/city.service.ts';
import { listOrganisations } from '../modules/organisations/organisation.service.ts';
import { AppError } from '../shared/errors.ts';
import { CliFailure, EXIT, UsageError, type Command, type Io } from './core.ts';

const CLI_ACTOR: Actor = { userId: null, label: 'cli', ip: null };

/** The password from standard input: the first line, without its line break. */
async function passwordFromStdin(io: Io): Promise<string> {
  const text = await io.readStdin();
  const password = text.split(/\r?\n/)[0] ?? '';
  if (!password)
    throw new CliFailure(
      'no password on standard input (pipe it in, e.g. from a password manager).',
    );
  return password;
}

function explain(error: unknown): never {
  if (error instanceof AppError) {
    const problems = (error.details.problems ?? []) as { path: string; message: string }[];
    const text: Record<string, string> = {
      'password.tooShort': 'the password must have at least 12 characters',
      'password.tooLong': 'the password may have at most 256 characters',
      'password.common': 'the password is too common or easy to guess',
      'password.containsEmail': 'the password must not contain the e-mail address',
      'role.reporterNeedsOrganisation':
        'a reporter needs --organisation (an active organisation slug)',
      'role.partnerNeedsCity': 'a partner contact needs --city (a twin city slug)',
    };
    if (problems.length)
      throw new CliFailure(problems.map((p) => text[p.message] ?? p.message).join('; ') + '.');
    throw new CliFailure(error.message + '.');
  }
  throw error;
}

export const userCommands: Record<string, Command> = {
  'user create': {
    options: ['email', 'name', 'role', 'organisation', 'city', 'password-stdin', 'invite'],
    check: (v) => {
      if (!v.email) throw new UsageError('user create needs --email');
      if (!v.role?.length)
        throw new UsageError(`user create needs at least one --role (${ROLES.join(', ')})`);
      const bad = v.role.find((r) => !isRole(r));
      if (bad) throw new UsageError(`unknown role "${bad}" (roles: ${ROLES.join(', ')})`);
      if (!v['password-stdin'] === !v.invite) {
        throw new UsageError(
          'user create needs either --password-stdin (the password is read from standard input) or --invite (an invitation is mailed)',
        );
      }
    },
    run: async ({ db, config, values, io }) => {
      const password = values.invite ? null : await passwordFromStdin(io);
      const email = values.email ?? '';
      const problem = password === null ? null : passwordProblem(password, email);
      if (problem) explain(passwordError(problem));
      const orgs = await listOrganisations(db.kysely);
      const cities = await listCities(db);
      const organisationId = values.organisation
        ? orgs.find((o) => o.slug === values.organisation)?.id
        : undefined;
      if (values.organisation && !organisationId)
        throw new CliFailure(`no organisation with the slug "${values.organisation}".`);
      const cityId = values.city ? cities.find((c) => c.slug === values.city)?.id : undefined;
      if (values.city && !cityId) throw new CliFailure(`no city with the slug "${values.city}".`);
      const roles: RoleGrant[] = (values.role ?? []).filter(isRole).map((role) => ({
        role,
        organisationId: role === 'reporter' ? (organisationId ?? null) : null,
        cityId: role === 'partner' ? (cityId ?? null) : null,
      }));
      const name = values.name ?? email.split('@')[0] ?? email;
      try {
        if (password === null) {
          const baseUrl = config.publicUrl ?? `http://localhost:${config.port}`;
          const user = await inviteUser(
            db,
            createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom }),
            CLI_ACTOR,
            { email, name, roles },
            baseUrl,
          );
          io.out(
            `Invited ${user.email} with the role(s) ${user.roles.map((r) => r.role).join(', ')}; the invitation was mailed${config.smtpUrl ? '' : ' (to the outbox at /admin/outbox)'}.`,
          );
        } else {
          const user = await createUser(db, CLI_ACTOR, { email, name, roles, password });
          io.out(
            `Created ${user.email} with the role(s) ${user.roles.map((r) => r.role).join(', ')}.`,
          );
        }
      } catch (error) {
        explain(error);
      }
      return EXIT.ok;
    },
  },
  'user set-password': {
    options: ['email', 'password-stdin'],
    check: (v) => {
      if (!v.email) throw new UsageError('user set-password needs --email');
      if (!v['password-stdin']) throw new UsageError('user set-password needs --password-stdin');
    },
    run: async ({ db, values, io }) => {
      const user = await findUserByEmail(db.kysely, values.email ?? '');
      if (!user) throw new CliFailure(`no user with the e-mail address ${values.email ?? ''}.`);
      const password = await passwordFromStdin(io);
      try {
        await setPassword(db, CLI_ACTOR, user.id, password);
      } catch (error) {
        explain(error);
      }
      io.out(`Set a new password for ${user.email}.`);
      return EXIT.ok;
    },
  },
  'user list': {
    options: [],
    run: async ({ db, io }) => {
      const { users, total } = await listUsers(db, { limit: 10_000, offset: 0 });
      io.out(['email', 'name', 'roles', 'active'].join('\t'));
      for (const u of users) {
        io.out(
          [
            u.email,
            u.name,
            u.roles.map((r) => r.role).join(',') || '-',
            u.active ? 'yes' : 'no',
          ].join('\t'),
        );
      }
      io.out(`${total} user(s).`);
      return EXIT.ok;
    },
  },
  'token create': {
    options: ['email', 'name', 'days'],
    check: (v) => {
      if (!v.email) throw new UsageError('token create needs --email (the user the token acts as)');
      if (!v.name) throw new UsageError('token create needs --name (what the token is for)');
      if (v.days !== undefined && !/^\d{1,3}$/.test(v.days)) {
        throw new UsageError(
          `--days must be a whole number from ${API_TOKEN_DAYS.min} to ${API_TOKEN_DAYS.max}`,
        );
      }
    },
    run: async ({ db, values, io }) => {
      const user = await findUserByEmail(db.kysely, values.email ?? '');
      if (!user) throw new CliFailure(`no user with the e-mail address ${values.email ?? ''}.`);
      if (!user.active) throw new CliFailure(`${user.email} is deactivated.`);
      // The token is the user's own; the audit trail records that it was made from the CLI.
      const actor: Actor = { userId: user.id, label: `cli (${user.email})`, ip: null };
      try {
        const { token, apiToken } = await createApiToken(db, actor, user.id, {
          name: values.name ?? '',
          expiresInDays: values.days === undefined ? API_TOKEN_DAYS.default : Number(values.days),
        });
        io.out(token);
        io.err(
          `Created the API token "${apiToken.name}" for ${user.email}, valid until ${apiToken.expiresAt.slice(0, 10)}. It is shown only this once.`,
        );
      } catch (error) {
        explain(error);
      }
      return EXIT.ok;
    },
  },
};
