import type { DemoContext } from '../../platform/demo.ts';
import { newId } from '../../shared/ids.ts';
import { meetingIdsByYear } from '../meetings/index.ts';
import type {
  Count,
  EvaluationFigures,
  EvaluationSections,
  PeriodFigures,
} from './evaluation.figures.ts';
import * as repo from './report.repository.ts';

const count = (key: string, label: string, value: number): Count => ({ key, label, value });

/** An empty period (the start of a sample). */
export function emptyPeriod(start: string, end: string): PeriodFigures {
  return {
    period: { start, end },
    meetings: [],
    collaborations: {
      total: 0,
      new: 0,
      ongoing: 0,
      finished: 0,
      byCity: [],
      byArea: [],
      byOrganisation: [],
      byKind: [],
      byStatus: [],
    },
    exchanges: { total: 0, participants: 0, byCity: [], byDirection: [] },
    campaigns: [],
    decisions: { total: 0, byKind: [], items: [] },
    news: { published: 0 },
    newsletters: { sent: 0, recipients: 0 },
  };
}

/**
 * The figures of the demo report (the evaluation after the 2019 meeting in Gothenburg), in
 * the shape the compilation writes. They are example data, labelled as such on every demo
 * page; the real compilation (compile.service.ts) writes them from the records.
 */
export function sampleFigures(): EvaluationFigures {
  const current = emptyPeriod('2011-05-21', '2019-11-15');
  current.meetings = [
    {
      id: 'demo-2019',
      year: 2019,
      hostCityId: 'goteborg',
      hostName: 'Göteborg',
      theme: 'Hållbara och inkluderande städer',
      status: 'held',
      programmeItems: 9,
      seminars: 4,
      delegates: 46,
      delegatesByCity: [
        count('goteborg', 'Göteborg', 16),
        count('aarhus', 'Aarhus', 10),
        count('bergen', 'Bergen', 10),
        count('turku', 'Åbo', 10),
      ],
      delegatesByRole: [
        count('politician', 'Förtroendevald', 28),
        count('official', 'Tjänsteperson', 18),
      ],
      outcomes: 6,
      followUps: 4,
      followUpsClosed: 3,
    },
  ];
  current.collaborations = {
    total: 27,
    new: 11,
    ongoing: 13,
    finished: 3,
    byCity: [count('aarhus', 'Aarhus', 10), count('bergen', 'Bergen', 9), count('turku', 'Åbo', 8)],
    byArea: [
      count('culture', 'Kultur', 9),
      count('education', 'Utbildning', 7),
      count('climate', 'Klimat och miljö', 6),
      count('business', 'Näringsliv', 5),
    ],
    byOrganisation: [count('kultur', 'Kulturförvaltningen', 8)],
    byKind: [count('project', 'Projekt', 15), count('network', 'Nätverk', 12)],
    byStatus: [count('active', 'Pågående', 24), count('finished', 'Avslutat', 3)],
  };
  current.exchanges = {
    total: 14,
    participants: 212,
    byCity: [count('aarhus', 'Aarhus', 5), count('bergen', 'Bergen', 5), count('turku', 'Åbo', 4)],
    byDirection: [count('out', 'Från Göteborg', 8), count('in', 'Till Göteborg', 6)],
  };
  current.decisions = { total: 2, byKind: [count('KF', 'Kommunfullmäktige', 2)], items: [] };
  current.news = { published: 12 };
  current.newsletters = { sent: 5, recipients: 640 };
  const previous = emptyPeriod('2002-12-25', '2011-05-20');
  previous.collaborations.total = 19;
  previous.collaborations.new = 7;
  previous.exchanges.total = 9;
  previous.exchanges.participants = 131;
  return { compiledAt: '2020-02-20T10:00:00.000Z', current, previous, flags: [] };
}

export const SAMPLE_SECTIONS: EvaluationSections = {
  summary:
    'Göteborg stod värd för vänortsmötet i november 2019. Sedan förra mötet i Göteborg har samarbetena med Aarhus, Bergen och Åbo ökat från 19 till 27, och utbytena har nått fler deltagare.\n\nKulturområdet och utbildningen står för mer än hälften av samarbetena.',
  summaryEn:
    'Gothenburg hosted the twin-city meeting in November 2019. Since the previous meeting in Gothenburg, collaborations with Aarhus, Bergen and Turku have grown from 19 to 27, and the exchanges have reached more participants.\n\nCulture and education account for more than half of the collaborations.',
  analysis:
    'Ökningen kommer främst från nya projekt inom kultur och utbildning. Klimatsamarbetena är färre men större. Tre av fyra uppföljningar från mötet är avslutade.',
  conclusions:
    'Relationen till vänorterna är aktiv och bred. Näringslivet deltar ännu i liten omfattning.',
  recommendations:
    'Bjud in näringslivet till nästa möte.\nFölj upp den öppna punkten från 2019 års möte före årets slut.',
};

/**
 * Publishes the demo report: the latest approved version of any evaluation, when there is
 * one (the evaluation work's demo seeds it unpublished); otherwise, before that work is in,
 * an evaluation of its own after the 2019 meeting with version 1, approved by the demo
 * coordinator. Does nothing when a version is already published.
 */
export async function seedReportDemo(context: DemoContext): Promise<void> {
  const { trx, chainId, userIds } = context;
  const coordinator = userIds.get('samordnare@vanort.example') ?? null;
  let latest = await repo.latestApprovedVersion(trx);
  if (!latest) {
    const meetingId = (await meetingIdsByYear(trx, chainId)).get(2019) ?? null;
    const evaluationId = newId();
    await repo.insertEvaluationWithVersion(trx, {
      evaluationId,
      versionId: newId(),
      chainId,
      meetingId,
      title: 'Utvärdering efter vänortsmötet i Göteborg 2019',
      periodStart: '2011-05-21',
      periodEnd: '2019-11-15',
      dueOn: '2020-02-15',
      sections: SAMPLE_SECTIONS,
      figuresJson: JSON.stringify(sampleFigures()),
      approvedBy: coordinator,
      approvedAt: '2020-03-02T09:00:00.000Z',
      number: 1,
    });
    latest = await repo.latestApprovedVersion(trx);
  }
  if (!latest || latest.published_at) return;
  await repo.setPublished(
    trx,
    latest.evaluation_id,
    Number(latest.number),
    coordinator,
    '2020-03-09T09:00:00.000Z',
  );
}
