/**
 * The public surface of the search module: the only file other modules import (the
 * boundary check in `npm run lint` refuses any other). Modules give the search their
 * records through their descriptor's `search` field (src/platform/search.ts), not here.
 */
export { ensureIndexFresh, refreshIndex } from './search-index.service.ts';
export { searchPortal } from './search.service.ts';
export type { SearchGroup, SearchHit, SearchResult } from './search.service.ts';
