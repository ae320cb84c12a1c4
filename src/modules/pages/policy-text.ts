/**
 * The policy "Göteborgs Stads relation till vänorterna" (the Swedish original is
 * authoritative), its English translation and the rules P1–P10 the portal implements.
 * Source: shared/policy.md.
 */

export interface PolicySection {
  heading: string | null;
  paragraphs: string[];
}

export const POLICY_TITLE_SV = 'Göteborgs Stads relation till vänorterna';

export const POLICY_SV: PolicySection[] = [
  {
    heading: null,
    paragraphs: [
      'Vänortsbegreppet tillkom under uppbyggnaden av förbindelser mellan orter och kommuner i de nordiska länderna efter andra världskriget och var från början en solidaritetsyttring från svensk sida till våra krigsdrabbade grannländer. Det nordiska vänortssamarbetet inleddes år 1946. Göteborgs nordiska vänortssamarbete är riktat till Aarhus, Bergen och Åbo.',
      'Vänorterna möts vartannat år för utbyte mellan städernas politiska representanter. Under sammankomsten ges möjlighet till erfarenhetsutbyte samt deltagande vid seminarier om aktuella frågor.',
      'Vänortssamarbetet främjar också samarbeten på olika områden mellan vänorterna. Stadens samarbete med vänorterna ligger i linje med stadens vision och strategier för internationellt samarbete samt dess riktlinjer för internationellt arbete då det ger möjlighet till verksamhetsutveckling genom exempelvis projekt- och nätverksarbete samt utbyte av kunskap och erfarenheter.',
    ],
  },
  {
    heading: 'Inriktning och ansvar',
    paragraphs: [
      'Huvudinriktningen i Göteborgs Stads relation till våra vänorter är det politiska erfarenhetsutbytet. Deltagande vid politikermötena hanteras av Kommunfullmäktiges presidium.',
      'Vänortsmötena sker vartannat år med roterande värdskap. Göteborgs Stad har ansvar att arrangera ett vänortsmöte var åttonde år. Stadsledningskontoret ansvarar för vänortsmötet när Göteborgs Stad har värdskapet.',
      'Göteborgs Stads vision och strategier för internationellt samarbete slår fast att Kommunfullmäktige fattar beslut om att etablera nya vänorter.',
      'Områdesfokuserade samarbeten med vänorterna hanteras av respektive förvaltning och bolag.',
    ],
  },
  {
    heading: 'Informationsspridning',
    paragraphs: [
      'Stadsledningskontoret ansvarar för samordning och spridning av information om stadens samlade agerande i fråga om vänorterna.',
      'Förvaltningar och bolag ska informera Stadsledningskontoret om samarbeten och erfarenhetsutbyten med vänorter.',
    ],
  },
  {
    heading: 'Utvärdering och uppföljning',
    paragraphs: [
      'En samlad avrapportering och analys av stadens relation till vänorterna skall göras efter Göteborgs Stads värdskap av vänortsmötet.',
    ],
  },
];

export const POLICY_TITLE_EN = "The City of Gothenburg's relation to its twin cities";

export const POLICY_EN: PolicySection[] = [
  {
    heading: null,
    paragraphs: [
      'The twin-city concept arose while links were built between towns and municipalities in the Nordic countries after the Second World War, and was at first an expression of Swedish solidarity with neighbouring countries hit by the war. Nordic twin-city cooperation began in 1946. Gothenburg’s Nordic twin-city cooperation is directed to Aarhus, Bergen and Turku (Åbo).',
      'The twin cities meet every other year for exchange between the cities’ political representatives. The gathering offers exchange of experience and seminars on current issues.',
      'Twin-city cooperation also promotes collaboration in various areas between the twin cities. It is in line with the city’s vision and strategies for international cooperation and its guidelines for international work, since it allows the city’s operations to develop through, for example, project and network work and exchange of knowledge and experience.',
    ],
  },
  {
    heading: 'Direction and responsibility',
    paragraphs: [
      'The main focus is the political exchange of experience. Participation in the politicians’ meetings is handled by the City Council presidium (Kommunfullmäktiges presidium).',
      'The twin-city meetings take place every other year with rotating hosts. The City of Gothenburg must arrange a twin-city meeting every eighth year. The City Executive Office (Stadsledningskontoret) is responsible for the meeting when Gothenburg is host.',
      'The City Council (Kommunfullmäktige) decides on establishing new twin cities.',
      'Area-focused collaborations with the twin cities are handled by each administration (förvaltning) and municipal company (bolag).',
    ],
  },
  {
    heading: 'Dissemination of information',
    paragraphs: [
      'The City Executive Office coordinates and disseminates information about the city’s overall actions concerning the twin cities.',
      'Administrations and companies must inform the City Executive Office about collaborations and exchanges of experience with twin cities.',
    ],
  },
  {
    heading: 'Evaluation and follow-up',
    paragraphs: [
      'A consolidated report and analysis of the city’s relation to the twin cities must be made after each meeting that Gothenburg hosts.',
    ],
  },
];

