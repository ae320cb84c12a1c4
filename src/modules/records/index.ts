/**
 * The public surface of the records module: the only file other modules import (the
 * boundary check in `npm run lint` refuses any other).
 */
export { DEFAULT_PLAN, planOf } from './records.plan.ts';
export { buildSip } from './sip.ts';
export type { SipPackage, SipRecord } from './sip.ts';
