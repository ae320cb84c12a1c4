import type { DemoContext } from '../../platform/demo.ts';
import type { Locale } from '../../platform/i18n/locales.ts';
import { newId } from '../../shared/ids.ts';
import { meetingIdsByYear } from '../meetings/index.ts';
import { renderNewsBody } from './news.markdown.ts';
import * as repo from './news.repository.ts';

interface DemoNews {
  status: 'published' | 'scheduled' | 'draft';
  at: string | null;
  cities: string[];
  meetingYear?: number;
  versions: Partial<Record<Locale, { title: string; summary?: string; body: string }>>;
}

const NEWS: DemoNews[] = [
  {
    status: 'published',
    at: '2026-11-20T09:00:00.000Z',
    cities: ['goteborg', 'aarhus', 'bergen', 'turku'],
    meetingYear: 2027,
    versions: {
      sv: {
        title: 'Göteborg förbereder vänortsmötet 2027',
        summary:
          'I september 2027 är det Göteborgs tur att stå värd för det nordiska vänortsmötet.',
        body: 'Vänortsmötet hålls den 14–16 september 2027 i Göteborgs konserthus. Temat är **klimatanpassade och inkluderande städer**.\n\nStadsledningskontoret har börjat planera tillsammans med Aarhus, Bergen och Åbo:\n\n- programmet och seminarierna tas fram under våren 2027\n- delegationerna anmäls senast i juni\n\nLäs mer om [mötet](/meetings) och om [vänorterna](/cities).',
      },
      en: {
        title: 'Gothenburg prepares for the 2027 twin-city meeting',
        summary: 'In September 2027 it is Gothenburg’s turn to host the Nordic twin-city meeting.',
        body: 'The twin-city meeting takes place on 14–16 September 2027 at the Gothenburg Concert Hall. The theme is **climate-adapted and inclusive cities**.\n\nThe City Executive Office has started planning together with Aarhus, Bergen and Turku:\n\n- the programme and seminars are prepared in spring 2027\n- delegations are registered by June\n\nRead more about [the meeting](/meetings) and [the twin cities](/cities).',
      },
      da: {
        title: 'Göteborg forbereder venskabsbymødet i 2027',
        body: 'Venskabsbymødet holdes den 14.–16. september 2027 i Göteborgs koncerthus. Temaet er klimatilpassede og inkluderende byer.',
      },
      nb: {
        title: 'Göteborg forbereder vennskapsbymøtet i 2027',
        body: 'Vennskapsbymøtet holdes 14.–16. september 2027 i Göteborgs konserthus. Temaet er klimatilpassede og inkluderende byer.',
      },
      fi: {
        title: 'Göteborg valmistautuu vuoden 2027 ystävyyskaupunkikokoukseen',
        body: 'Ystävyyskaupunkikokous pidetään 14.–16.9.2027 Göteborgin konserttitalossa. Teemana ovat ilmastoon sopeutuvat ja osallistavat kaupungit.',
      },
    },
  },
  {
    status: 'published',
    at: '2026-10-08T07:30:00.000Z',
    cities: ['bergen'],
    versions: {
      sv: {
        title: 'Bergen och Göteborg delar erfarenheter av klimatanpassning',
        summary: 'Två hamnstäder med mycket regn lär av varandra om skyfall och stigande hav.',
        body: 'Under hösten har tjänstepersoner från Bergen och Göteborg besökt varandra för att jämföra hur städerna rustar sig för skyfall och ett stigande hav.\n\nErfarenheterna samlas i [kunskapsbanken](/collaborations).',
      },
      en: {
        title: 'Bergen and Gothenburg share experience of climate adaptation',
        summary: 'Two rainy port cities learn from each other about cloudbursts and rising seas.',
        body: 'This autumn, staff from Bergen and Gothenburg have visited each other to compare how the cities prepare for cloudbursts and rising sea levels.\n\nThe lessons are collected among the [collaborations](/collaborations).',
      },
    },
  },
  {
    status: 'published',
    at: '2026-09-15T08:00:00.000Z',
    cities: ['turku'],
    versions: {
      sv: {
        title: 'Unga från vänorterna möttes i Åbo',
        body: 'Trettio ungdomar från Aarhus, Bergen, Göteborg och Åbo träffades i Åbo för att diskutera hur unga kan få större inflytande i sina städer.',
      },
      en: {
        title: 'Young people from the twin cities met in Turku',
        body: 'Thirty young people from Aarhus, Bergen, Gothenburg and Turku met in Turku to discuss how young people can have more say in their cities.',
      },
      fi: {
        title: 'Ystävyyskaupunkien nuoret tapasivat Turussa',
        body: 'Kolmekymmentä nuorta Aarhusista, Bergenistä, Göteborgista ja Turusta tapasi Turussa keskustellakseen siitä, miten nuoret voivat vaikuttaa enemmän kaupungeissaan.',
      },
    },
  },
  {
    status: 'published',
    at: '2026-06-03T10:00:00.000Z',
    cities: ['aarhus', 'bergen', 'turku'],
    versions: {
      sv: {
        title: '80 år av nordiskt vänortssamarbete',
        summary: 'Det nordiska vänortssamarbetet inleddes 1946. I år fyller det 80 år.',
        body: 'Vänortstanken växte fram efter andra världskriget som ett uttryck för solidaritet med grannländerna. Sedan 1946 har Göteborg samarbetat med Aarhus, Bergen och Åbo.\n\nLäs [Göteborgs Stads policy för vänorterna](/policy).',
      },
      en: {
        title: '80 years of Nordic twin-city cooperation',
        summary: 'Nordic twin-city cooperation began in 1946. This year it turns 80.',
        body: 'The twin-city idea grew after the Second World War as an expression of solidarity with the neighbouring countries. Since 1946 Gothenburg has worked with Aarhus, Bergen and Turku.\n\nRead [the City of Gothenburg’s twin-city policy](/policy).',
      },
      da: {
        title: '80 års nordisk venskabsbysamarbejde',
        body: 'Det nordiske venskabsbysamarbejde begyndte i 1946. Siden da har Göteborg samarbejdet med Aarhus, Bergen og Turku.',
      },
      nb: {
        title: '80 år med nordisk vennskapsbysamarbeid',
        body: 'Det nordiske vennskapsbysamarbeidet begynte i 1946. Siden da har Göteborg samarbeidet med Aarhus, Bergen og Turku.',
      },
    },
  },
  {
    status: 'scheduled',
    at: '2027-01-11T08:00:00.000Z',
    cities: [],
    versions: {
      sv: {
        title: 'Nu kan du prenumerera på nyheter om vänorterna',
        body: 'Från och med januari 2027 skickar Stadsledningskontoret ett nyhetsbrev om stadens arbete med vänorterna.',
      },
    },
  },
  {
    status: 'draft',
    at: null,
    cities: ['goteborg'],
    versions: {
      sv: {
        title: 'Programmet för vänortsmötet 2027 tar form',
        body: 'Utkast: seminarierna om klimatanpassning och om ungas inflytande är bokade.',
      },
    },
  },
];

