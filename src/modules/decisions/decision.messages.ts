import type { Messages } from '../../platform/i18n/catalogue.ts';
/** Texts of the council decisions and proposals workspace (merged into the catalogs in platform/i18n). */
export const decisionsSv = {
  'nav.workspace.proposals': 'Förslag',
  'nav.workspace.decisions': 'Registrera beslut',

  // Message keys thrown by proposal.service.ts
  'proposal.kindRequired': 'Välj vad förslaget gäller',
  'proposal.titleRequired': 'Ange en rubrik (högst 300 tecken)',
  'proposal.justificationRequired': 'Skriv en motivering (högst 20 000 tecken)',
  'proposal.newCityOnlyForTwin':
    'En ny stad kan bara föreslås som ny vänort. Välj ”Etablera en ny vänort” eller en stad som redan finns i registret.',
  'proposal.slugInvalid':
    'Ange ett kortnamn med 2–61 tecken: små bokstäver a–z, siffror och bindestreck, till exempel tromso',
  'proposal.nameRequired': 'Ange stadens namn på svenska (högst 120 tecken)',
  'proposal.countryInvalid': 'Ange landskoden med två bokstäver, till exempel NO för Norge',
  'proposal.coordinateInvalid':
    'Ange koordinaten i decimalgrader: latitud mellan −90 och 90, longitud mellan −180 och 180',
  'proposal.cityRequired':
    'Välj en stad i listan, eller ”Ny stad” och fyll i uppgifterna om den nya staden',
  'proposal.slugTaken':
    'Det finns redan en stad med det kortnamnet. Välj staden i listan i stället, eller ange ett annat kortnamn.',
  'proposal.notApplicable':
    'Förslaget passar inte stadens nuvarande status. Till exempel kan bara en vilande partnerstad aktiveras och bara en aktiv relation göras vilande.',
  'proposal.alreadyOpen':
    'Det finns redan ett öppet förslag om den här staden. Återta det eller vänta på beslutet först.',
  'proposal.not.draft':
    'Förslaget är inte längre ett utkast. Det kan inte skickas eller återtas en gång till.',
  'proposal.statusChanged': 'Förslaget kunde inte ändras eftersom dess status har ändrats.',

  // Message keys thrown by decision.service.ts
  'decision.bodyRequired': 'Välj vilket organ som fattade beslutet',
  'decision.dateInvalid': 'Ange ett datum i formen ÅÅÅÅ-MM-DD, till exempel 2026-03-12',
  'decision.dateInFuture':
    'Datumet kan inte ligga i framtiden. Registrera beslutet när det är fattat.',
  'decision.sectionInvalid': 'Ange paragrafnumret med siffror, till exempel § 12 eller 12a',
  'decision.caseNumberInvalid':
    'Ange diarienumret i formen SLK-2023-01047 eller i den äldre formen 0263/20',
  'decision.titleRequired': 'Ange beslutets rubrik (högst 300 tecken)',
  'decision.outcomeRequired': 'Välj om förslaget bifölls eller avslogs',
  'decision.linkInvalid': 'Ange en fullständig webbadress som börjar med https://',
  'decision.finalBeforeMeeting': 'Beslutet kan inte ha vunnit laga kraft före sammanträdet',
  'decision.documentTooLarge': 'Filen är större än 25 MB. Välj en mindre PDF-fil.',
  'decision.documentNotPdf': 'Filen är inte en PDF-fil. Välj beslutet som PDF.',
  'decision.proposalNotPending':
    'Förslaget väntar inte längre på beslut: det är redan beslutat eller återtaget.',
  'decision.onlyKfForTwinCities':
    'Endast kommunfullmäktige (KF) kan besluta om att etablera eller avsluta en vänort (policyn, P6). Välj kommunfullmäktige som beslutande organ.',
  'decision.alreadySuperseded':
    'Beslutet är redan rättat. Rätta den senaste versionen av beslutet i stället.',

  // Proposals (coordinator)
  'workspace.proposals.title': 'Förslag',
  'workspace.proposals.lead':
    'Här skriver du förslag om vänorter och partnerstäder och skickar dem till kommunfullmäktige (KF) eller kommunstyrelsen (KS). En stads status ändras först när sekretariatet registrerar beslutet.',
  'workspace.proposals.new': 'Nytt förslag',
  'workspace.proposals.none': 'Det finns inga förslag ännu.',
  'workspace.proposals.caption': 'Förslag och deras status',
  'workspace.proposals.col.title': 'Förslag',
  'workspace.proposals.col.kind': 'Gäller',
  'workspace.proposals.col.city': 'Stad',
  'workspace.proposals.col.status': 'Status',
  'workspace.proposals.col.created': 'Skapat',
  'workspace.proposals.col.actions': 'Åtgärder',
  'workspace.proposals.send': 'Skicka till KF/KS',
  'workspace.proposals.withdraw': 'Återta',
  'workspace.proposals.kind.establish_twin': 'Etablera en ny vänort',
  'workspace.proposals.kind.activate_partner': 'Aktivera en partnerstad',
  'workspace.proposals.kind.make_dormant': 'Göra relationen vilande',
  'workspace.proposals.kind.end_relation': 'Avsluta relationen',
  'workspace.proposals.status.draft': 'Utkast',
  'workspace.proposals.status.sent': 'Skickat till KF/KS – väntar på beslut',
  'workspace.proposals.status.approved': 'Bifallet',
  'workspace.proposals.status.rejected': 'Avslaget',
  'workspace.proposals.status.withdrawn': 'Återtaget',
  'workspace.proposals.chainTitle': 'Vänortskedjan och Göteborgs värdskap',
  'workspace.proposals.chainText':
    'Kedjan har {members} medlemmar och vänortsmötet hålls med {interval} års mellanrum, så Göteborg står värd vart {cycle}:e år.',
  'workspace.proposals.chainOk':
    'Det stämmer med policyn: Göteborg står värd vart åttonde år (P3).',
  'workspace.proposals.chainWarning':
    'Varning: Göteborg står värd vart {cycle}:e år, inte vart åttonde år som policyn utgår från (P3). Rotationen och planeringen av värdskapet behöver ses över.',
  'workspace.proposals.chainIfApproved':
    'Om förslaget ”{title}” bifalls får kedjan {members} medlemmar och Göteborg står värd vart {cycle}:e år i stället för vart åttonde år.',
  'workspace.proposals.chainNone': 'Ingen vänortskedja är registrerad.',
  'workspace.proposals.newTitle': 'Nytt förslag',
  'workspace.proposals.newLead':
    'Förslaget sparas som utkast. När det är klart skickar du det till KF/KS från listan med förslag.',
  'workspace.proposals.back': 'Tillbaka till förslagen',
  'workspace.proposals.field.kind': 'Vad gäller förslaget?',
  'workspace.proposals.field.city': 'Stad',
  'workspace.proposals.field.cityHint':
    'Välj en stad i registret, eller ”Ny stad” och fyll i uppgifterna nedan (bara för en ny vänort).',
  'workspace.proposals.field.cityChoose': 'Välj stad',
  'workspace.proposals.field.cityNew': 'Ny stad – fyll i uppgifterna nedan',
  'workspace.proposals.newCity': 'Ny stad (bara för en ny vänort)',
  'workspace.proposals.field.slug': 'Kortnamn i webbadressen',
  'workspace.proposals.field.slugHint':
    'Små bokstäver a–z, siffror och bindestreck, till exempel tromso',
  'workspace.proposals.field.nameSv': 'Namn på svenska',
  'workspace.proposals.field.nameEn': 'Namn på engelska',
  'workspace.proposals.field.nameEnHint': 'Utan engelskt namn visas det svenska.',
  'workspace.proposals.field.countryCode': 'Landskod',
  'workspace.proposals.field.countryCodeHint':
    'Två bokstäver enligt ISO 3166, till exempel NO för Norge',
  'workspace.proposals.field.latitude': 'Latitud',
  'workspace.proposals.field.latitudeHint': 'I decimalgrader, till exempel 69,6492',
  'workspace.proposals.field.longitude': 'Longitud',
  'workspace.proposals.field.longitudeHint': 'I decimalgrader, till exempel 18,9553',
  'workspace.proposals.field.title': 'Rubrik',
  'workspace.proposals.field.justification': 'Motivering',
  'workspace.proposals.save': 'Spara utkast',
  'flash.proposalDrafted': 'Förslaget är sparat som utkast.',
  'flash.proposalSent': 'Förslaget är skickat till KF/KS och väntar på beslut.',
  'flash.proposalWithdrawn': 'Förslaget är återtaget.',

  // Decisions (council secretariat)
  'workspace.decisions.title': 'Beslut',
  'workspace.decisions.lead':
    'Registrera beslut i kommunfullmäktige (KF), kommunstyrelsen (KS) och KF:s presidium. När ett beslut gäller ett förslag ändras stadens status i samma steg, och bara då.',
  'workspace.decisions.pendingTitle': 'Förslag som väntar på beslut',
  'workspace.decisions.pendingNone': 'Inga förslag väntar på beslut.',
  'workspace.decisions.pendingCaption': 'Förslag som väntar på beslut',
  'workspace.decisions.sentOn': 'Skickat',
  'workspace.decisions.register': 'Registrera beslut',
  'workspace.decisions.registerOther': 'Registrera ett annat beslut',
  'workspace.decisions.recordedTitle': 'Registrerade beslut',
  'workspace.decisions.recordedCaption': 'Registrerade beslut, det senaste sammanträdet först',
  'workspace.decisions.none': 'Inga beslut är registrerade ännu.',
  'workspace.decisions.col.body': 'Organ',
  'workspace.decisions.col.meetingDate': 'Sammanträde',
  'workspace.decisions.col.section': '§',
  'workspace.decisions.col.caseNumber': 'Diarienummer',
  'workspace.decisions.col.title': 'Rubrik',
  'workspace.decisions.col.outcome': 'Utfall',
  'workspace.decisions.col.document': 'Handling',
  'workspace.decisions.col.actions': 'Åtgärder',
  'workspace.decisions.body.KF': 'Kommunfullmäktige (KF)',
  'workspace.decisions.body.KS': 'Kommunstyrelsen (KS)',
  'workspace.decisions.body.KF presidium': 'KF:s presidium',
  'workspace.decisions.outcome.approved': 'Bifall',
  'workspace.decisions.outcome.rejected': 'Avslag',
  'workspace.decisions.historical': 'Historiskt beslut',
  'workspace.decisions.pdf': 'PDF',
  'workspace.decisions.pdfFor': 'Beslutet som PDF: {title}',
  'workspace.decisions.correct': 'Rätta',
  'workspace.decisions.correctFor': 'Rätta beslutet: {title}',
  'workspace.decisions.corrected': 'Rättat',
  'workspace.decisions.correction': 'Rättelse',
  'workspace.decisions.newTitle': 'Registrera beslut',
  'workspace.decisions.correctTitle': 'Rätta ett beslut',
  'workspace.decisions.correctLead':
    'Ett registrerat beslut ändras aldrig. Rättelsen registreras som ett nytt beslut som ersätter det gamla; båda finns kvar i registret.',
  'workspace.decisions.back': 'Tillbaka till besluten',
  'workspace.decisions.forProposal': 'Beslutet gäller förslaget',
  'workspace.decisions.corrects': 'Beslutet som rättas',
  'workspace.decisions.proposalCity': 'Stad: {city}. {kind}.',
  'workspace.decisions.kfOnly':
    'Förslaget gäller en vänort. Enligt policyn (P6) kan bara kommunfullmäktige (KF) besluta om det.',
  'workspace.decisions.field.body': 'Beslutande organ',
  'workspace.decisions.field.meetingDate': 'Sammanträdesdatum',
  'workspace.decisions.field.section': 'Paragraf (§)',
  'workspace.decisions.field.sectionHint': 'Till exempel § 12',
  'workspace.decisions.field.caseNumber': 'Diarienummer',
  'workspace.decisions.field.caseNumberHint':
    'I formen SLK-2023-01047 eller i den äldre formen 0263/20',
  'workspace.decisions.field.title': 'Rubrik',
  'workspace.decisions.field.outcome': 'Beslut',
  'workspace.decisions.field.link': 'Länk till protokollet',
  'workspace.decisions.field.linkHint': 'En webbadress som börjar med https://',
  'workspace.decisions.field.finalOn': 'Vann laga kraft',
  'workspace.decisions.field.finalOnHint': 'Datumet då beslutet vann laga kraft.',
  'workspace.decisions.field.document': 'Beslutshandling (PDF)',
  'workspace.decisions.field.documentHint':
    'Bara PDF, högst 25 MB. Visas formuläret igen med fel behöver du välja filen på nytt.',
  'workspace.decisions.save': 'Registrera beslutet',
  'flash.decisionRecorded': 'Beslutet är registrerat.',
} as const;

