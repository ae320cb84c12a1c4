import type { DomainEventHandler } from '../../platform/domain-events.ts';
import { createForHeldMeeting } from './evaluation.service.ts';

/**
 * The evaluation module's handler of other modules' events (decision 024): when a meeting
 * Gothenburg hosted is marked held, its evaluation is created in the same transaction
 * (policy rule P10), so the meeting is never held without one.
 */
export const evaluationEvents: DomainEventHandler = async (trx, event) => {
  if (event.type === 'meeting.held') await createForHeldMeeting(trx, event);
};