/** A handful of news items: four published (linked to the cities and the 2027 meeting), one scheduled, one draft. */
export async function seedNewsDemo(ctx: DemoContext): Promise<void> {
  const { trx, now, cityIds, chainId } = ctx;
  const meetings = await meetingIdsByYear(trx, chainId);
  const author = ctx.userIds.get('samordnare@vanort.example') ?? null;
  for (const news of NEWS) {
    const id = newId();
    await repo.insertNewsItem(trx, {
      id,
      status: news.status,
      publish_at: news.at,
      published_at: news.status === 'published' ? news.at : null,
      created_by: author,
      updated_by: author,
      created_at: news.at ?? now,
      updated_at: news.at ?? now,
    });
    await repo.replaceTranslations(
      trx,
      id,
      Object.entries(news.versions).map(([lang, v]) => ({
        news_id: id,
        lang,
        title: v.title,
        summary: v.summary ?? null,
        body_markdown: v.body,
        body_html: renderNewsBody(v.body),
        updated_at: news.at ?? now,
      })),
    );
    const meetingId = news.meetingYear ? meetings.get(news.meetingYear) : undefined;
    await repo.replaceLinks(trx, id, [
      ...news.cities.flatMap((slug) => {
        const cityId = cityIds.get(slug);
        return cityId ? [{ news_id: id, target_kind: 'city', target_id: cityId }] : [];
      }),
      ...(meetingId ? [{ news_id: id, target_kind: 'meeting', target_id: meetingId }] : []),
    ]);
  }
}
