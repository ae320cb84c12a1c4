/**
 * The public surface of the cities module: the only file other modules import (the
 * boundary check in `npm run lint` refuses any other). Its services and types.
 */
export {
  correctCityContact,
  CITY_KINDS,
  CITY_STATUSES,
  NORDIC_CHAIN,
  getChain,
  getCity,
  hostCycleYears,
  latestCityChange,
  listCities,
  localized,
} from './city.service.ts';
export type { Chain, City, CityKind, CityStatus } from './city.service.ts';
export { cityFilterQuery } from './city-filter.schema.ts';
export { NordicMap } from './map.tsx';
export { CityName, countryName } from './views/city-name.tsx';
export {
  addProposedCity,
  changeChainMembership,
  findCityRecord,
  setCityStatus,
} from './city-register.service.ts';
export type { CityRecord } from './city-register.service.ts';
export { citiesForFigures } from './evaluation-figures.service.ts';
export type { ChainForFigures, CityLabel } from './evaluation-figures.service.ts';
export { citiesErrors } from './errors.ts';
