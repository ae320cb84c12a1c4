import { z } from 'zod';
import { multiline, sentForm } from '../../shared/validation.ts';
import { MAX_CITY_NAME } from './proposal.service.ts';

/**
 * The proposal form as sent (`sentForm`). The rules of a proposal are the service's
 * (`draftProposal`), shared with the API; the limits of the free texts are the service's.
 */
export const proposalForm = sentForm(
  [
    'kind',
    'city',
    'slug',
    'nameSv',
    'nameEn',
    'countryCode',
    'latitude',
    'longitude',
    'title',
    'justification',
  ],
  {
    nameSv: MAX_CITY_NAME,
    nameEn: MAX_CITY_NAME,
    title: 300,
    justification: multiline(z.string().max(20_000)),
  },
);
