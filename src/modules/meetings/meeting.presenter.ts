import { localized } from '../cities/index.ts';
import type { RotationEntry } from './rotation.service.ts';

/** One turn of the rotation as API JSON. */
export const presentTurn = (turn: RotationEntry) => ({
  year: turn.year,
  host: { slug: turn.host.slug, name: localized(turn.host, 'sv').name },
  status: turn.status,
  meeting: turn.meetingId ? `/meetings/${turn.meetingId}` : null,
});
