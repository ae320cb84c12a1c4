import { loadCatalogues } from '../../platform/i18n/catalogue.ts';
import { defineModule } from '../../platform/module.ts';
import { cityFactsPages } from './city-facts.pages.tsx';
import { seedCitiesDemo } from './city.demo.ts';
import { citiesSearch } from './city.search.ts';
import { cityHomePolicy, citySuggestionTasks } from './city.home.ts';
import { citiesErrorSpecs } from './errors.ts';

export const citiesModule = defineModule({
  name: 'cities',
  purpose:
    'twin and partner cities, their names per language and facts, the Nordic chain, the map of the chain',
  routes: [cityFactsPages],
  errors: citiesErrorSpecs,
  messages: loadCatalogues(new URL('./messages/', import.meta.url)),
  protectedRoutes: {
    'GET /workspace/cities': 'coordinator',
    'GET /workspace/cities/:slug': 'cityFacts',
    'POST /workspace/cities/:slug': 'cityFacts',
    'GET /workspace/cities/:slug/suggestion': 'coordinator',
    'POST /workspace/cities/:slug/suggestion/approve': 'coordinator',
    'POST /workspace/cities/:slug/suggestion/return': 'coordinator',
  },
  demo: seedCitiesDemo,
  search: citiesSearch,
  policy: cityHomePolicy,
  tasks: citySuggestionTasks,
  tables: ['city', 'city_translation', 'city_suggestion', 'chain', 'chain_member'],
});
