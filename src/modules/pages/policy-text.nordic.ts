/**
 * Unofficial Danish, Norwegian (bokmål) and Finnish translations of the policy
 * "Göteborgs Stads relation till vänorterna" and of the rules P1–P10. The Swedish
 * original in policy-text.ts is authoritative; these follow it section by section and
 * paragraph by paragraph, with the terms of docs/glossary.md.
 */

import type { PolicySection } from './policy-text.ts';

type NordicLocale = 'da' | 'nb' | 'fi';

export const POLICY_TITLES_NORDIC: Record<NordicLocale, string> = {
  da: 'Göteborg Kommunes forhold til venskabsbyerne',
  nb: 'Göteborg kommunes forhold til vennskapsbyene',
  fi: 'Göteborgin kaupungin suhde ystävyyskaupunkeihin',
};

export const POLICY_NORDIC: Record<NordicLocale, PolicySection[]> = {
  da: [
    {
      heading: null,
      paragraphs: [
        'Begrebet venskabsby opstod, da man efter anden verdenskrig opbyggede forbindelser mellem byer og kommuner i de nordiske lande. Fra begyndelsen var det et udtryk for solidaritet fra svensk side med Sveriges krigsramte nabolande. Det nordiske venskabsbysamarbejde begyndte i 1946. Göteborgs nordiske venskabsbysamarbejde omfatter Aarhus, Bergen og Turku.',
        'Venskabsbyerne mødes hvert andet år til udveksling mellem byernes politiske repræsentanter. Under mødet er der mulighed for erfaringsudveksling og for at deltage i seminarer om aktuelle emner.',
        'Venskabsbysamarbejdet fremmer også samarbejde mellem venskabsbyerne på forskellige områder. Göteborgs samarbejde med venskabsbyerne er i tråd med kommunens vision og strategier for internationalt samarbejde og med kommunens retningslinjer for internationalt arbejde, fordi det giver mulighed for at udvikle opgaveløsningen, for eksempel gennem projekt- og netværksarbejde og udveksling af viden og erfaringer.',
      ],
    },
    {
      heading: 'Fokus og ansvar',
      paragraphs: [
        'Hovedfokus i Göteborg Kommunes forhold til venskabsbyerne er den politiske erfaringsudveksling. Deltagelsen i politikermøderne varetages af byrådets formandskab (Kommunfullmäktiges presidium).',
        'Venskabsbymøderne holdes hvert andet år, og værtskabet går på skift. Göteborg Kommune har ansvaret for at holde et venskabsbymøde hvert ottende år. Göteborgs centralforvaltning (Stadsledningskontoret) har ansvaret for venskabsbymødet, når Göteborg Kommune er vært.',
        'Göteborg Kommunes vision og strategier for internationalt samarbejde fastslår, at det er byrådet (Kommunfullmäktige), der træffer beslutning om at etablere nye venskabsbyer.',
        'Samarbejder med venskabsbyerne inden for de enkelte områder varetages af den enkelte forvaltning og det enkelte kommunale selskab.',
      ],
    },
    {
      heading: 'Formidling af information',
      paragraphs: [
        'Göteborgs centralforvaltning har ansvaret for at samordne og formidle information om kommunens samlede indsats i forhold til venskabsbyerne.',
        'Forvaltninger og selskaber skal informere centralforvaltningen om samarbejder og erfaringsudveksling med venskabsbyer.',
      ],
    },
    {
      heading: 'Evaluering og opfølgning',
      paragraphs: [
        'Når Göteborg Kommune har været vært for venskabsbymødet, skal der laves en samlet afrapportering og analyse af kommunens forhold til venskabsbyerne.',
      ],
    },
  ],
  nb: [
    {
      heading: null,
      paragraphs: [
        'Begrepet vennskapsby oppstod da man etter andre verdenskrig bygde opp forbindelser mellom byer og kommuner i de nordiske landene. Fra starten var det et uttrykk for solidaritet fra svensk side med Sveriges krigsrammede naboland. Det nordiske vennskapsbysamarbeidet begynte i 1946. Göteborgs nordiske vennskapsbysamarbeid omfatter Aarhus, Bergen og Turku.',
        'Vennskapsbyene møtes annethvert år for utveksling mellom byenes politiske representanter. Under samlingen er det mulighet for erfaringsutveksling og for å delta på seminarer om aktuelle spørsmål.',
        'Vennskapsbysamarbeidet fremmer også samarbeid mellom vennskapsbyene på ulike områder. Göteborgs samarbeid med vennskapsbyene er i tråd med kommunens visjon og strategier for internasjonalt samarbeid og med kommunens retningslinjer for internasjonalt arbeid, fordi det gir mulighet for virksomhetsutvikling, for eksempel gjennom prosjekt- og nettverksarbeid og utveksling av kunnskap og erfaringer.',
      ],
    },
    {
      heading: 'Innretning og ansvar',
      paragraphs: [
        'Hovedvekten i Göteborg kommunes forhold til vennskapsbyene ligger på den politiske erfaringsutvekslingen. Deltakelse på politikermøtene håndteres av bystyrets presidentskap (Kommunfullmäktiges presidium).',
        'Vennskapsbymøtene holdes annethvert år, og vertskapet går på omgang. Göteborg kommune har ansvar for å arrangere et vennskapsbymøte hvert åttende år. Göteborgs sentraladministrasjon (Stadsledningskontoret) har ansvaret for vennskapsbymøtet når Göteborg kommune har vertskapet.',
        'Göteborg kommunes visjon og strategier for internasjonalt samarbeid slår fast at det er bystyret (Kommunfullmäktige) som gjør vedtak om å etablere nye vennskapsbyer.',
        'Samarbeid med vennskapsbyene innenfor de enkelte områdene håndteres av den enkelte etaten og det enkelte kommunale foretaket.',
      ],
    },
    {
      heading: 'Informasjonsformidling',
      paragraphs: [
        'Göteborgs sentraladministrasjon har ansvaret for å samordne og formidle informasjon om kommunens samlede arbeid med vennskapsbyene.',
        'Etater og foretak skal informere sentraladministrasjonen om samarbeid og erfaringsutveksling med vennskapsbyer.',
      ],
    },
    {
      heading: 'Evaluering og oppfølging',
      paragraphs: [
        'Etter at Göteborg kommune har hatt vertskapet for vennskapsbymøtet, skal det lages en samlet rapport og analyse av kommunens forhold til vennskapsbyene.',
      ],
    },
  ],
  fi: [
    {
      heading: null,
      paragraphs: [
        'Ystävyyskaupungin käsite syntyi, kun Pohjoismaiden kaupunkien ja kuntien välille rakennettiin yhteyksiä toisen maailmansodan jälkeen. Alun perin se oli Ruotsin solidaarisuudenosoitus sodasta kärsineille naapurimailleen. Pohjoismainen ystävyyskaupunkiyhteistyö alkoi vuonna 1946. Göteborgin pohjoismainen ystävyyskaupunkiyhteistyö suuntautuu Aarhusiin, Bergeniin ja Turkuun.',
        'Ystävyyskaupungit kokoontuvat joka toinen vuosi kaupunkien poliittisten edustajien väliseen vuoropuheluun. Tapaaminen tarjoaa mahdollisuuden kokemustenvaihtoon ja osallistumiseen ajankohtaisia aiheita käsitteleviin seminaareihin.',
        'Ystävyyskaupunkiyhteistyö edistää myös ystävyyskaupunkien välistä yhteistyötä eri toimialoilla. Göteborgin yhteistyö ystävyyskaupunkien kanssa on linjassa kaupungin kansainvälisen yhteistyön vision ja strategioiden sekä kansainvälisen työn linjausten kanssa, koska se antaa mahdollisuuden kehittää toimintaa esimerkiksi projekti- ja verkostotyön sekä tiedon ja kokemusten vaihdon avulla.',
      ],
    },
    {
      heading: 'Painopiste ja vastuut',
      paragraphs: [
        'Göteborgin kaupungin ystävyyskaupunkisuhteiden pääpaino on poliittisessa kokemustenvaihdossa. Poliitikkojen tapaamisiin osallistumisesta vastaa kaupunginvaltuuston puheenjohtajisto (Kommunfullmäktiges presidium).',
        'Ystävyyskaupunkikokoukset pidetään joka toinen vuosi, ja isännyys vuorottelee. Göteborgin kaupunki vastaa ystävyyskaupunkikokouksen järjestämisestä joka kahdeksas vuosi. Göteborgin kaupunginkanslia (Stadsledningskontoret) vastaa ystävyyskaupunkikokouksesta, kun Göteborgin kaupunki on isäntänä.',
        'Göteborgin kaupungin kansainvälisen yhteistyön visiossa ja strategioissa todetaan, että uusista ystävyyskaupungeista päättää kaupunginvaltuusto (Kommunfullmäktige).',
        'Toimialakohtaisesta yhteistyöstä ystävyyskaupunkien kanssa vastaavat virastot ja kaupungin yhtiöt kukin omalta osaltaan.',
      ],
    },
    {
      heading: 'Tiedottaminen',
      paragraphs: [
        'Göteborgin kaupunginkanslia vastaa kaupungin koko ystävyyskaupunkitoimintaa koskevan tiedon koordinoinnista ja levittämisestä.',
        'Virastojen ja yhtiöiden on ilmoitettava kaupunginkanslialle yhteistyöstä ja kokemustenvaihdosta ystävyyskaupunkien kanssa.',
      ],
    },
    {
      heading: 'Arviointi ja seuranta',
      paragraphs: [
        'Kun Göteborgin kaupunki on toiminut ystävyyskaupunkikokouksen isäntänä, on laadittava kokonaisraportti ja analyysi kaupungin suhteesta ystävyyskaupunkeihin.',
      ],
    },
  ],
};

