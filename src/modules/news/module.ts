import { defineModule } from '../../platform/module.ts';
import { newsSearch } from './news.search.ts';

export const newsModule = defineModule({
  name: 'news',
  purpose: "the City Executive Office's news in five languages, its feeds and links (P9)",
  search: newsSearch,
  tables: ['news_item', 'news_translation', 'news_link'],
});
