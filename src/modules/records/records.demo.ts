import type { DemoContext } from '../../platform/demo.ts';
import * as repo from './records.repository.ts';

/**
 * The demo's records, registered as a registrar would have: the published evaluation report
 * and the meeting documents under the meeting's case, the decisions that have a case number
 * under their own. Records without a case number (the historical decisions) stay
 * unregistered, as they are in a real register.
 */
export async function seedRecordsDemo({ trx }: DemoContext): Promise<void> {
  const all = await repo.listRecords(
    trx,
    { kinds: ['decision', 'report', 'document'] },
    { limit: 100, offset: 0 },
  );
  for (const r of all) {
    if (r.kind === 'decision' && !r.case_number) continue;
    await repo.updateRecord(trx, r.kind, r.id, {
      case_number: r.case_number ?? (r.kind === 'report' ? 'SLK-2019-00412' : 'SLK-2026-00123'),
      secret: 0,
      secrecy_ground: null,
      classification: r.kind === 'decision' ? '1.2.1' : r.kind === 'report' ? '1.4.4' : '1.4.3',
    });
  }
}
