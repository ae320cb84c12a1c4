import { defineModule } from '../../platform/module.ts';
import { cityFactsEn, cityFactsSv } from './city-facts.messages.ts';
import { cityFactsPages } from './city-facts.pages.tsx';
import { cityApi } from './city.api.ts';
import { seedCitiesDemo } from './city.demo.ts';
import { cityPages } from './city.pages.tsx';

export const citiesModule = defineModule({
  name: 'cities',
  purpose: 'twin and partner cities, their names per language, the Nordic chain; pages and API',
  routes: [cityPages, { plugin: cityApi, prefix: '/api/v1' }, cityFactsPages],
  messages: [
    { locale: 'sv', messages: cityFactsSv },
    { locale: 'en', messages: cityFactsEn },
  ],
  protectedRoutes: {
    'GET /workspace/cities': 'coordinator',
    'GET /workspace/cities/:slug': 'coordinator',
    'POST /workspace/cities/:slug': 'coordinator',
  },
  demo: seedCitiesDemo,
  tables: ['city', 'city_translation', 'chain', 'chain_member'],
});
