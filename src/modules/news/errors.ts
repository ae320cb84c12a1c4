import { defineErrors } from '../../shared/errors.ts';

/**
 * The error codes of news. The registry joins them into the one catalogue and
 * the `ErrorCode` type (src/shared/errors.ts; docs/errors.md, `GET /api/errors`, the HTML error pages).
 */
export const { specs: newsErrorSpecs, factories: newsErrors } = defineErrors({
  NEWS_NOT_FOUND: {
    status: 404,
    when: 'No news item has the given id, or the public asks for one that is a draft, scheduled or withdrawn.',
    message: 'No such news item',
    about: 'id',
  },
});