export interface PolicyRule {
  id: string;
  rule: { sv: string; en: string };
  support: { sv: string; en: string };
}

export const POLICY_RULES: PolicyRule[] = [
  {
    id: 'P1',
    rule: {
      sv: 'Göteborgs nordiska vänorter är Aarhus, Bergen och Åbo; samarbetet sedan 1946',
      en: "Gothenburg's Nordic twin cities are Aarhus, Bergen and Turku; cooperation since 1946",
    },
    support: {
      sv: 'Ett register över vänorterna med deras historik.',
      en: 'A registry of the twin cities with their history.',
    },
  },
  {
    id: 'P2',
    rule: {
      sv: 'Vänorterna möts vartannat år för politiskt utbyte, erfarenhetsutbyte och seminarier',
      en: 'The twin cities meet every other year for political exchange, experience exchange and seminars',
    },
    support: {
      sv: 'Vänortsmöten med program, seminarier, deltagare och dokument.',
      en: 'Meetings with programme, seminars, participants and documents.',
    },
  },
  {
    id: 'P3',
    rule: {
      sv: 'Värdskapet roterar; Göteborg är värd vart åttonde år',
      en: 'Hosting rotates; Gothenburg hosts every eighth year',
    },
    support: {
      sv: 'Rotationen visar vem som är värd vilket år och varnar om kedjans storlek gör att intervallet inte blir åtta år.',
      en: 'The rotation shows who hosts which year and warns when the membership makes the interval differ from eight years.',
    },
  },
  {
    id: 'P4',
    rule: {
      sv: 'Kommunfullmäktiges presidium hanterar politikernas deltagande',
      en: "The City Council presidium handles the politicians' participation",
    },
    support: {
      sv: 'Göteborgs delegation nomineras och bekräftas bara av presidiet.',
      en: "Gothenburg's delegation is nominated and confirmed by the presidium only.",
    },
  },
  {
    id: 'P5',
    rule: {
      sv: 'Stadsledningskontoret ansvarar för mötet när Göteborg är värd',
      en: 'The City Executive Office runs the meeting when Gothenburg hosts',
    },
    support: {
      sv: 'En värdskapsplan med uppgifter, ansvariga och tidsfrister.',
      en: 'A host plan with tasks, owners and deadlines.',
    },
  },
  {
    id: 'P6',
    rule: {
      sv: 'Bara kommunfullmäktige beslutar om nya vänorter',
      en: 'Only the City Council establishes new twin cities',
    },
    support: {
      sv: 'En vänort blir aktiv bara genom ett registrerat beslut i kommunfullmäktige (datum, paragraf, diarienummer).',
      en: 'A twin city becomes active only through a recorded City Council decision (date, section, case number).',
    },
  },
  {
    id: 'P7',
    rule: {
      sv: 'Förvaltningar och bolag driver områdesfokuserade samarbeten',
      en: 'Administrations and companies run area-focused collaborations',
    },
    support: {
      sv: 'Varje förvaltning och bolag hanterar sina egna samarbeten; andra kan läsa dem.',
      en: 'Each administration and company manages its own collaborations; others can read them.',
    },
  },
  {
    id: 'P8',
    rule: {
      sv: 'De ska informera Stadsledningskontoret om samarbeten och erfarenhetsutbyten',
      en: 'They must inform the City Executive Office about collaborations and exchanges',
    },
    support: {
      sv: 'Rapporter går till en granskningskö; inventeringar med påminnelser och en aktuell bild av vem som har rapporterat.',
      en: 'Reports go to a review queue; campaigns with reminders and a live view of who has reported.',
    },
  },
  {
    id: 'P9',
    rule: {
      sv: 'Stadsledningskontoret samordnar och sprider information',
      en: 'The City Executive Office coordinates and disseminates information',
    },
    support: {
      sv: 'Den här portalen, nyheter, flöden, nyhetsbrev och öppna data.',
      en: 'This portal, news, feeds, newsletter and open data.',
    },
  },
  {
    id: 'P10',
    rule: {
      sv: 'En samlad avrapportering och analys efter varje möte där Göteborg är värd',
      en: 'A consolidated report and analysis after each meeting Gothenburg hosts',
    },
    support: {
      sv: 'En utvärderingsrapport sammanställd ur portalens data, med analys, godkännande och export.',
      en: "An evaluation report compiled from the portal's data, with analysis, approval and export.",
    },
  },
];
