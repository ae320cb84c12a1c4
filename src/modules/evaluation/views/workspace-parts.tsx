import type { PageContext } from '../../../platform/page-context.ts';
import type { EvaluationStatus } from '../evaluation.service.ts';
import { Tag } from '../../../ui/tags.tsx';

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
  const tone = status === 'approved' ? 'active' : status === 'in_review' ? 'proposed' : undefined;
  return <Tag tone={tone}>{text}</Tag>;
}
