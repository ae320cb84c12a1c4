import { defineModule } from '../../platform/module.ts';
import { seedOrganisationsDemo } from './organisation.demo.ts';
import { organisationsErrorSpecs } from './errors.ts';

export const organisationsModule = defineModule({
  name: 'organisations',
  purpose: 'the register of administrations and companies (managed in the admin)',
  errors: organisationsErrorSpecs,
  demo: seedOrganisationsDemo,
  tables: ['organisation'],
});
