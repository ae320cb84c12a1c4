/**
 * The public surface of the privacy module: the only file other modules import. Nothing
 * imports it yet; the CLI's `vanort privacy retention` is its own file (privacy.cli.ts).
 */
export { REGISTER, RETENTION_RULES } from './privacy.register.ts';
export type { KindId, LegalBasis, RegisterEntry, RetentionRuleId } from './privacy.register.ts';
export { retentionDryRun } from './retention.service.ts';
export type { RetentionItem, RetentionRuleResult } from './retention.service.ts';
