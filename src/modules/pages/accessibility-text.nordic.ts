/**
 * The accessibility statement in Danish, Norwegian (bokmål) and Finnish, translated from
 * the Swedish statement in accessibility-text.ts: the same items, ids, order and links.
 * Swedish law and authorities keep their Swedish names, with a short explanation.
 */

import { statementIn, type StatementItem, type StatementWords } from './accessibility-text.ts';

export function statementNordic(
  locale: 'da' | 'nb' | 'fi',
  feedbackEmail: string,
  assessed: string,
  updated: string,
): StatementItem[] {
  return statementIn({ da: DA, nb: NB, fi: FI }[locale], feedbackEmail, assessed, updated);
}

const DA: StatementWords = {
  body: {
    heading: 'Hvem er ansvarlig for hjemmesiden',
    text: 'Göteborg Kommune er ansvarlig for denne hjemmeside gennem Göteborgs centralforvaltning (Stadsledningskontoret).',
  },
  service: {
    heading: 'Hvilken tjeneste erklæringen gælder',
    text: 'Erklæringen gælder Vänortsportalen, Göteborg Kommunes portal om Göteborgs nordiske venskabsbyer Aarhus, Bergen og Turku, med de offentlige sider og dokumentationen af det åbne API.',
  },
  conformance: {
    heading: 'Hvor tilgængelig er hjemmesiden',
    text: 'Hjemmesiden lever delvist op til lagen om tillgänglighet till digital offentlig service (DOS-lagen), som er den svenske lov om tilgængelighed af offentlige digitale tjenester. Det skyldes de mangler, der er beskrevet nedenfor. Målet er WCAG 2.1 niveau AA (EN 301 549) og succeskriterierne i WCAG 2.2 niveau AA.',
  },
  'known-issues': {
    heading: 'Indhold, der ikke er tilgængeligt',
    text: 'Vi kender til følgende mangler:',
    list: [
      'API-dokumentationen på /api/docs er lavet med et værktøj fra en tredjepart (Swagger UI), kræver JavaScript og er ikke gennemgået fuldt ud. De samme oplysninger findes i det maskinlæsbare OpenAPI-dokument.',
      'De offentlige sider findes på svensk, engelsk, dansk, norsk og finsk. Politikkens danske, norske og finske tekster er uofficielle oversættelser (den svenske original er gældende), og navnene på samarbejdsområder, som centralforvaltningen skriver, findes kun på svensk eller engelsk; den slags tekst er markeret med sit sprog.',
    ],
  },
  assessed: {
    heading: 'Hvornår hjemmesiden blev vurderet',
    text: 'Hjemmesiden blev vurderet den {date}.',
  },
  updated: {
    heading: 'Hvornår erklæringen blev opdateret',
    text: 'Erklæringen blev senest opdateret den {date}.',
  },
  method: {
    heading: 'Sådan har vi testet hjemmesiden',
    text: 'Vi har lavet en selvevaluering (intern test). Hver offentlig side testes automatisk med axe-core, hver gang en ny version bygges. Testen bruger reglerne i WCAG 2.1 og 2.2 niveau AA og kører i en rigtig browser, både med og uden JavaScript. Tastaturnavigation, synligt fokus, forstørrelse til 400 % (en skærmbredde på 320 CSS-pixels) og en farvekontrast på mindst 4,5:1 kontrolleres som en del af designet.',
  },
  feedback: {
    heading: 'Hvis du finder mangler',
    text: 'Hvis du har brug for indhold fra hjemmesiden i et andet format, eller hvis du opdager mangler, som ikke er beskrevet på denne side, så skriv en e-mail til os. Vi bestræber os på at svare inden for fem arbejdsdage.',
    link: 'Send en e-mail til {email}',
  },
  enforcement: {
    heading: 'Tilsyn',
    text: 'Myndigheten för digital förvaltning (Digg), den svenske myndighed for digital forvaltning, fører tilsyn med DOS-lagen. Hvis du ikke er tilfreds med, hvordan vi håndterer dine bemærkninger, kan du kontakte Digg og gøre opmærksom på det.',
    link: 'Anmeld manglende tilgængelighed til Digg',
  },
  exemptions: {
    heading: 'Uforholdsmæssig stor byrde',
    text: 'Vi påberåber os ikke undtagelsen for uforholdsmæssig stor byrde for noget indhold på hjemmesiden.',
  },
  'out-of-scope': {
    heading: 'Indhold, som ikke er omfattet af lovgivningen',
    text: 'Venskabsbyernes og andre tredjeparters hjemmesider, som vi linker til, ligger uden for vores ansvar og er ikke omfattet af erklæringen. Dokumenter, der er offentliggjort før den 23. september 2018, er ikke omfattet af tilgængelighedskravene, medmindre de er nødvendige i en igangværende administrativ proces.',
  },
};

