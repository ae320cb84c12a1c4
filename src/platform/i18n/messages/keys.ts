// Generated from sv.json by `npm run i18n:types`: do not edit.
import type { CatalogueOf } from '../catalogue.ts';
import type messages from './sv.json';

/** The messages that take arguments: the keys that take each set of argument types. */
type Args = Record<"form.tooLong", { max: number; length: number }> &
  Record<"form.tooManyChoices", { max: number }> &
  Record<"home.nextPlanned", { year: string | number; city: string | number }> &
  Record<"home.nextForecast", { city: string | number; year: string | number }> &
  Record<"home.lastMeeting", { city: string | number; dates: string | number }> &
  Record<"cities.chainText", { members: string | number; interval: string | number; cycle: number }> &
  Record<"city.meetingsTitle" | "city.meetingsEmpty", { city: string | number }> &
  Record<"city.chainPosition", { position: string | number }> &
  Record<"error.cityNotFound.text", { slug: string | number }> &
  Record<"form.conflict.lead", { when: string | number }>;

declare module '../catalogue.ts' {
  interface MessageCatalogue extends CatalogueOf<typeof messages, Args> {}
}
