import { catalogues, defineModule } from '../../platform/module.ts';
import { cityFactsEn, cityFactsSv } from './city-facts.messages.ts';
import { cityFactsPages } from './city-facts.pages.tsx';
import { seedCitiesDemo } from './city.demo.ts';

export const citiesModule = defineModule({
  name: 'cities',
  purpose:
    'twin and partner cities, their names per language and facts, the Nordic chain, the map of the chain',
  routes: [cityFactsPages],
  messages: catalogues({ sv: cityFactsSv, en: cityFactsEn }),
  protectedRoutes: {
    'GET /workspace/cities': 'coordinator',
    'GET /workspace/cities/:slug': 'coordinator',
    'POST /workspace/cities/:slug': 'coordinator',
  },
  demo: seedCitiesDemo,
  tables: ['city', 'city_translation', 'chain', 'chain_member'],
});
