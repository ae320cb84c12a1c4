import type { Messages } from '../../platform/i18n/catalogue.ts';
/** Texts of the workspace start page (merged into the catalogs in platform/i18n). */
export const workspaceSv = {
  'nav.workspace': 'Arbetsyta',
  'workspace.title': 'Arbetsyta',
  'workspace.lead': 'Hej {name}! Här är det du kan göra i Vänortsportalen med din roll.',
  'workspace.roles': 'Dina roller: {roles}.',
  'workspace.none':
    'Din roll har inga arbetsuppgifter här ännu. Kontakta systemförvaltaren om något saknas.',
  'workspace.group.twinCities': 'Vänorter och beslut',
  'workspace.group.meetings': 'Vänortsmöten',
  'workspace.group.reporting': 'Samarbeten och rapportering',
  'workspace.group.account': 'Konto och administration',
  'workspace.link.proposals': 'Förslag om vänorter',
  'workspace.link.proposals.hint':
    'Förslag till kommunfullmäktige eller kommunstyrelsen om nya vänorter och partnerstäder.',
  'workspace.link.decisions': 'Registrera beslut',
  'workspace.link.decisions.hint':
    'Fullmäktiges och styrelsens beslut; bara ett beslut ändrar en orts status.',
  'workspace.link.cities': 'Ortfakta',
  'workspace.link.cities.hint': 'Namn, beskrivningar, fakta och kontakter för orterna.',
  'workspace.link.meetings': 'Vänortsmöten',
  'workspace.link.meetings.hint': 'Planera möten, program, seminarier, dokument och utfall.',
  'workspace.link.delegations': 'Delegationer',
  'workspace.link.delegations.hint': 'Nominera och bekräfta delegationer till vänortsmötena.',
  'workspace.link.hostPlans': 'Värdskapsplaner',
  'workspace.link.hostPlans.hint':
    'Uppgifterna inför och efter möten där Göteborg står värd (P5), med förfallodatum och ansvariga.',
  'workspace.link.hostPlanTemplate': 'Mall för värdskapsplan',
  'workspace.link.hostPlanTemplate.hint':
    'Uppgifterna som varje värdskapsplan skapas från när Göteborg står värd.',
  'workspace.link.collaborations': 'Samarbeten',
  'workspace.link.collaborations.hint': 'Förvaltningarnas och bolagens samarbeten med vänorterna.',
  'workspace.link.exchanges': 'Erfarenhetsutbyten',
  'workspace.link.exchanges.hint': 'Besök, digitala möten och vad de lärde oss.',
  'workspace.link.review': 'Granska rapporter',
  'workspace.link.review.hint':
    'Nya och ändrade samarbeten och utbyten som väntar på Stadsledningskontoret.',
  'workspace.link.campaigns': 'Inventeringar',
  'workspace.link.campaigns.hint':
    'Årets inventering av vänortsaktiviteter och vilka som har svarat.',
  'workspace.link.import': 'Importera från Excel eller CSV',
  'workspace.link.import.hint': 'Läs in befintliga listor med en provkörning först.',
  'workspace.link.areas': 'Områden',
  'workspace.link.areas.hint': 'Listan över områden som samarbeten kan gälla.',
  'workspace.link.knowledge': 'Kunskapsbanken',
  'workspace.link.knowledge.hint': 'Sök i samarbeten och i det utbytena har lärt oss.',
  'workspace.link.account': 'Ditt konto',
  'workspace.link.account.hint': 'Lösenord, tvåstegsverifiering och API-nycklar.',
  'workspace.link.admin': 'Administration',
  'workspace.link.admin.hint': 'Användare, organisationer, säkerhet, logg och utkorg.',
};

export const workspaceEn: Record<keyof typeof workspaceSv, string> = {
  'nav.workspace': 'Workspace',
  'workspace.title': 'Workspace',
  'workspace.lead': 'Hello {name}! Here is what you can do in Vänortsportalen with your role.',
  'workspace.roles': 'Your roles: {roles}.',
  'workspace.none':
    'Your role has no tasks here yet. Contact the system administrator if something is missing.',
  'workspace.group.twinCities': 'Twin cities and decisions',
  'workspace.group.meetings': 'Twin-city meetings',
  'workspace.group.reporting': 'Collaborations and reporting',
  'workspace.group.account': 'Account and administration',
  'workspace.link.proposals': 'Twin-city proposals',
  'workspace.link.proposals.hint':
    'Proposals to the City Council or the City Executive Board about twin and partner cities.',
  'workspace.link.decisions': 'Record decisions',
  'workspace.link.decisions.hint':
    "The council's and the board's decisions; only a decision changes a city's status.",
  'workspace.link.cities': 'City facts',
  'workspace.link.cities.hint': 'Names, descriptions, facts and contacts of the cities.',
  'workspace.link.meetings': 'Twin-city meetings',
  'workspace.link.meetings.hint': 'Plan meetings, programmes, seminars, documents and outcomes.',
  'workspace.link.delegations': 'Delegations',
  'workspace.link.delegations.hint':
    'Nominate and confirm the delegations to the twin-city meetings.',
  'workspace.link.hostPlans': 'Host plans',
  'workspace.link.hostPlans.hint':
    'The tasks before and after meetings Gothenburg hosts (P5), with due dates and owners.',
  'workspace.link.hostPlanTemplate': 'Host plan template',
  'workspace.link.hostPlanTemplate.hint':
    'The tasks every host plan is created from when Gothenburg hosts.',
  'workspace.link.collaborations': 'Collaborations',
  'workspace.link.collaborations.hint':
    "The administrations' and companies' collaborations with the twin cities.",
  'workspace.link.exchanges': 'Experience exchanges',
  'workspace.link.exchanges.hint': 'Visits, digital meetings and what we learned from them.',
  'workspace.link.review': 'Review reports',
  'workspace.link.review.hint':
    'New and changed collaborations and exchanges waiting for the City Executive Office.',
  'workspace.link.campaigns': 'Inventories',
  'workspace.link.campaigns.hint':
    "This year's inventory of twin-city activities and who has answered.",
  'workspace.link.import': 'Import from Excel or CSV',
  'workspace.link.import.hint': 'Load existing lists, with a dry run first.',
  'workspace.link.areas': 'Areas',
  'workspace.link.areas.hint': 'The list of areas collaborations can concern.',
  'workspace.link.knowledge': 'Knowledge bank',
  'workspace.link.knowledge.hint': 'Search collaborations and what the exchanges taught us.',
  'workspace.link.account': 'Your account',
  'workspace.link.account.hint': 'Password, two-step verification and API tokens.',
  'workspace.link.admin': 'Administration',
  'workspace.link.admin.hint': 'Users, organisations, security, log and outbox.',
};

declare module '../../platform/i18n/catalogue.ts' {
  interface MessageCatalogue extends Messages<typeof workspaceSv> {}
}