const NB: StatementWords = {
  body: {
    heading: 'Hvem er ansvarlig for nettstedet',
    text: 'Göteborg kommune er ansvarlig for dette nettstedet gjennom Göteborgs sentraladministrasjon (Stadsledningskontoret).',
  },
  service: {
    heading: 'Hvilken tjeneste erklæringen gjelder',
    text: 'Erklæringen gjelder Vänortsportalen, Göteborg kommunes portal om Göteborgs nordiske vennskapsbyer Aarhus, Bergen og Turku, med de offentlige sidene og dokumentasjonen av det åpne API-et.',
  },
  conformance: {
    heading: 'Hvor tilgjengelig er nettstedet',
    text: 'Nettstedet oppfyller delvis kravene i lagen om tillgänglighet till digital offentlig service (DOS-lagen), som er den svenske loven om tilgjengelighet til offentlige digitale tjenester. Det skyldes manglene som er beskrevet nedenfor. Målet er WCAG 2.1 nivå AA (EN 301 549) og suksesskriteriene i WCAG 2.2 nivå AA.',
  },
  'known-issues': {
    heading: 'Innhold som ikke er tilgjengelig',
    text: 'Vi kjenner til disse manglene:',
    list: [
      'API-dokumentasjonen på /api/docs lages av et verktøy fra en tredjepart (Swagger UI), krever JavaScript og er ikke fullstendig gjennomgått. Den samme informasjonen finnes i det maskinlesbare OpenAPI-dokumentet.',
      'De offentlige sidene finnes på svensk, engelsk, dansk, norsk og finsk. Policyens danske, norske og finske tekster er uoffisielle oversettelser (den svenske originalen gjelder), og navnene på samarbeidsområder, som sentraladministrasjonen skriver, finnes bare på svensk eller engelsk; slik tekst er merket med språket sitt.',
    ],
  },
  assessed: {
    heading: 'Når nettstedet ble vurdert',
    text: 'Nettstedet ble vurdert {date}.',
  },
  updated: {
    heading: 'Når erklæringen ble oppdatert',
    text: 'Erklæringen ble sist oppdatert {date}.',
  },
  method: {
    heading: 'Slik har vi testet nettstedet',
    text: 'Vi har gjort en egenvurdering (intern testing). Hver offentlig side testes automatisk med axe-core hver gang en ny versjon bygges. Testen bruker reglene i WCAG 2.1 og 2.2 nivå AA og kjøres i en ekte nettleser, både med og uten JavaScript. Tastaturnavigasjon, synlig fokus, forstørrelse til 400 % (en skjermbredde på 320 CSS-piksler) og fargekontrast på minst 4,5:1 kontrolleres som en del av designet.',
  },
  feedback: {
    heading: 'Hvis du finner mangler',
    text: 'Hvis du trenger innhold fra nettstedet i et annet format, eller hvis du oppdager mangler som ikke er beskrevet på denne siden, kan du sende oss en e-post. Vi prøver å svare innen fem arbeidsdager.',
    link: 'Send e-post til {email}',
  },
  enforcement: {
    heading: 'Tilsyn',
    text: 'Myndigheten för digital förvaltning (Digg), det svenske direktoratet for digital forvaltning, har ansvaret for tilsynet med DOS-lagen. Hvis du ikke er fornøyd med hvordan vi håndterer tilbakemeldingene dine, kan du kontakte Digg og si fra.',
    link: 'Meld fra om manglende tilgjengelighet til Digg',
  },
  exemptions: {
    heading: 'Uforholdsmessig stor byrde',
    text: 'Vi viser ikke til unntaket for uforholdsmessig stor byrde for noe innhold på nettstedet.',
  },
  'out-of-scope': {
    heading: 'Innhold som ikke omfattes av lovgivningen',
    text: 'Nettstedene til vennskapsbyene og andre tredjeparter som vi lenker til, ligger utenfor vårt ansvar og omfattes ikke av erklæringen. Dokumenter som er publisert før 23. september 2018, omfattes ikke av tilgjengelighetskravene, med mindre de trengs i en pågående administrativ prosess.',
  },
};

