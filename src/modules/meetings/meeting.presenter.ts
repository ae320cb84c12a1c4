import type { z } from 'zod';
import type { Locale } from '../../platform/i18n/locales.ts';
import { localized } from '../cities/index.ts';
import type { rotationTurnJson } from './meeting.schema.ts';
import type { RotationEntry } from './rotation.service.ts';

/** One turn of the rotation as API JSON; `locale` is the language of `host.localized`. */
export function presentTurn(
  turn: RotationEntry,
  locale: Locale,
): z.output<typeof rotationTurnJson> {
  const name = localized(turn.host, locale);
  return {
    year: turn.year,
    host: {
      slug: turn.host.slug,
      name: localized(turn.host, 'sv').name,
      localized: { name: { text: name.name, lang: name.lang } },
    },
    status: turn.status,
    meeting: turn.meetingId ? `/meetings/${turn.meetingId}` : null,
  };
}
