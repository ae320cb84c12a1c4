import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/auth.ts';
import { pageContext, redirectWithFlash, sendPage } from '../../platform/render.ts';
import type { FieldErrors } from '../../ui/form.tsx';
import { problemErrors } from '../decisions/proposal.pages.tsx';
import { gothenburgDate } from './delegation.dates.ts';
import { formStrings } from '../../platform/forms.ts';
import {
  PLAN_TASK_FIELDS,
  TEMPLATE_FIELDS,
  type PlanTaskValues,
  type TemplateTaskValues,
} from './host-plan.schema.ts';
import {
  addTemplateTask,
  createHostPlanFor,
  getHostPlan,
  getTemplate,
  hostPlanOverview,
  moveTemplateTask,
  updatePlanTask,
  updateTemplateTask,
} from './host-plan.service.ts';
import {
  HostPlanOverviewPage,
  HostPlanPage,
  HostPlanTemplatePage,
} from './views/host-plan-pages.tsx';

const COORDINATOR = { permission: 'coordinator' } as const;
const idParams = z.object({ id: z.string().max(100) });
const taskParams = idParams.extend({ taskId: z.string().max(100) });
const templateParams = z.object({ taskId: z.string().max(100) });
const editOf = (request: FastifyRequest) => {
  const edit = (request.query as { edit?: unknown } | undefined)?.edit;
  return typeof edit === 'string' ? edit : undefined;
};

/** Host planning (P5): the plans of Gothenburg's meetings and their template. */
export const hostPlanPages: FastifyPluginAsyncZod = async (app) => {
  app.get('/workspace/host-plan', { config: COORDINATOR }, async (request, reply) => {
    const plans = await hostPlanOverview(app.db, gothenburgDate());
    return sendPage(
      reply,
      <HostPlanOverviewPage ctx={pageContext(request, reply)} plans={plans} />,
    );
  });

  const renderPlan = async (
    request: FastifyRequest,
    reply: FastifyReply,
    meetingId: string,
    status = 200,
    extra: { editId?: string; values?: PlanTaskValues; errors?: FieldErrors } = {},
  ) => {
    const plan = await getHostPlan(app.db, meetingId, gothenburgDate());
    const editId = extra.editId ?? editOf(request);
    const editing = plan.tasks.find((task) => task.id === editId) ?? null;
    return sendPage(
      reply,
      <HostPlanPage
        ctx={pageContext(request, reply)}
        plan={plan}
        editing={editing}
        values={extra.values}
        errors={extra.errors}
      />,
      status,
    );
  };

  const planUrl = (id: string) => `/workspace/meetings/${encodeURIComponent(id)}/host-plan`;

  app.get(
    '/workspace/meetings/:id/host-plan',
    { config: COORDINATOR, schema: { params: idParams } },
    async (request, reply) => renderPlan(request, reply, request.params.id),
  );

  app.post(
    '/workspace/meetings/:id/host-plan',
    { config: COORDINATOR, schema: { params: idParams } },
    async (request, reply) => {
      let count: number;
      try {
        count = await createHostPlanFor(app.db, actorOf(request), request.params.id);
      } catch (error) {
        const errors = problemErrors(request, error);
        if (errors) return renderPlan(request, reply, request.params.id, 400, { errors });
        throw error;
      }
      return redirectWithFlash(
        reply,
        planUrl(request.params.id),
        request.i18n.t('hostPlan.flash.created', { count }),
      );
    },
  );

  app.post(
    '/workspace/meetings/:id/host-plan/tasks/:taskId',
    { config: COORDINATOR, schema: { params: taskParams } },
    async (request, reply) => {
      const { id, taskId } = request.params;
      const values = formStrings(request.body, PLAN_TASK_FIELDS, 4001);
      try {
        await updatePlanTask(app.db, actorOf(request), id, taskId, values);
      } catch (error) {
        const errors = problemErrors(request, error);
        if (errors) return renderPlan(request, reply, id, 400, { editId: taskId, values, errors });
        throw error;
      }
      return redirectWithFlash(reply, planUrl(id), request.i18n.t('hostPlan.flash.taskSaved'));
    },
  );

  const renderTemplate = async (
    request: FastifyRequest,
    reply: FastifyReply,
    status = 200,
    extra: { editId?: string; values?: TemplateTaskValues; errors?: FieldErrors } = {},
  ) => {
    const tasks = await getTemplate(app.db, actorOf(request));
    const editId = extra.editId ?? editOf(request);
    return sendPage(
      reply,
      <HostPlanTemplatePage
        ctx={pageContext(request, reply)}
        tasks={tasks}
        editing={tasks.find((task) => task.id === editId) ?? null}
        values={extra.values}
        errors={extra.errors}
      />,
      status,
    );
  };

  app.get('/workspace/host-plan-template', { config: COORDINATOR }, async (request, reply) =>
    renderTemplate(request, reply),
  );

  app.post('/workspace/host-plan-template', { config: COORDINATOR }, async (request, reply) => {
    const values = formStrings(request.body, TEMPLATE_FIELDS, 400);
    try {
      await addTemplateTask(app.db, actorOf(request), values);
    } catch (error) {
      const errors = problemErrors(request, error);
      if (errors) return renderTemplate(request, reply, 400, { values, errors });
      throw error;
    }
    return redirectWithFlash(
      reply,
      '/workspace/host-plan-template',
      request.i18n.t('hostPlan.flash.templateAdded'),
    );
  });

  app.post(
    '/workspace/host-plan-template/:taskId',
    { config: COORDINATOR, schema: { params: templateParams } },
    async (request, reply) => {
      const values = formStrings(request.body, TEMPLATE_FIELDS, 400);
      const { taskId } = request.params;
      try {
        await updateTemplateTask(app.db, actorOf(request), taskId, values);
      } catch (error) {
        const errors = problemErrors(request, error);
        if (errors) return renderTemplate(request, reply, 400, { editId: taskId, values, errors });
        throw error;
      }
      return redirectWithFlash(
        reply,
        '/workspace/host-plan-template',
        request.i18n.t('hostPlan.flash.templateSaved'),
      );
    },
  );

  app.post(
    '/workspace/host-plan-template/:taskId/move',
    { config: COORDINATOR, schema: { params: templateParams } },
    async (request, reply) => {
      const { direction } = formStrings(request.body, ['direction'], 10);
      await moveTemplateTask(app.db, actorOf(request), request.params.taskId, direction);
      return redirectWithFlash(
        reply,
        '/workspace/host-plan-template',
        request.i18n.t('hostPlan.flash.templateMoved'),
      );
    },
  );
};
