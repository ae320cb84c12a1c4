/**
 * The public surface of the overview module: the only file other modules import (the
 * boundary check in `npm run lint` refuses any other).
 */
export { FIRST_YEAR, overviewYears, yearOverview } from './overview.service.ts';
export type { YearOverview } from './overview.service.ts';
