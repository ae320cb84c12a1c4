// Generated from sv.json by `npm run i18n:types`: do not edit.
import type { CatalogueOf } from '../catalogue.ts';
import type messages from './sv.json';

/** The messages that take arguments, and their types. */
interface Args {
  "form.tooLong": { max: number; length: number };
  "form.tooManyChoices": { max: number };
  "home.nextPlanned": { year: string | number; city: string | number };
  "home.nextForecast": { city: string | number; year: string | number };
  "home.lastMeeting": { city: string | number; dates: string | number };
  "cities.chainText": { members: string | number; interval: string | number; cycle: number };
  "city.meetingsTitle": { city: string | number };
  "city.meetingsEmpty": { city: string | number };
  "city.chainPosition": { position: string | number };
  "error.cityNotFound.text": { slug: string | number };
  "form.conflict.lead": { when: string | number };
}

declare module '../catalogue.ts' {
  interface MessageCatalogue extends CatalogueOf<typeof messages, Args> {}
}
