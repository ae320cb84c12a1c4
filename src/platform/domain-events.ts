import type { Transaction } from 'kysely';
import type { Database } from '../db/database.ts';
import type { Actor } from './identity.ts';

/**
 * Things that happened in one module that another module acts on, inside the same
 * transaction (decision 024): the meetings module says "this meeting was held"; the
 * evaluation module creates the evaluation that policy rule P10 asks for. The module that
 * publishes knows nothing of those that listen (no import, no cycle), and because the
 * handlers run in the publisher's transaction, either both writes commit or neither does.
 * The modules add their handlers through their descriptors (`events`); the platform names
 * no module.
 */
export type DomainEvent = {
  /** A meeting's status became `held` (registered as held, or changed to held). */
  type: 'meeting.held';
  meetingId: string;
  chainId: string;
  hostCityId: string;
  year: number;
  /** The meeting's last day (or first, or null when it has no dates). */
  endDate: string | null;
  actor: Actor;
};

export type DomainEventType = DomainEvent['type'];

/** A module's handler: runs in the publisher's transaction; a throw rolls the whole write back. */
export type DomainEventHandler = (trx: Transaction<Database>, event: DomainEvent) => Promise<void>;

let handlers: readonly DomainEventHandler[] = [];

/** Called by the module registry with every module's handlers, in registry order. */
export function installEventHandlers(list: readonly DomainEventHandler[]): void {
  handlers = [...list];
}

/** Tells every module's handler, one after the other, in the caller's transaction. */
export async function publishEvent(trx: Transaction<Database>, event: DomainEvent): Promise<void> {
  for (const handle of handlers) await handle(trx, event);
}
