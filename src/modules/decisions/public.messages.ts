import type { Messages } from '../../platform/i18n/catalogue.ts';
/**
 * Texts of the public decision register, the city timeline and the rotation warning
 * (merged into the catalogs in platform/i18n).
 */
export const decisionsPublicSv = {
  'nav.decisions': 'Beslut',

  'decisions.title': 'Beslut om vänorter och partnerstäder',
  'decisions.lead':
    'Kommunfullmäktige (KF) beslutar om nya vänorter. Kommunstyrelsen (KS) beslutar om partnerstäder. Här finns de beslut som ligger bakom stadens relationer, de senaste först.',
  'decisions.empty': 'Det finns inga beslut registrerade ännu.',
  'decisions.caption': 'Beslut, de senaste först',
  'decisions.col.date': 'Sammanträde',
  'decisions.col.body': 'Organ',
  'decisions.col.title': 'Ärende',
  'decisions.col.caseNumber': 'Diarienummer',
  'decisions.col.outcome': 'Beslut',
  'decisions.back': 'Alla beslut',
  'decisions.historicalTag': 'Historisk uppgift',
  'decisions.historicalNote':
    'Historisk uppgift: beslutet är registrerat i efterhand, utan paragraf- eller diarienummer, och datumet kan vara ungefärligt.',
  'decisions.facts': 'Uppgifter om beslutet',
  'decisions.body': 'Beslutande organ',
  'decisions.meetingDate': 'Sammanträdesdatum',
  'decisions.section': 'Paragraf',
  'decisions.caseNumber': 'Diarienummer',
  'decisions.outcome': 'Beslut',
  'decisions.finalOn': 'Laga kraft',
  'decisions.link': 'Protokoll eller beslut',
  'decisions.document': 'Beslutsdokument',
  'decisions.documentLink': 'Beslutet som PDF',
  'decisions.missing': 'Saknas',
  'decisions.city': 'Gäller',
  'decisions.supersedes': 'Ersätter beslutet',
  'decisions.supersededBy': 'Ersatt av beslutet',
  'decisions.supersededNote':
    'Det här beslutet har rättats genom ett senare beslut. Läs det nya beslutet.',
  'decisions.body.KF': 'Kommunfullmäktige (KF)',
  'decisions.body.KS': 'Kommunstyrelsen (KS)',
  'decisions.body.KF presidium': 'Kommunfullmäktiges presidium',
  'decisions.outcome.approved': 'Bifall',
  'decisions.outcome.rejected': 'Avslag',

  'timeline.title': 'Tidslinje',
  'timeline.lead': 'Statusändringar och vänortsmöten i {city} sedan 1946, i datumordning.',
  'timeline.empty': 'Det finns inga händelser registrerade för {city} ännu.',
  'timeline.statusChange': 'Status: {from} → {to}',
  'timeline.statusSet': 'Status: {to}',
  'timeline.kindChange': 'Typ: {from} → {to}',
  'timeline.decision': 'Beslut: {body} {date}',
  'timeline.noDecision': 'Inget beslut registrerat för ändringen.',
  'timeline.proposalNote': 'Föreslagen av Stadsledningskontoret.',
  'timeline.meeting': 'Vänortsmöte i {city} ({status})',
  'timeline.section': '§ {section}',

  'cities.twinsTitle': 'Göteborg och vänorterna',
  'cities.partnersTitle': 'Partnerstäder',
  'cities.partnersLead':
    'Utöver vänorterna har Göteborg partnerstäder, som kommunstyrelsen beslutar om. Vissa samarbeten är aktiva, andra vilande.',
  'cities.partnerGroup.active': 'Aktiva partnerstäder',
  'cities.partnerGroup.proposed': 'Föreslagna partnerstäder',
  'cities.partnerGroup.dormant': 'Vilande partnerstäder',
  'cities.partnerGroup.ended': 'Avslutade partnerstäder',

  'rotation.warningLabel': 'Observera',
  'rotation.warning':
    'Med {members} städer i kedjan står Göteborg värd vart {cycle}:e år i stället för vart åttonde år (policyn, P3).',
} as const;

export const decisionsPublicEn: Record<keyof typeof decisionsPublicSv, string> = {
  'nav.decisions': 'Decisions',

  'decisions.title': 'Decisions on twin and partner cities',
  'decisions.lead':
    'The City Council (KF) decides on new twin cities. The City Executive Board (KS) decides on partner cities. These are the decisions behind the city’s relations, newest first.',
  'decisions.empty': 'No decisions have been recorded yet.',
  'decisions.caption': 'Decisions, newest first',
  'decisions.col.date': 'Meeting',
  'decisions.col.body': 'Body',
  'decisions.col.title': 'Matter',
  'decisions.col.caseNumber': 'Case number',
  'decisions.col.outcome': 'Outcome',
  'decisions.back': 'All decisions',
  'decisions.historicalTag': 'Historical record',
  'decisions.historicalNote':
    'Historical record: the decision was registered afterwards, without section or case number, and the date may be approximate.',
  'decisions.facts': 'About the decision',
  'decisions.body': 'Deciding body',
  'decisions.meetingDate': 'Meeting date',
  'decisions.section': 'Section (§)',
  'decisions.caseNumber': 'Case number',
  'decisions.outcome': 'Outcome',
  'decisions.finalOn': 'Final (legally binding) on',
  'decisions.link': 'Minutes or decision',
  'decisions.document': 'Decision document',
  'decisions.documentLink': 'The decision as PDF',
  'decisions.missing': 'None',
  'decisions.city': 'Concerns',
  'decisions.supersedes': 'Supersedes the decision',
  'decisions.supersededBy': 'Superseded by the decision',
  'decisions.supersededNote':
    'This decision has been corrected by a later decision. Read the new decision.',
  'decisions.body.KF': 'City Council (KF)',
  'decisions.body.KS': 'City Executive Board (KS)',
  'decisions.body.KF presidium': 'Presidium of the City Council',
  'decisions.outcome.approved': 'Approved',
  'decisions.outcome.rejected': 'Rejected',

  'timeline.title': 'Timeline',
  'timeline.lead': 'Status changes and twin-city meetings in {city} since 1946, in date order.',
  'timeline.empty': 'No events have been recorded for {city} yet.',
  'timeline.statusChange': 'Status: {from} → {to}',
  'timeline.statusSet': 'Status: {to}',
  'timeline.kindChange': 'Kind: {from} → {to}',
  'timeline.decision': 'Decision: {body} {date}',
  'timeline.noDecision': 'No decision is recorded for this change.',
  'timeline.proposalNote': 'Proposed by the City Executive Office.',
  'timeline.meeting': 'Twin-city meeting in {city} ({status})',
  'timeline.section': '§ {section}',

  'cities.twinsTitle': 'Gothenburg and its twin cities',
  'cities.partnersTitle': 'Partner cities',
  'cities.partnersLead':
    'Besides its twin cities, Gothenburg has partner cities, decided by the City Executive Board. Some partnerships are active, others dormant.',
  'cities.partnerGroup.active': 'Active partner cities',
  'cities.partnerGroup.proposed': 'Proposed partner cities',
  'cities.partnerGroup.dormant': 'Dormant partner cities',
  'cities.partnerGroup.ended': 'Ended partner cities',

  'rotation.warningLabel': 'Note',
  'rotation.warning':
    'With {members} cities in the chain, Gothenburg hosts every {cycle} years instead of every eighth year (the policy, P3).',
};

declare module '../../platform/i18n/catalogue.ts' {
  interface MessageCatalogue extends Messages<typeof decisionsPublicSv> {}
}
