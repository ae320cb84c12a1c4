import { accountsEn } from '../../modules/accounts/account.messages.ts';
import { oidcEn } from '../../modules/accounts/oidc.messages.ts';
import { resetEn } from '../../modules/accounts/reset.messages.ts';
import { apiTokenEn } from '../../modules/accounts/api-token.messages.ts';
import { mfaEn } from '../../modules/accounts/mfa.messages.ts';
import { decisionsEn } from '../../modules/decisions/decision.messages.ts';
import { decisionsPublicEn } from '../../modules/decisions/public.messages.ts';
import { cityFactsEn } from '../../modules/cities/city-facts.messages.ts';
import { workspaceEn } from '../../modules/pages/workspace.messages.ts';
import { meetingsEn } from '../../modules/meetings/meeting.messages.ts';
import { delegationsEn } from '../../modules/meetings/delegation.messages.ts';
import { collaborationsEn } from '../../modules/collaborations/collaboration.messages.ts';
import { campaignsEn } from '../../modules/collaborations/campaign.messages.ts';
import type { Messages } from './messages.sv.ts';

export const en: Messages = {
  ...accountsEn,
  ...oidcEn,
  ...resetEn,
  ...apiTokenEn,
  ...mfaEn,
  ...decisionsEn,
  ...decisionsPublicEn,
  ...cityFactsEn,
  ...workspaceEn,
  ...meetingsEn,
  ...delegationsEn,
  ...collaborationsEn,
  ...campaignsEn,
  'service.name': 'Vänortsportalen',
  'service.owner': 'City of Gothenburg',
  'service.tagline': "The City of Gothenburg's Nordic twin-city cooperation",
  'layout.skipLink': 'Skip to main content',
  'form.errorTitlePrefix': 'Error',
  'form.optional': 'optional',
  'form.dateFormat': 'Write the date as YYYY-MM-DD, for example 2027-06-14.',
  'layout.mainNav': 'Main menu',
  'layout.languageNav': 'Choose language',
  'layout.languageCurrent': '(current language)',
  'layout.footerNav': 'About this website',
  'layout.demoBanner':
    "The information on this website is example data for demonstration and testing, not the city's official register.",
  'layout.demoLabel': 'Example data',
  'nav.home': 'Home',
  'nav.cities': 'Twin cities',
  'nav.policy': 'The policy',
  'nav.accessibility': 'Accessibility statement',
  'nav.api': 'Open API',
  'footer.text':
    "Vänortsportalen is run by the City Executive Office (Stadsledningskontoret), City of Gothenburg, which coordinates and publishes information about the city's work with its twin cities.",

  'home.title': "Gothenburg's Nordic twin cities",
  'home.lead':
    'Since 1946 Gothenburg has cooperated with Aarhus, Bergen and Turku. The cooperation began as an expression of solidarity after the Second World War and is today an exchange between the cities’ politicians, administrations and companies.',
  'home.howTitle': 'How the cooperation works',
  'home.how1':
    'The twin cities meet every other year for political exchange of experience and seminars on current issues.',
  'home.how2':
    'Hosting rotates between the four cities, so Gothenburg hosts the twin-city meeting every eighth year.',
  'home.how3':
    'Administrations and municipal companies run their own collaborations with the twin cities and report them to the City Executive Office.',
  'home.citiesTitle': 'The four cities',
  'home.nextTitle': 'Next twin-city meeting',
  'home.nextPlanned': '{year} in {city}',
  'home.nextForecast':
    'By the rotation, {city} hosts the next twin-city meeting in {year}. Dates and programme are not yet set.',
  'home.nextUnknown': 'The next twin-city meeting has not been set yet.',
  'home.lastTitle': 'Latest twin-city meeting',
  'home.lastMeeting': '{city}, {dates}',
  'home.readPolicy': "Read the policy on the city's relation to its twin cities",

  'cities.title': 'Twin cities',
  'cities.lead':
    "Gothenburg's Nordic twin-city chain has four cities that take turns hosting the twin-city meeting every other year.",
  'cities.chainTitle': 'The twin-city chain',
  'cities.chainText':
    'The chain has {members} members that meet every {interval} years, so each city hosts every {cycle} years.',
  'cities.table.caption': 'The cities in the twin-city chain',
  'cities.mapTitle': 'Map of the twin-city chain',
  'cities.mapDescription':
    'Map of the Nordic region with the cities of the twin-city chain, joined in the order in which they host the twin-city meeting.',
  'cities.table.city': 'City',
  'cities.table.country': 'Country',
  'cities.table.kind': 'Kind',
  'cities.table.status': 'Status',
  'cities.table.since': 'Since',
  'cities.empty': 'No cities are registered yet.',

  'city.facts': 'Facts',
  'city.names': "Names in the chain's languages",
  'city.country': 'Country',
  'city.region': 'Region',
  'city.kind': 'Kind',
  'city.status': 'Status',
  'city.since': 'Twin city since',
  'city.coordinates': 'Coordinates',
  'city.population': 'Population',
  'city.website': 'Website',
  'city.meetingsTitle': 'Twin-city meetings in {city}',
  'city.meetingsEmpty': 'No twin-city meetings in {city} are registered yet.',
  'city.back': 'All twin cities',
  'city.chainPosition': 'Position {position} in the host rotation',

  'kind.home': 'Home city',
  'kind.twin': 'Twin city',
  'kind.partner': 'Partner city',
  'status.proposed': 'Proposed',
  'status.active': 'Active',
  'status.dormant': 'Dormant',
  'status.ended': 'Ended',
  'meetingStatus.forecast': 'Forecast',
  'meetingStatus.planned': 'Planned',
  'meetingStatus.confirmed': 'Confirmed',
  'meetingStatus.held': 'Held',
  'meetingStatus.postponed': 'Postponed',
  'meetingStatus.cancelled': 'Cancelled',
  'meeting.table.caption': 'Twin-city meetings',
  'meeting.table.year': 'Year',
  'meeting.table.dates': 'Dates',
  'meeting.table.status': 'Status',
  'meeting.datesUnknown': 'Dates unknown',

  'policy.title': "The policy: the City of Gothenburg's relation to its twin cities",
  'policy.lead':
    'The policy describes why and how the City of Gothenburg cooperates with its Nordic twin cities. The Swedish text is authoritative.',
  'policy.originalTitle': 'The policy text (Swedish original)',
  'policy.translationTitle': 'English translation',
  'policy.rulesTitle': 'The rules and what the portal does with them',
  'policy.rules.caption': 'The policy rules P1–P10',
  'policy.rules.rule': 'Rule',
  'policy.rules.support': 'How the portal supports the rule',

  'a11y.title': 'Accessibility statement for Vänortsportalen',

  'api.title': 'Open API',

  'error.notFound.title': 'Page not found',
  'error.notFound.text':
    'We cannot find the page you are looking for. It may have moved, or the address may be misspelt.',
  'error.cityNotFound.text': 'There is no city with the address {slug} in the register.',
  'error.home': 'Go to the home page',
  'error.server.title': 'Something went wrong',
  'error.server.text':
    'An unexpected error occurred and we could not show the page. Please try again in a while. If the problem remains, contact us and give the error id below.',
  'error.requestId': 'Error id',
  'error.unavailable.title': 'The service is temporarily unavailable',
  'error.unavailable.text': 'We cannot reach the database right now. Please try again shortly.',
  'error.badRequest.title': 'Bad request',
  'error.badRequest.text': 'The request could not be understood. Check the address and try again.',
  'error.tooLarge.text':
    'What you sent is too large to be accepted. Try a smaller file or a shorter text.',
  'error.conflict.title': 'That could not be done',
  'error.conflict.text':
    'What you tried to do does not fit the current state of the data. Reload the page to see how things stand now. Nothing has been changed.',
  'error.campaignClosed.text':
    'The campaign is closed, so answers can no longer be given or changed.',
  'error.link.title': 'The link does not work',
  'error.link.text':
    'The link is not valid, has expired or has already been used. Ask for a new link.',

  // The short title of each error code (src/shared/errors.ts); English is the API's `title`.
  'errorCode.BAD_REQUEST': 'Bad request',
  'errorCode.VALIDATION_FAILED': 'Validation failed',
  'errorCode.TOKEN_INVALID': 'Invalid link',
  'errorCode.UNAUTHENTICATED': 'Authentication required',
  'errorCode.INVALID_TOKEN': 'Invalid API token',
  'errorCode.INVALID_CREDENTIALS': 'Invalid credentials',
  'errorCode.MFA_SESSION_INVALID': 'No login is waiting for a code',
  'errorCode.FORBIDDEN': 'Forbidden',
  'errorCode.CSRF_INVALID': 'Form expired',
  'errorCode.NOT_YOUR_ORGANISATION': 'Not your organisation',
  'errorCode.DELEGATION_FORBIDDEN': 'No access to the delegation',
  'errorCode.NOT_FOUND': 'Not found',
  'errorCode.CITY_NOT_FOUND': 'City not found',
  'errorCode.USER_NOT_FOUND': 'User not found',
  'errorCode.ORGANISATION_NOT_FOUND': 'Organisation not found',
  'errorCode.DECISION_NOT_FOUND': 'Decision not found',
  'errorCode.PROPOSAL_NOT_FOUND': 'Proposal not found',
  'errorCode.DOCUMENT_NOT_FOUND': 'Document not found',
  'errorCode.MEETING_NOT_FOUND': 'Meeting not found',
  'errorCode.MEETING_PART_NOT_FOUND': 'Meeting part not found',
  'errorCode.OUTCOME_NOT_FOUND': 'Action not found',
  'errorCode.DELEGATION_MEMBER_NOT_FOUND': 'Delegation member not found',
  'errorCode.HOST_PLAN_TASK_NOT_FOUND': 'Host plan task not found',
  'errorCode.HOST_PLAN_TEMPLATE_TASK_NOT_FOUND': 'Template task not found',
  'errorCode.COLLABORATION_NOT_FOUND': 'Collaboration not found',
  'errorCode.EXCHANGE_NOT_FOUND': 'Exchange not found',
  'errorCode.AREA_NOT_FOUND': 'Area not found',
  'errorCode.CAMPAIGN_NOT_FOUND': 'Campaign not found',
  'errorCode.IMPORT_NOT_FOUND': 'Import not found',
  'errorCode.USER_EXISTS': 'User already exists',
  'errorCode.CAMPAIGN_CLOSED': 'Campaign closed',
  'errorCode.MFA_ALREADY_ENABLED': 'Two-step verification already on',
  'errorCode.DEMO_DATA_IN_PRODUCTION': 'Demo data in production',
  'errorCode.TOKEN_EXPIRED': 'Link expired',
  'errorCode.TOKEN_USED': 'Link already used',
  'errorCode.PAYLOAD_TOO_LARGE': 'Payload too large',
  'errorCode.UNSUPPORTED_MEDIA_TYPE': 'Unsupported media type',
  'errorCode.TOO_MANY_ATTEMPTS': 'Too many attempts',
  'errorCode.INTERNAL': 'Internal error',
  'errorCode.DATABASE_UNAVAILABLE': 'Database unavailable',
};
