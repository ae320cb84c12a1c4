import {
  policyLine,
  type PolicyStatusSource,
  type TaskSource,
} from '../../platform/workspace-home.ts';
import { listCities, localized } from '../cities/index.ts';
import * as repo from './home.repository.ts';

// What the decisions module adds to the workspace start page (decision 028): proposals
// to send (coordinators) and to decide on (the council's registrar), and policy line P6.

const MAX_ITEMS = 20;

/** The decisions module's tasks for the signed-in user. */
export const decisionHomeTasks: TaskSource = async (db, user, ctx) => {
  const { t } = ctx.i18n;
  const coordinator = user.roles.some((g) => g.role === 'coordinator');
  const council = user.roles.some((g) => g.role === 'council');
  const statuses = [...(coordinator ? ['draft'] : []), ...(council ? ['sent'] : [])];
  if (statuses.length === 0) return [];
  const proposals = await repo.listProposalsIn(db.kysely, statuses, MAX_ITEMS);
  return proposals.map((p) =>
    p.status === 'draft'
      ? {
          kind: 'proposal.send',
          title: t('home.decisions.task.send', { title: p.title }),
          href: '/workspace/proposals',
          dueOn: null,
        }
      : {
          kind: 'proposal.decide',
          title: t('home.decisions.task.decide', { title: p.title }),
          href: `/workspace/decisions/new?proposal=${p.id}`,
          dueOn: null,
        },
  );
};

/**
 * Policy line P6: only the City Council establishes twin cities. Attention: an active twin
 * city whose activation has no recorded approving decision.
 */
export const decisionHomePolicy: PolicyStatusSource = async (db, ctx) => {
  const { t } = ctx.i18n;
  const [cities, decided, waiting] = await Promise.all([
    listCities(db),
    repo.citiesActivatedByDecision(db.kysely),
    repo.listProposalsIn(db.kysely, ['sent'], MAX_ITEMS),
  ]);
  const active = cities.filter((c) => c.kind === 'twin' && c.status === 'active');
  const without = active.filter((c) => !decided.has(c.id));
  const line = policyLine('P6', '/decisions');
  if (without.length > 0)
    return [
      line(
        'attention',
        t('home.decisions.p6.missing', {
          count: without.length,
          cities: ctx.i18n.formatList(without.map((c) => localized(c, ctx.i18n.locale).name)),
        }),
      ),
    ];
  return [
    line(
      'ok',
      waiting.length > 0
        ? t('home.decisions.p6.okWaiting', { count: active.length, waiting: waiting.length })
        : t('home.decisions.p6.ok', { count: active.length }),
    ),
  ];
};
