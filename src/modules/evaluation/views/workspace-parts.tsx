import type { PageContext } from '../../../platform/page-context.ts';
import type { EvaluationStatus } from '../evaluation.service.ts';

/** An evaluation's status as a worded tag (never colour alone). */
export function StatusTag({
  ctx,
  status,
  version,
}: {
  ctx: PageContext;
  status: EvaluationStatus;
  version: number;
}) {
  const { t } = ctx.i18n;
  const text =
    status === 'approved'
      ? t('evaluation.status.approved', { version })
      : status === 'in_review'
        ? t('evaluation.status.in_review')
        : t('evaluation.status.draft');
  const cls =
    status === 'approved' ? 'tag tag-active' : status === 'in_review' ? 'tag tag-proposed' : 'tag';
  return <span class={cls}>{text}</span>;
}
