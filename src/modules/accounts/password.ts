import { hash, verify } from '@node-rs/argon2';
import { COMMON_PASSWORDS } from './common-passwords.ts';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

// OWASP's argon2id recommendation: 19 MiB, 2 iterations, 1 lane.
// algorithm 2 is Argon2id (a const enum in the typings, which isolated modules cannot use).
const OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash of a random value, verified against when the user does not exist (same timing). */
let dummyHash: Promise<string> | null = null;
export async function verifyAgainstNothing(password: string): Promise<false> {
  dummyHash ??= hashPassword('not a real password, only for timing');
  await verifyPassword(await dummyHash, password);
  return false;
}

export type PasswordProblem = 'tooShort' | 'tooLong' | 'common' | 'containsEmail';

/** Why a new password is not good enough, or null when it is. */
export function passwordProblem(password: string, email?: string): PasswordProblem | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return 'tooShort';
  if (password.length > MAX_PASSWORD_LENGTH) return 'tooLong';
  const normalised = password.toLowerCase();
  if (COMMON_PASSWORDS.has(normalised) || /^(.)\1+$/.test(password) || isSequence(normalised))
    return 'common';
  const local = email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && normalised.includes(local)) return 'containsEmail';
  return null;
}

function isSequence(value: string): boolean {
  const runs = [
    '0123456789012345678901234567890',
    'abcdefghijklmnopqrstuvwxyzåäö',
    'qwertyuiopåasdfghjklöäzxcvbnm',
  ];
  return runs.some((run) => run.includes(value));
}
