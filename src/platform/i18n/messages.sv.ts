import { accountsSv } from '../../modules/accounts/account.messages.ts';
import { oidcSv } from '../../modules/accounts/oidc.messages.ts';
import { resetSv } from '../../modules/accounts/reset.messages.ts';
import { apiTokenSv } from '../../modules/accounts/api-token.messages.ts';
import { mfaSv } from '../../modules/accounts/mfa.messages.ts';
import { decisionsSv } from '../../modules/decisions/decision.messages.ts';
import { decisionsPublicSv } from '../../modules/decisions/public.messages.ts';
import { cityFactsSv } from '../../modules/cities/city-facts.messages.ts';
import { workspaceSv } from '../../modules/pages/workspace.messages.ts';
import { meetingsSv } from '../../modules/meetings/meeting.messages.ts';
import { delegationsSv } from '../../modules/meetings/delegation.messages.ts';
import { collaborationsSv } from '../../modules/collaborations/collaboration.messages.ts';
import { campaignsSv } from '../../modules/collaborations/campaign.messages.ts';

/** Swedish: the source catalog. Every key here must exist (or fall back) in other languages. */
export const sv = {
  ...accountsSv,
  ...oidcSv,
  ...resetSv,
  ...apiTokenSv,
  ...mfaSv,
  ...decisionsSv,
  ...decisionsPublicSv,
  ...cityFactsSv,
  ...workspaceSv,
  ...meetingsSv,
  ...delegationsSv,
  ...collaborationsSv,
  ...campaignsSv,
  'service.name': 'Vänortsportalen',
  'service.owner': 'Göteborgs Stad',
  'service.tagline': 'Göteborgs Stads nordiska vänortssamarbete',
  'layout.skipLink': 'Till huvudinnehållet',
  'form.errorTitlePrefix': 'Fel',
  'form.optional': 'valfritt',
  'form.dateFormat': 'Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2027-06-14.',
  'layout.mainNav': 'Huvudmeny',
  'layout.languageNav': 'Välj språk',
  'layout.languageCurrent': '(valt språk)',
  'layout.footerNav': 'Om webbplatsen',
  'layout.demoBanner':
    'Uppgifterna på den här webbplatsen är exempel för demonstration och test, inte stadens officiella register.',
  'layout.demoLabel': 'Exempeldata',
  'nav.home': 'Start',
  'nav.cities': 'Vänorter',
  'nav.policy': 'Policyn',
  'nav.accessibility': 'Tillgänglighetsredogörelse',
  'nav.api': 'Öppet API',
  'footer.text':
    'Vänortsportalen drivs av Stadsledningskontoret, Göteborgs Stad, som samordnar och sprider information om stadens arbete med vänorterna.',

  'home.title': 'Göteborgs nordiska vänorter',
  'home.lead':
    'Sedan 1946 samarbetar Göteborg med Århus, Bergen och Åbo. Vänortssamarbetet började som en solidaritetsyttring efter andra världskriget och är i dag ett utbyte mellan städernas politiker, förvaltningar och bolag.',
  'home.howTitle': 'Så fungerar samarbetet',
  'home.how1':
    'Vänorterna möts vartannat år för politiskt erfarenhetsutbyte och seminarier om aktuella frågor.',
  'home.how2':
    'Värdskapet roterar mellan de fyra städerna, så Göteborg står värd för vänortsmötet vart åttonde år.',
  'home.how3':
    'Förvaltningar och bolag driver egna samarbeten med vänorterna och informerar Stadsledningskontoret om dem.',
  'home.citiesTitle': 'De fyra städerna',
  'home.nextTitle': 'Nästa vänortsmöte',
  'home.nextPlanned': '{year} i {city}',
  'home.nextForecast':
    'Enligt rotationen står {city} värd för nästa vänortsmöte {year}. Datum och program är inte bestämda ännu.',
  'home.nextUnknown': 'Nästa vänortsmöte är inte bestämt ännu.',
  'home.lastTitle': 'Senaste vänortsmötet',
  'home.lastMeeting': '{city}, {dates}',
  'home.readPolicy': 'Läs policyn för stadens relation till vänorterna',

  'cities.title': 'Vänorter',
  'cities.lead':
    'Göteborgs nordiska vänortskedja består av fyra städer som turas om att stå värd för vänortsmötet vartannat år.',
  'cities.chainTitle': 'Vänortskedjan',
  'cities.chainText':
    'Kedjan har {members} medlemmar som möts med {interval} års mellanrum, så varje stad är värd vart {cycle}:e år.',
  'cities.table.caption': 'Städerna i vänortskedjan',
  'cities.mapTitle': 'Karta över vänortskedjan',
  'cities.mapDescription':
    'Karta över Norden med städerna i vänortskedjan, förbundna i den ordning de står värd för vänortsmötet.',
  'cities.table.city': 'Stad',
  'cities.table.country': 'Land',
  'cities.table.kind': 'Typ',
  'cities.table.status': 'Status',
  'cities.table.since': 'Sedan',
  'cities.empty': 'Det finns inga städer registrerade ännu.',

  'city.facts': 'Fakta',
  'city.names': 'Namn på kedjans språk',
  'city.country': 'Land',
  'city.region': 'Region',
  'city.kind': 'Typ',
  'city.status': 'Status',
  'city.since': 'Vänort sedan',
  'city.coordinates': 'Koordinater',
  'city.population': 'Invånare',
  'city.website': 'Webbplats',
  'city.meetingsTitle': 'Vänortsmöten i {city}',
  'city.meetingsEmpty': 'Inga registrerade vänortsmöten i {city} ännu.',
  'city.back': 'Alla vänorter',
  'city.chainPosition': 'Plats {position} i rotationsordningen',

  'kind.home': 'Hemstad',
  'kind.twin': 'Vänort',
  'kind.partner': 'Partnerstad',
  'status.proposed': 'Föreslagen',
  'status.active': 'Aktiv',
  'status.dormant': 'Vilande',
  'status.ended': 'Avslutad',
  'meetingStatus.forecast': 'Prognos',
  'meetingStatus.planned': 'Planerat',
  'meetingStatus.confirmed': 'Bekräftat',
  'meetingStatus.held': 'Genomfört',
  'meetingStatus.postponed': 'Uppskjutet',
  'meetingStatus.cancelled': 'Inställt',
  'meeting.table.caption': 'Vänortsmöten',
  'meeting.table.year': 'År',
  'meeting.table.dates': 'Datum',
  'meeting.table.status': 'Status',
  'meeting.datesUnknown': 'Datum okänt',

  'policy.title': 'Policyn: Göteborgs Stads relation till vänorterna',
  'policy.lead':
    'Policyn beskriver varför och hur Göteborgs Stad samarbetar med sina nordiska vänorter. Den svenska texten gäller.',
  'policy.originalTitle': 'Policytexten',
  'policy.translationTitle': 'Översättning till engelska',
  'policy.rulesTitle': 'Reglerna och vad portalen gör med dem',
  'policy.rules.caption': 'Policyns regler P1–P10',
  'policy.rules.rule': 'Regel',
  'policy.rules.support': 'Så stöder portalen regeln',

  'a11y.title': 'Tillgänglighetsredogörelse för Vänortsportalen',

  'api.title': 'Öppet API',

  'error.notFound.title': 'Sidan finns inte',
  'error.notFound.text':
    'Vi hittar inte sidan du söker. Den kan ha flyttats, eller så är adressen felstavad.',
  'error.cityNotFound.text': 'Det finns ingen stad med adressen {slug} i registret.',
  'error.home': 'Gå till startsidan',
  'error.server.title': 'Något gick fel',
  'error.server.text':
    'Ett oväntat fel inträffade och vi kunde inte visa sidan. Försök igen om en stund. Om felet kvarstår, kontakta oss och ange fel-id:t nedan.',
  'error.requestId': 'Fel-id',
  'error.unavailable.title': 'Tjänsten är tillfälligt otillgänglig',
  'error.unavailable.text': 'Vi når inte databasen just nu. Försök igen om en liten stund.',
  'error.badRequest.title': 'Felaktig förfrågan',
  'error.badRequest.text': 'Förfrågan kunde inte tolkas. Kontrollera adressen och försök igen.',
  'error.tooLarge.text':
    'Det du skickade är för stort för att tas emot. Försök med en mindre fil eller kortare text.',
  'error.conflict.title': 'Det gick inte att genomföra',
  'error.conflict.text':
    'Det du försökte göra går inte ihop med hur uppgifterna ser ut just nu. Ladda om sidan och se hur det ser ut nu. Ingenting har ändrats.',
  'error.campaignClosed.text':
    'Inventeringen är stängd, så svaren kan inte längre lämnas eller ändras.',
  'error.link.title': 'Länken fungerar inte',
  'error.link.text': 'Länken är ogiltig, har gått ut eller har redan använts. Be om en ny länk.',

  // The short title of each error code (src/shared/errors.ts); English is the API's `title`.
  'errorCode.BAD_REQUEST': 'Felaktig förfrågan',
  'errorCode.VALIDATION_FAILED': 'Ogiltiga uppgifter',
  'errorCode.TOKEN_INVALID': 'Länken är ogiltig',
  'errorCode.UNAUTHENTICATED': 'Inloggning krävs',
  'errorCode.INVALID_TOKEN': 'Ogiltig API-nyckel',
  'errorCode.INVALID_CREDENTIALS': 'Fel inloggningsuppgifter',
  'errorCode.MFA_SESSION_INVALID': 'Ingen inloggning väntar på en kod',
  'errorCode.FORBIDDEN': 'Behörighet saknas',
  'errorCode.CSRF_INVALID': 'Formuläret har gått ut',
  'errorCode.NOT_YOUR_ORGANISATION': 'En annan organisations uppgifter',
  'errorCode.DELEGATION_FORBIDDEN': 'Ingen behörighet till delegationen',
  'errorCode.NOT_FOUND': 'Finns inte',
  'errorCode.CITY_NOT_FOUND': 'Staden finns inte',
  'errorCode.USER_NOT_FOUND': 'Användaren finns inte',
  'errorCode.ORGANISATION_NOT_FOUND': 'Organisationen finns inte',
  'errorCode.DECISION_NOT_FOUND': 'Beslutet finns inte',
  'errorCode.PROPOSAL_NOT_FOUND': 'Förslaget finns inte',
  'errorCode.DOCUMENT_NOT_FOUND': 'Dokumentet finns inte',
  'errorCode.MEETING_NOT_FOUND': 'Vänortsmötet finns inte',
  'errorCode.MEETING_PART_NOT_FOUND': 'Den delen av mötet finns inte',
  'errorCode.OUTCOME_NOT_FOUND': 'Åtgärden finns inte',
  'errorCode.DELEGATION_MEMBER_NOT_FOUND': 'Delegationsmedlemmen finns inte',
  'errorCode.HOST_PLAN_TASK_NOT_FOUND': 'Uppgiften i värdskapsplanen finns inte',
  'errorCode.HOST_PLAN_TEMPLATE_TASK_NOT_FOUND': 'Uppgiften i mallen finns inte',
  'errorCode.COLLABORATION_NOT_FOUND': 'Samarbetet finns inte',
  'errorCode.EXCHANGE_NOT_FOUND': 'Erfarenhetsutbytet finns inte',
  'errorCode.AREA_NOT_FOUND': 'Området finns inte',
  'errorCode.CAMPAIGN_NOT_FOUND': 'Inventeringen finns inte',
  'errorCode.IMPORT_NOT_FOUND': 'Importen finns inte',
  'errorCode.USER_EXISTS': 'Användaren finns redan',
  'errorCode.CAMPAIGN_CLOSED': 'Inventeringen är stängd',
  'errorCode.MFA_ALREADY_ENABLED': 'Tvåstegsverifiering är redan på',
  'errorCode.DEMO_DATA_IN_PRODUCTION': 'Exempeldata i produktion',
  'errorCode.TOKEN_EXPIRED': 'Länken har gått ut',
  'errorCode.TOKEN_USED': 'Länken är redan använd',
  'errorCode.PAYLOAD_TOO_LARGE': 'För mycket data',
  'errorCode.UNSUPPORTED_MEDIA_TYPE': 'Innehållstypen stöds inte',
  'errorCode.TOO_MANY_ATTEMPTS': 'För många försök',
  'errorCode.INTERNAL': 'Internt fel',
  'errorCode.DATABASE_UNAVAILABLE': 'Databasen går inte att nå',
} as const;

export type MessageKey = keyof typeof sv;
export type Messages = Record<MessageKey, string>;