export const decisionsEn: Record<keyof typeof decisionsSv, string> = {
  'nav.workspace.proposals': 'Proposals',
  'nav.workspace.decisions': 'Record decisions',

  'proposal.kindRequired': 'Choose what the proposal is about',
  'proposal.titleRequired': 'Enter a title (at most 300 characters)',
  'proposal.justificationRequired': 'Write a justification (at most 20,000 characters)',
  'proposal.newCityOnlyForTwin':
    'A new city can only be proposed as a new twin city. Choose “Establish a new twin city” or a city already in the register.',
  'proposal.slugInvalid':
    'Enter a short name of 2–61 characters: lower-case letters a–z, digits and hyphens, for example tromso',
  'proposal.nameRequired': "Enter the city's name in Swedish (at most 120 characters)",
  'proposal.countryInvalid': 'Enter the two-letter country code, for example NO for Norway',
  'proposal.coordinateInvalid':
    'Enter the coordinate in decimal degrees: latitude between −90 and 90, longitude between −180 and 180',
  'proposal.cityRequired':
    'Choose a city from the list, or “New city” and fill in the details of the new city',
  'proposal.slugTaken':
    'A city with that short name already exists. Choose the city from the list instead, or enter another short name.',
  'proposal.notApplicable':
    "The proposal does not fit the city's present status. For example, only a dormant partner city can be made active and only an active relation can be made dormant.",
  'proposal.alreadyOpen':
    'There already is an open proposal about this city. Withdraw it or wait for its decision first.',
  'proposal.not.draft': 'The proposal is no longer a draft. It cannot be sent or withdrawn again.',
  'proposal.statusChanged': 'The proposal could not be changed because its status has changed.',

  'decision.bodyRequired': 'Choose the body that made the decision',
  'decision.dateInvalid': 'Enter a date as YYYY-MM-DD, for example 2026-03-12',
  'decision.dateInFuture':
    'The date cannot be in the future. Record the decision once it has been made.',
  'decision.sectionInvalid': 'Enter the section number in digits, for example § 12 or 12a',
  'decision.caseNumberInvalid':
    'Enter the case number as SLK-2023-01047 or in the older form 0263/20',
  'decision.titleRequired': "Enter the decision's title (at most 300 characters)",
  'decision.outcomeRequired': 'Choose whether the proposal was approved or rejected',
  'decision.linkInvalid': 'Enter a full web address starting with https://',
  'decision.finalBeforeMeeting': 'The decision cannot have become final before the meeting',
  'decision.documentTooLarge': 'The file is larger than 25 MB. Choose a smaller PDF file.',
  'decision.documentNotPdf': 'The file is not a PDF file. Choose the decision as a PDF.',
  'decision.proposalNotPending':
    'The proposal is no longer waiting for a decision: it has been decided or withdrawn.',
  'decision.onlyKfForTwinCities':
    'Only the City Council (KF) can decide to establish or end a twin city (the policy, P6). Choose the City Council as the deciding body.',
  'decision.alreadySuperseded':
    'The decision has already been corrected. Correct the latest version of the decision instead.',

  'workspace.proposals.title': 'Proposals',
  'workspace.proposals.lead':
    "Here you write proposals about twin cities and partner cities and send them to the City Council (KF) or the City Executive Board (KS). A city's status changes only when the secretariat records the decision.",
  'workspace.proposals.new': 'New proposal',
  'workspace.proposals.none': 'There are no proposals yet.',
  'workspace.proposals.caption': 'Proposals and their status',
  'workspace.proposals.col.title': 'Proposal',
  'workspace.proposals.col.kind': 'About',
  'workspace.proposals.col.city': 'City',
  'workspace.proposals.col.status': 'Status',
  'workspace.proposals.col.created': 'Created',
  'workspace.proposals.col.actions': 'Actions',
  'workspace.proposals.send': 'Send to KF/KS',
  'workspace.proposals.withdraw': 'Withdraw',
  'workspace.proposals.kind.establish_twin': 'Establish a new twin city',
  'workspace.proposals.kind.activate_partner': 'Make a partner city active',
  'workspace.proposals.kind.make_dormant': 'Make the relation dormant',
  'workspace.proposals.kind.end_relation': 'End the relation',
  'workspace.proposals.status.draft': 'Draft',
  'workspace.proposals.status.sent': 'Sent to KF/KS – awaiting decision',
  'workspace.proposals.status.approved': 'Approved',
  'workspace.proposals.status.rejected': 'Rejected',
  'workspace.proposals.status.withdrawn': 'Withdrawn',
  'workspace.proposals.chainTitle': "The twin-city chain and Gothenburg's turn as host",
  'workspace.proposals.chainText':
    'The chain has {members} members and the twin-city meeting is held every {interval} years, so Gothenburg hosts every {cycle} years.',
  'workspace.proposals.chainOk':
    'This matches the policy: Gothenburg hosts every eighth year (P3).',
  'workspace.proposals.chainWarning':
    'Warning: Gothenburg hosts every {cycle} years, not every eighth year as the policy assumes (P3). The rotation and the planning of hosting need to be reviewed.',
  'workspace.proposals.chainIfApproved':
    'If the proposal “{title}” is approved, the chain has {members} members and Gothenburg hosts every {cycle} years instead of every eighth year.',
  'workspace.proposals.chainNone': 'No twin-city chain is registered.',
  'workspace.proposals.newTitle': 'New proposal',
  'workspace.proposals.newLead':
    'The proposal is saved as a draft. When it is ready, you send it to KF/KS from the list of proposals.',
  'workspace.proposals.back': 'Back to the proposals',
  'workspace.proposals.field.kind': 'What is the proposal about?',
  'workspace.proposals.field.city': 'City',
  'workspace.proposals.field.cityHint':
    'Choose a city in the register, or “New city” and fill in the details below (only for a new twin city).',
  'workspace.proposals.field.cityChoose': 'Choose a city',
  'workspace.proposals.field.cityNew': 'New city – fill in the details below',
  'workspace.proposals.newCity': 'New city (only for a new twin city)',
  'workspace.proposals.field.slug': 'Short name in the web address',
  'workspace.proposals.field.slugHint':
    'Lower-case letters a–z, digits and hyphens, for example tromso',
  'workspace.proposals.field.nameSv': 'Name in Swedish',
  'workspace.proposals.field.nameEn': 'Name in English',
  'workspace.proposals.field.nameEnHint': 'Without an English name the Swedish one is shown.',
  'workspace.proposals.field.countryCode': 'Country code',
  'workspace.proposals.field.countryCodeHint':
    'Two letters as in ISO 3166, for example NO for Norway',
  'workspace.proposals.field.latitude': 'Latitude',
  'workspace.proposals.field.latitudeHint': 'In decimal degrees, for example 69.6492',
  'workspace.proposals.field.longitude': 'Longitude',
  'workspace.proposals.field.longitudeHint': 'In decimal degrees, for example 18.9553',
  'workspace.proposals.field.title': 'Title',
  'workspace.proposals.field.justification': 'Justification',
  'workspace.proposals.save': 'Save draft',
  'flash.proposalDrafted': 'The proposal is saved as a draft.',
  'flash.proposalSent': 'The proposal is sent to KF/KS and awaits a decision.',
  'flash.proposalWithdrawn': 'The proposal is withdrawn.',

  'workspace.decisions.title': 'Decisions',
  'workspace.decisions.lead':
    "Record decisions of the City Council (KF), the City Executive Board (KS) and the Council's presidium. When a decision concerns a proposal, the city's status changes in the same step, and only then.",
  'workspace.decisions.pendingTitle': 'Proposals awaiting a decision',
  'workspace.decisions.pendingNone': 'No proposals are awaiting a decision.',
  'workspace.decisions.pendingCaption': 'Proposals awaiting a decision',
  'workspace.decisions.sentOn': 'Sent',
  'workspace.decisions.register': 'Record decision',
  'workspace.decisions.registerOther': 'Record another decision',
  'workspace.decisions.recordedTitle': 'Recorded decisions',
  'workspace.decisions.recordedCaption': 'Recorded decisions, the latest meeting first',
  'workspace.decisions.none': 'No decisions have been recorded yet.',
  'workspace.decisions.col.body': 'Body',
  'workspace.decisions.col.meetingDate': 'Meeting',
  'workspace.decisions.col.section': '§',
  'workspace.decisions.col.caseNumber': 'Case number',
  'workspace.decisions.col.title': 'Title',
  'workspace.decisions.col.outcome': 'Outcome',
  'workspace.decisions.col.document': 'Document',
  'workspace.decisions.col.actions': 'Actions',
  'workspace.decisions.body.KF': 'City Council (KF)',
  'workspace.decisions.body.KS': 'City Executive Board (KS)',
  'workspace.decisions.body.KF presidium': "The City Council's presidium",
  'workspace.decisions.outcome.approved': 'Approved',
  'workspace.decisions.outcome.rejected': 'Rejected',
  'workspace.decisions.historical': 'Historical decision',
  'workspace.decisions.pdf': 'PDF',
  'workspace.decisions.pdfFor': 'The decision as PDF: {title}',
  'workspace.decisions.correct': 'Correct',
  'workspace.decisions.correctFor': 'Correct the decision: {title}',
  'workspace.decisions.corrected': 'Corrected',
  'workspace.decisions.correction': 'Correction',
  'workspace.decisions.newTitle': 'Record a decision',
  'workspace.decisions.correctTitle': 'Correct a decision',
  'workspace.decisions.correctLead':
    'A recorded decision never changes. The correction is recorded as a new decision that supersedes the old one; both stay in the register.',
  'workspace.decisions.back': 'Back to the decisions',
  'workspace.decisions.forProposal': 'The decision concerns the proposal',
  'workspace.decisions.corrects': 'The decision being corrected',
  'workspace.decisions.proposalCity': 'City: {city}. {kind}.',
  'workspace.decisions.kfOnly':
    'The proposal concerns a twin city. Under the policy (P6) only the City Council (KF) can decide it.',
  'workspace.decisions.field.body': 'Deciding body',
  'workspace.decisions.field.meetingDate': 'Meeting date',
  'workspace.decisions.field.section': 'Section (§)',
  'workspace.decisions.field.sectionHint': 'For example § 12',
  'workspace.decisions.field.caseNumber': 'Case number',
  'workspace.decisions.field.caseNumberHint': 'As SLK-2023-01047 or in the older form 0263/20',
  'workspace.decisions.field.title': 'Title',
  'workspace.decisions.field.outcome': 'Decision',
  'workspace.decisions.field.link': 'Link to the minutes',
  'workspace.decisions.field.linkHint': 'A web address starting with https://',
  'workspace.decisions.field.finalOn': 'Became final',
  'workspace.decisions.field.finalOnHint': 'The date the decision became final.',
  'workspace.decisions.field.document': 'Decision document (PDF)',
  'workspace.decisions.field.documentHint':
    'PDF only, at most 25 MB. If the form is shown again with errors, choose the file again.',
  'workspace.decisions.save': 'Record the decision',
  'flash.decisionRecorded': 'The decision is recorded.',
};

declare module '../../platform/i18n/catalogue.ts' {
  interface MessageCatalogue extends Messages<typeof decisionsSv> {}
}
