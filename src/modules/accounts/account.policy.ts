import type { Actor } from '../audit/index.ts';

/**
 * The finer rules of the accounts module, checked in its services. The route's
 * declared permission (platform/permissions.ts) decides who may call a route at all;
 * these decide what that caller may do to a particular thing.
 */
export const accountPolicy = {
  /** Nobody deactivates their own account: an administrator could lock everyone out. */
  setActive: (actor: Actor, targetUserId: string, active: boolean): boolean =>
    active || actor.userId !== targetUserId,
  /** A user manages only their own API tokens, not even an administrator those of others. */
  manageApiTokens: (actor: Actor, ownerUserId: string): boolean =>
    actor.userId !== null && actor.userId === ownerUserId,
  /** A person chooses their own language (an administrator sets it only when inviting). */
  changeLanguage: (actor: Actor, userId: string): boolean =>
    actor.userId !== null && actor.userId === userId,
};
