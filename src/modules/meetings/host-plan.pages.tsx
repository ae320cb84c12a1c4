import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { COORDINATOR, idParams } from '../../platform/route-options.ts';
import { actorOf } from '../../platform/auth.ts';
import { formStrings, readForm } from '../../platform/forms.ts';
import { formsAt, pageWithForms } from '../../platform/form-page.ts';
import { renderPage } from '../../platform/render.ts';
import { gothenburgDate } from './delegation.dates.ts';
import {
  planTaskForm,
  templateTaskForm,
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
import { HostPlanOverviewPage, HostPlanPage } from './views/host-plan-pages.tsx';
import { HostPlanTemplatePage, TEMPLATE } from './views/host-plan-template-page.tsx';

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
    return renderPage(reply, HostPlanOverviewPage, { plans });
  });

  const renderPlan = async (
    request: FastifyRequest,
    reply: FastifyReply,
    meetingId: string,
    form: { editId?: string; values?: PlanTaskValues } = {},
  ) => {
    const plan = await getHostPlan(app.db, meetingId, gothenburgDate());
    const editId = form.editId ?? editOf(request);
    const editing = plan.tasks.find((task) => task.id === editId) ?? null;
    return renderPage(reply, HostPlanPage, { plan, editing, values: form.values });
  };

  const planUrl = (id: string) => `/workspace/meetings/${encodeURIComponent(id)}/host-plan`;

  pageWithForms(
    app,
    '/workspace/meetings/:id/host-plan',
    { config: COORDINATOR, schema: { params: idParams } },
    (request, reply, { id }) => renderPlan(request, reply, id),
  ).post('', (request, _reply, { id }, run) =>
    run({
      values: {},
      submit: () => createHostPlanFor(app.db, actorOf(request), id),
      done: (count) => ({ to: planUrl(id), flash: 'hostPlan.flash.created', params: { count } }),
    }),
  );

  formsAt(
    app,
    '/workspace/meetings/:id/host-plan/tasks/:taskId',
    { config: COORDINATOR, schema: { params: taskParams } },
    (request, reply, { id }) => renderPlan(request, reply, id),
  ).post('', (request, reply, { id, taskId }, run) =>
    run({
      values: readForm(request.body, planTaskForm),
      submit: (values) => updatePlanTask(app.db, actorOf(request), id, taskId, values),
      invalid: ({ values }) => renderPlan(request, reply, id, { editId: taskId, values }),
      done: () => ({ to: planUrl(id), flash: 'hostPlan.flash.taskSaved' }),
    }),
  );

  const renderTemplate = async (
    request: FastifyRequest,
    reply: FastifyReply,
    form: { editId?: string; values?: TemplateTaskValues } = {},
  ) => {
    const tasks = await getTemplate(app.db, actorOf(request));
    const editId = form.editId ?? editOf(request);
    return renderPage(reply, HostPlanTemplatePage, {
      tasks,
      editing: tasks.find((task) => task.id === editId) ?? null,
      values: form.values,
    });
  };

  pageWithForms(app, TEMPLATE, { config: COORDINATOR }, (request, reply) =>
    renderTemplate(request, reply),
  ).post('', (request, reply, _params, run) =>
    run({
      values: readForm(request.body, templateTaskForm),
      submit: (values) => addTemplateTask(app.db, actorOf(request), values),
      invalid: ({ values }) => renderTemplate(request, reply, { values }),
      done: () => ({ to: TEMPLATE, flash: 'hostPlan.flash.templateAdded' }),
    }),
  );

  const templateTask = formsAt(
    app,
    `${TEMPLATE}/:taskId`,
    { config: COORDINATOR, schema: { params: templateParams } },
    (request, reply) => renderTemplate(request, reply),
  );

  templateTask.post('', (request, reply, { taskId }, run) =>
    run({
      values: readForm(request.body, templateTaskForm),
      submit: (values) => updateTemplateTask(app.db, actorOf(request), taskId, values),
      invalid: ({ values }) => renderTemplate(request, reply, { editId: taskId, values }),
      done: () => ({ to: TEMPLATE, flash: 'hostPlan.flash.templateSaved' }),
    }),
  );

  templateTask.post('/move', (request, _reply, { taskId }, run) =>
    run({
      values: formStrings(request.body, ['direction'], 10),
      submit: ({ direction }) => moveTemplateTask(app.db, actorOf(request), taskId, direction),
      done: () => ({ to: TEMPLATE, flash: 'hostPlan.flash.templateMoved' }),
    }),
  );
};