export const POLICY_RULES_NORDIC: Record<
  string /* rule id P1..P10 */,
  { rule: Record<NordicLocale, string>; support: Record<NordicLocale, string> }
> = {
  P1: {
    rule: {
      da: 'Göteborgs nordiske venskabsbyer er Aarhus, Bergen og Turku; samarbejdet siden 1946',
      nb: 'Göteborgs nordiske vennskapsbyer er Aarhus, Bergen og Turku; samarbeidet siden 1946',
      fi: 'Göteborgin pohjoismaiset ystävyyskaupungit ovat Aarhus, Bergen ja Turku; yhteistyö vuodesta 1946',
    },
    support: {
      da: 'Et register over venskabsbyerne med deres historie.',
      nb: 'Et register over vennskapsbyene med historikken deres.',
      fi: 'Rekisteri ystävyyskaupungeista ja niiden historiasta.',
    },
  },
  P2: {
    rule: {
      da: 'Venskabsbyerne mødes hvert andet år til politisk udveksling, erfaringsudveksling og seminarer',
      nb: 'Vennskapsbyene møtes annethvert år for politisk utveksling, erfaringsutveksling og seminarer',
      fi: 'Ystävyyskaupungit kokoontuvat joka toinen vuosi poliittiseen vuoropuheluun, kokemustenvaihtoon ja seminaareihin',
    },
    support: {
      da: 'Venskabsbymøder med program, seminarer, deltagere og dokumenter.',
      nb: 'Vennskapsbymøter med program, seminarer, deltakere og dokumenter.',
      fi: 'Ystävyyskaupunkikokoukset ohjelmineen, seminaareineen, osallistujineen ja asiakirjoineen.',
    },
  },
  P3: {
    rule: {
      da: 'Værtskabet går på skift; Göteborg er vært hvert ottende år',
      nb: 'Vertskapet går på omgang; Göteborg er vert hvert åttende år',
      fi: 'Isännyys vuorottelee; Göteborg on isäntänä joka kahdeksas vuosi',
    },
    support: {
      da: 'Rotationen viser, hvem der er vært hvilket år, og advarer, hvis kædens størrelse betyder, at intervallet ikke bliver otte år.',
      nb: 'Rotasjonen viser hvem som er vert hvilket år, og varsler hvis kjedens størrelse gjør at intervallet ikke blir åtte år.',
      fi: 'Vuorottelu näyttää, mikä kaupunki on isäntänä minäkin vuonna, ja varoittaa, jos väli ei ketjun koon vuoksi ole kahdeksan vuotta.',
    },
  },
  P4: {
    rule: {
      da: 'Byrådets formandskab håndterer politikernes deltagelse',
      nb: 'Bystyrets presidentskap håndterer politikernes deltakelse',
      fi: 'Kaupunginvaltuuston puheenjohtajisto vastaa poliitikkojen osallistumisesta',
    },
    support: {
      da: 'Göteborgs delegation nomineres og bekræftes kun af formandskabet.',
      nb: 'Göteborgs delegasjon nomineres og bekreftes bare av presidentskapet.',
      fi: 'Vain puheenjohtajisto nimeää ja vahvistaa Göteborgin valtuuskunnan.',
    },
  },
  P5: {
    rule: {
      da: 'Göteborgs centralforvaltning (Stadsledningskontoret) har ansvaret for mødet, når Göteborg er vært',
      nb: 'Göteborgs sentraladministrasjon (Stadsledningskontoret) har ansvaret for møtet når Göteborg er vert',
      fi: 'Göteborgin kaupunginkanslia (Stadsledningskontoret) vastaa kokouksesta, kun Göteborg on isäntänä',
    },
    support: {
      da: 'En værtskabsplan med opgaver, ansvarlige og frister.',
      nb: 'En vertskapsplan med oppgaver, ansvarlige og frister.',
      fi: 'Isännyyssuunnitelma, jossa on tehtävät, vastuuhenkilöt ja määräajat.',
    },
  },
  P6: {
    rule: {
      da: 'Kun byrådet træffer beslutning om nye venskabsbyer',
      nb: 'Bare bystyret gjør vedtak om nye vennskapsbyer',
      fi: 'Vain kaupunginvaltuusto päättää uusista ystävyyskaupungeista',
    },
    support: {
      da: 'En venskabsby bliver først aktiv, når byrådets beslutning er registreret (dato, paragraf, journalnummer).',
      nb: 'En vennskapsby blir først aktiv når bystyrets vedtak er registrert (dato, paragraf, saksnummer).',
      fi: 'Ystävyyskaupunki muuttuu aktiiviseksi vasta, kun kaupunginvaltuuston päätös on kirjattu (päivämäärä, pykälä, diaarinumero).',
    },
  },
  P7: {
    rule: {
      da: 'Forvaltninger og selskaber står for samarbejder inden for de enkelte områder',
      nb: 'Etater og foretak driver samarbeid innenfor de enkelte områdene',
      fi: 'Virastot ja yhtiöt vastaavat toimialakohtaisesta yhteistyöstä',
    },
    support: {
      da: 'Hver forvaltning og hvert selskab håndterer sine egne samarbejder; andre kan læse dem.',
      nb: 'Hver etat og hvert foretak håndterer sine egne samarbeid; andre kan lese dem.',
      fi: 'Kukin virasto ja yhtiö hoitaa omat yhteistyönsä; muut voivat lukea niitä.',
    },
  },
  P8: {
    rule: {
      da: 'De skal informere Göteborgs centralforvaltning om samarbejder og erfaringsudveksling',
      nb: 'De skal informere Göteborgs sentraladministrasjon om samarbeid og erfaringsutveksling',
      fi: 'Niiden on ilmoitettava Göteborgin kaupunginkanslialle yhteistyöstä ja kokemustenvaihdosta',
    },
    support: {
      da: 'Indberetninger går til en kø til gennemgang; opgørelser med påmindelser og et aktuelt overblik over, hvem der har indberettet.',
      nb: 'Rapporter går til en kø for gjennomgang; kartlegginger med påminnelser og en oppdatert oversikt over hvem som har rapportert.',
      fi: 'Raportit menevät tarkastusjonoon; kartoitukset muistutuksineen ja ajantasainen tilanne siitä, kuka on raportoinut.',
    },
  },
  P9: {
    rule: {
      da: 'Göteborgs centralforvaltning samordner og formidler information',
      nb: 'Göteborgs sentraladministrasjon samordner og formidler informasjon',
      fi: 'Göteborgin kaupunginkanslia koordinoi ja levittää tietoa',
    },
    support: {
      da: 'Denne portal, nyheder, feeds, nyhedsbrev og åbne data.',
      nb: 'Denne portalen, nyheter, feeder, nyhetsbrev og åpne data.',
      fi: 'Tämä portaali, uutiset, syötteet, uutiskirje ja avoin data.',
    },
  },
  P10: {
    rule: {
      da: 'En samlet afrapportering og analyse efter hvert møde, hvor Göteborg er vært',
      nb: 'En samlet rapport og analyse etter hvert møte der Göteborg er vert',
      fi: 'Kokonaisraportti ja analyysi jokaisen Göteborgin isännöimän kokouksen jälkeen',
    },
    support: {
      da: 'En evalueringsrapport udarbejdet på grundlag af portalens data, med analyse, godkendelse og eksport.',
      nb: 'En evalueringsrapport satt sammen av dataene i portalen, med analyse, godkjenning og eksport.',
      fi: 'Portaalin tiedoista koottu arviointiraportti, jossa on analyysi, hyväksyntä ja vienti.',
    },
  },
};
