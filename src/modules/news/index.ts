/**
 * The public surface of the news module: the only file other modules import (the
 * boundary check in `npm run lint` refuses any other).
 */
export {
  countPublishedNews,
  latestNewsChange,
  listPublishedNews,
  newsVersion,
} from './news-read.service.ts';
export type { NewsLinkKind, NewsVersion, PublishedNews } from './news-read.service.ts';
