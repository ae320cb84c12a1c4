import type { PageContext } from '../../../platform/page-context.ts';
import { TitledPage } from '../../../ui/titled-page.tsx';
import { DataTable } from '../../../ui/table.tsx';
import type { RetentionRuleId } from '../privacy.register.ts';
import type { RetentionRuleResult } from '../retention.service.ts';

/** The shown ids per rule (the CLI lists every one; the page keeps long lists short). */
const SHOWN = 50;

export const ruleTitle = (rule: RetentionRuleId) => `privacy.rule.${rule}` as const;

/** `/admin/privacy/retention`: the dry run, what each rule's job would erase now. */
export function RetentionPage({
  ctx,
  results,
}: {
  ctx: PageContext;
  results: RetentionRuleResult[];
}) {
  const { t } = ctx.i18n;
  const total = results.reduce((n, r) => n + r.items.length, 0);
  return (
    <TitledPage
      ctx={ctx}
      title={t('privacy.retention.title')}
      back={{ href: '/admin/privacy', label: t('privacy.admin.title'), plain: true }}
      lead={t('privacy.retention.lead', { count: total })}
    >
      <DataTable
        caption={t('privacy.retention.caption')}
        rows={results}
        rowKey={(r) => r.rule}
        columns={[
          {
            header: t('privacy.retention.rule'),
            cell: (r) => t(ruleTitle(r.rule)),
            rowHeader: true,
          },
          { header: t('privacy.retention.job'), cell: (r) => <code>{r.job}</code> },
          { header: t('privacy.retention.days'), cell: (r) => r.days, class: 'num' },
          { header: t('privacy.admin.count'), cell: (r) => r.items.length, class: 'num' },
        ]}
      />
      {results
        .filter((r) => r.items.length > 0)
        .map((r) => (
          <section key={r.rule} aria-labelledby={`rule-${r.rule}`}>
            <h2 id={`rule-${r.rule}`}>{t(ruleTitle(r.rule))}</h2>
            <p>{t('privacy.retention.records', { count: r.items.length, table: r.table })}</p>
            <ul class="id-list">
              {r.items.slice(0, SHOWN).map((i) => (
                <li key={i.id}>
                  <code>{i.id.length > 16 ? `${i.id.slice(0, 16)}…` : i.id}</code>
                </li>
              ))}
            </ul>
            {r.items.length > SHOWN ? (
              <p>{t('privacy.retention.more', { count: r.items.length - SHOWN })}</p>
            ) : null}
          </section>
        ))}
      <p>{t('privacy.retention.cli')}</p>
    </TitledPage>
  );
}
