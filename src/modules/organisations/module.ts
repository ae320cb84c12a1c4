import { defineModule } from '../../platform/module.ts';
import { seedOrganisationsDemo } from './organisation.demo.ts';

export const organisationsModule = defineModule({
  name: 'organisations',
  purpose: 'the register of administrations and companies (managed in the admin)',
  demo: seedOrganisationsDemo,
  tables: ['organisation'],
});
