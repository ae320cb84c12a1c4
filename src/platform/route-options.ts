import { z } from 'zod';
import type { Permission } from './permissions.ts';
import { perMinute } from './rate-limit.ts';

/** A route's `config` that lets in the holders of one permission: `{ config: COORDINATOR }`. */
const only = <P extends Permission>(permission: P) => ({ permission }) as const;

export const PUBLIC = only('public');
export const COORDINATOR = only('coordinator');
export const REPORTING = only('reporting');
export const COUNCIL = only('council');
export const INTERNAL = only('internal');

/** A public form's route options: at most `max` posts a minute per address (0: no limit). */
export const publicLimited = (max: number) =>
  ({ config: { ...PUBLIC, rateLimit: perMinute(max) } }) as const;

/** The path parameter of a route about one record: `/…/:id`. */
export const idParams = z.object({ id: z.string().max(100) });
