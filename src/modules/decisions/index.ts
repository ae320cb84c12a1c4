/**
 * The public surface of the decisions module: the only file other modules import (the
 * boundary check in `npm run lint` refuses any other). Its services and types.
 */
export { statusHistories, statusHistory } from './history.service.ts';
export type { StatusChange } from './history.service.ts';
export { latestDecisionChange, listDecisions } from './decision.service.ts';
export type { CouncilDecision } from './decision.service.ts';
export { RotationWarning } from './views/public-parts.tsx';
export { CityTimeline } from './views/public-timeline.tsx';
export { decisionFigures } from './figures.service.ts';
export type { DecisionFigures } from './figures.service.ts';
export { decisionsOfPeriod } from './evaluation-figures.service.ts';
export type { PeriodDecisions } from './evaluation-figures.service.ts';
