import { loadCatalogues } from '../../platform/i18n/catalogue.ts';
import { defineModule } from '../../platform/module.ts';
import { cityFactsPages } from './city-facts.pages.tsx';
import { seedCitiesDemo } from './city.demo.ts';
import { citiesSearch } from './city.search.ts';
import { cityHomePolicy } from './city.home.ts';

export const citiesModule = defineModule({
  name: 'cities',
  purpose:
    'twin and partner cities, their names per language and facts, the Nordic chain, the map of the chain',
  routes: [cityFactsPages],
  messages: loadCatalogues(new URL('./messages/', import.meta.url)),
  protectedRoutes: {
    'GET /workspace/cities': 'coordinator',
    'GET /workspace/cities/:slug': 'coordinator',
    'POST /workspace/cities/:slug': 'coordinator',
  },
  demo: seedCitiesDemo,
  search: citiesSearch,
  policy: cityHomePolicy,
  tables: ['city', 'city_translation', 'chain', 'chain_member'],
});
