/**
 * The public surface of the collaborations module: the only file other modules import (the
 * boundary check in `npm run lint` refuses any other). Its services and types.
 */
export {
  latestPublicCollaborationChange,
  publicCollaborationChanges,
  publicCollaborationTitles,
  publicCollaborationsOfCity,
} from './collaboration.service.ts';
export type { CollaborationChange } from './collaboration.service.ts';
export { DIRECTIONS, latestPublicExchangeChange, listPublicExchanges } from './exchange.service.ts';
export type { Exchange } from './exchange.service.ts';
export { CityCollaborations } from './views/city-collaborations.tsx';
export type { CityCollaboration } from './views/city-collaborations.tsx';
export { collaborationFigures, exchangeFigures } from './figures.service.ts';
export type { CollaborationFigures, ExchangeFigures, YearWindow } from './figures.service.ts';
export { areaName } from './area.service.ts';
export { collaborationPolicy } from './collaboration.policy.ts';
export type { Scope as CollaborationScope } from './collaboration.repository.ts';
export {
  campaignsOfPeriod,
  citiesActiveInCollaborations,
  collaborationsOfPeriod,
  exchangesOfPeriod,
  organisationsNeverAnswering,
} from './evaluation-figures.service.ts';
export type {
  FiguresWindow,
  KeyCount,
  PeriodCampaign,
  PeriodCollaborations,
  PeriodExchanges,
} from './evaluation-figures.service.ts';
