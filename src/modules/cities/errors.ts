import { defineErrors } from '../../shared/errors.ts';

/**
 * The error codes of the city register and its suggestions. The registry joins them into the one catalogue and
 * the `ErrorCode` type (src/shared/errors.ts; docs/errors.md, `GET /api/errors`, the HTML error pages).
 */
export const { specs: citiesErrorSpecs, factories: citiesErrors } = defineErrors({
  CITY_NOT_FOUND: {
    status: 404,
    when: 'No city in the register has the given slug.',
    message: 'No such city',
    page: { text: 'error.cityNotFound.text' },
    make: (slug: string) => ({ message: `No city with the slug "${slug}"`, details: { slug } }),
  },
  CITY_SUGGESTION_NOT_FOUND: {
    status: 404,
    when: 'A coordinator reviews a city whose partner contact has no suggestion waiting for review (none sent, or already approved or returned).',
    message: 'No suggestion waits for review for this city',
    page: { text: 'error.citySuggestionNotFound.text' },
    about: 'slug',
  },
});
