import type { Config, PlanClass } from '../../config/config.ts';

/**
 * The default classification plan (klassificeringsstruktur) of the portal's records: the
 * classes of the City Executive Office's plan the twin-city work files under. A city
 * replaces it with its own information management plan through RECORDS_CLASSIFICATION_PLAN
 * (a JSON file, checked when the app starts).
 */
export const DEFAULT_PLAN: readonly PlanClass[] = [
  { code: '1.4.1', title: 'Internationellt samarbete – övergripande' },
  { code: '1.4.2', title: 'Internationellt samarbete – vänorter' },
  { code: '1.4.3', title: 'Internationellt samarbete – vänortsmöten' },
  { code: '1.4.4', title: 'Internationellt samarbete – uppföljning och utvärdering' },
  { code: '1.2.1', title: 'Politisk styrning – beslut i kommunfullmäktige och kommunstyrelsen' },
];

/** The plan in force: the configured one, or the default. */
export function planOf(config: Pick<Config, 'classificationPlan'>): readonly PlanClass[] {
  return config.classificationPlan ?? DEFAULT_PLAN;
}

/** "1.4.2 Internationellt samarbete – vänorter", or the bare code when the plan lacks it. */
export function classLabel(plan: readonly PlanClass[], code: string | null): string {
  if (!code) return '';
  const c = plan.find((p) => p.code === code);
  return c ? `${c.code} ${c.title}` : code;
}