const FI: StatementWords = {
  body: {
    heading: 'Kuka vastaa verkkosivustosta',
    text: 'Tästä verkkosivustosta vastaa Göteborgin kaupunki. Käytännössä vastuu on Göteborgin kaupunginkanslialla (Stadsledningskontoret).',
  },
  service: {
    heading: 'Mitä palvelua seloste koskee',
    text: 'Seloste koskee Vänortsportalen-palvelua, joka on Göteborgin kaupungin portaali sen pohjoismaisista ystävyyskaupungeista Aarhusista, Bergenistä ja Turusta. Seloste kattaa julkiset sivut ja avoimen rajapinnan (API) dokumentaation.',
  },
  conformance: {
    heading: 'Kuinka saavutettava verkkosivusto on',
    text: 'Verkkosivusto täyttää osittain Ruotsin digitaalisten julkisten palvelujen saavutettavuutta koskevan lain vaatimukset, koska siinä on alla kuvatut puutteet. Lain ruotsinkielinen nimi on lagen om tillgänglighet till digital offentlig service (DOS-lagen). Tavoitteena on WCAG 2.1 -ohjeiden AA-taso (EN 301 549) ja WCAG 2.2:n AA-tason onnistumiskriteerit.',
  },
  'known-issues': {
    heading: 'Ei-saavutettava sisältö',
    text: 'Tiedämme seuraavista puutteista:',
    list: [
      'Rajapinnan (API) dokumentaatio osoitteessa /api/docs on tehty kolmannen osapuolen työkalulla (Swagger UI). Se vaatii JavaScriptin, eikä sitä ole tarkastettu kokonaan. Samat tiedot ovat koneluettavassa OpenAPI-dokumentissa.',
      'Julkiset sivut ovat ruotsiksi, englanniksi, tanskaksi, norjaksi ja suomeksi. Toimintaperiaatteen tanskan-, norjan- ja suomenkieliset tekstit ovat epävirallisia käännöksiä (ruotsinkielinen alkuteksti on voimassa), ja kaupunginkanslian kirjoittamat yhteistyön toimialojen nimet ovat vain ruotsiksi tai englanniksi; tällainen teksti on merkitty kielellään.',
    ],
  },
  assessed: {
    heading: 'Milloin verkkosivusto arvioitiin',
    text: 'Verkkosivusto arvioitiin {date}.',
  },
  updated: {
    heading: 'Milloin selostetta päivitettiin',
    text: 'Selostetta on päivitetty viimeksi {date}.',
  },
  method: {
    heading: 'Miten verkkosivusto on testattu',
    text: 'Olemme arvioineet saavutettavuuden itse (sisäinen testaus). Jokainen julkinen sivu testataan automaattisesti axe-core-työkalulla aina, kun sivustosta tehdään uusi versio. Testeissä käytetään WCAG 2.1:n ja 2.2:n AA-tason sääntöjä, ja ne ajetaan oikeassa selaimessa sekä JavaScriptin kanssa että ilman sitä. Näppäimistöllä liikkuminen, näkyvä kohdistus, suurennus 400 prosenttiin (320 CSS-pikselin levyinen näyttö) ja vähintään 4,5:1:n värikontrasti tarkistetaan osana suunnittelua.',
  },
  feedback: {
    heading: 'Jos huomaat puutteita',
    text: 'Jos tarvitset verkkosivuston sisältöä toisessa muodossa tai huomaat puutteita, joita ei ole kuvattu tällä sivulla, lähetä meille sähköpostia. Pyrimme vastaamaan viiden työpäivän kuluessa.',
    link: 'Lähetä sähköpostia: {email}',
  },
  enforcement: {
    heading: 'Valvonta',
    text: 'DOS-lain noudattamista valvoo Myndigheten för digital förvaltning (Digg), joka on Ruotsin digitaalihallinnon virasto. Jos et ole tyytyväinen siihen, miten käsittelemme palautettasi, voit ottaa yhteyttä Diggiin ja ilmoittaa asiasta.',
    link: 'Ilmoita saavutettavuuspuutteista Diggille',
  },
  exemptions: {
    heading: 'Kohtuuton rasite',
    text: 'Emme vetoa kohtuuttomaan rasitteeseen minkään verkkosivuston sisällön osalta.',
  },
  'out-of-scope': {
    heading: 'Sisältö, joka ei kuulu lainsäädännön piiriin',
    text: 'Ystävyyskaupunkien ja muiden kolmansien osapuolten verkkosivustot, joihin linkitämme, eivät ole vastuullamme, eikä tämä seloste koske niitä. Ennen 23.9.2018 julkaistut asiakirjat eivät kuulu saavutettavuusvaatimusten piiriin, ellei niitä tarvita käynnissä olevassa hallinnollisessa prosessissa.',
  },
};
