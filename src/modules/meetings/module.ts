import { loadCatalogues } from '../../platform/i18n/catalogue.ts';
import { defineModule, inOrder } from '../../platform/module.ts';
import { meetingsSitemap } from './meeting.sitemap.ts';
import { seedDelegationDemo } from './delegation.demo.ts';
import { delegationPages } from './delegation.pages.tsx';
import { hostPlanReminderJob } from './host-plan.job.ts';
import { hostPlanPages } from './host-plan.pages.tsx';
import { seedMeetingRecordsDemo, seedMeetingsDemo } from './meeting.demo.ts';
import { meetingDocumentPages } from './meeting-document.pages.tsx';
import { meetingPages } from './meeting.pages.tsx';
import { meetingPublicPages } from './meeting.public.pages.tsx';
import { outcomePages } from './outcome.pages.tsx';
import { participantPages } from './participants.pages.ts';
import { programmePages } from './programme.pages.tsx';
import { PROTECTED_ROUTES } from './protected-routes.ts';
import { delegationRetentionJob } from './retention.job.ts';
import { rotationApi } from './rotation.api.ts';
import { seminarPages } from './seminar.pages.tsx';
import { meetingsSearch } from './meeting.search.ts';
import { meetingPolicy, meetingTasks } from './meeting.home.ts';
import { meetingsErrorSpecs } from './errors.ts';

export const meetingsModule = defineModule({
  name: 'meetings',
  purpose:
    'the host rotation, twin-city meetings and their parts, delegations, participant lists, host plans (P2–P5)',
  routes: [
    meetingPublicPages,
    { plugin: rotationApi, prefix: '/api/v1' },
    meetingPages,
    programmePages,
    seminarPages,
    meetingDocumentPages,
    outcomePages,
    delegationPages,
    participantPages,
    hostPlanPages,
  ],
  errors: meetingsErrorSpecs,
  messages: loadCatalogues(new URL('./messages/', import.meta.url)),
  sitemap: meetingsSitemap,
  jobs: [delegationRetentionJob, hostPlanReminderJob],
  protectedRoutes: PROTECTED_ROUTES,
  tasks: meetingTasks,
  policy: meetingPolicy,
  demo: inOrder(seedMeetingRecordsDemo, seedMeetingsDemo, seedDelegationDemo),
  search: meetingsSearch,
  tables: [
    'meeting',
    'rotation_adjustment',
    'meeting_programme_item',
    'meeting_seminar',
    'meeting_document',
    'meeting_outcome',
    'delegation',
    'delegation_member',
    'host_plan_template_task',
    'host_plan_task',
  ],
});
