import type { DemoContext } from '../../platform/demo.ts';
import { newId } from '../../shared/ids.ts';
import { compileFigures } from './compile.service.ts';
import type { EvaluationSections } from './evaluation.figures.ts';
import * as repo from './evaluation.repository.ts';
import { evaluationPeriod } from './period.ts';

/** The approved evaluation after the 2019 meeting in Gothenburg (the latest one it hosted). */
const SECTIONS: EvaluationSections = {
  summary:
    'Vänortsmötet i Göteborg den 14–15 november 2019 samlade delegationer från Aarhus, Bergen och Åbo. Samarbetet mellan de fyra städerna har under perioden varit stabilt, med flest gemensamma projekt inom kultur och klimat.\n\nKontakterna med Bergen har fördjupats, medan utbytet med Åbo har minskat sedan 2017. Stadsledningskontoret föreslår att nästa period inriktas på unga och på klimatanpassning.',
  analysis:
    'Under perioden har förvaltningar och bolag rapporterat samarbeten med samtliga tre vänorter. Kulturförvaltningen och Göteborgs Stadsbibliotek står för den största delen, och flera projekt har fortsatt efter att den första finansieringen tagit slut.\n\nUtbytet med Åbo bygger i dag på ett fåtal personer. När nyckelpersoner byter tjänst riskerar kontakten att upphöra, vilket har hänt inom utbildningsområdet.\n\nMötets uppföljningspunkter från 2017 är till största delen avslutade. En punkt om gemensam upphandling av elbussar är fortfarande öppen.',
  conclusions:
    'Vänortssamarbetet ger mest där det finns en tydlig ägare i varje stad och ett konkret gemensamt mål. Samarbeten som bygger på enskilda kontakter behöver förankras i förvaltningarnas planer.',
  recommendations:
    'Utse en kontaktperson per vänort i varje berörd förvaltning.\n\nTa fram ett gemensamt program för unga inför mötet 2021 tillsammans med Bergen.\n\nFölj upp den öppna punkten om elbussar vid nästa möte.',
  summaryEn:
    'The twin-city meeting in Gothenburg on 14–15 November 2019 brought together delegations from Aarhus, Bergen and Turku. Cooperation between the four cities has been stable over the period, with most joint projects in culture and climate.\n\nContacts with Bergen have deepened, while exchanges with Turku have decreased since 2017. The City Executive Office proposes that the next period focus on young people and climate adaptation.',
};

/**
 * An approved evaluation after the most recent meeting Gothenburg hosted (2019), approved in
 * February 2020, as version 1; left unpublished (the reports' demo step publishes it).
 */
export async function seedEvaluationDemo(ctx: DemoContext): Promise<void> {
  const { trx, chainId, cityIds, userIds } = ctx;
  const home = cityIds.get('goteborg');
  if (!home) return;
  const meeting = await repo.findLatestHeldHostedBy(trx, chainId, home);
  if (!meeting) return;
  const meetingEnd = meeting.end_date ?? meeting.start_date ?? `${meeting.year}-12-31`;
  const previous = await repo.findPreviousHeldHostedBy(trx, chainId, home, meeting.year);
  const { current, previous: before } = evaluationPeriod({
    meetingEnd,
    previousEvaluationEnd: null,
    previousHostedMeetingEnd: previous ? (previous.end_date ?? previous.start_date) : null,
  });
  const coordinator = userIds.get('samordnare@vanort.example') ?? null;
  const approvedAt = '2020-02-11T13:20:00.000Z';
  const id = newId();
  await repo.insertEvaluation(trx, {
    id,
    chain_id: chainId,
    meeting_id: meeting.id,
    title: `Utvärdering efter vänortsmötet i Göteborg ${meeting.year}`,
    period_start: current.start,
    period_end: current.end,
    due_on: '2020-02-15',
    status: 'approved',
    summary: SECTIONS.summary,
    analysis: SECTIONS.analysis,
    conclusions: SECTIONS.conclusions,
    recommendations: SECTIONS.recommendations,
    summary_en: SECTIONS.summaryEn,
    approved_version: 1,
    reminder_before_sent_at: null,
    reminder_after_sent_at: null,
    created_by: coordinator,
    updated_by: coordinator,
    created_at: '2019-11-18T08:00:00.000Z',
    updated_at: approvedAt,
  });
  if (coordinator) await repo.insertOwners(trx, id, [coordinator]);
  const figures = await compileFigures(trx, { chainId, period: current, previous: before });
  await repo.insertVersion(trx, {
    id: newId(),
    evaluation_id: id,
    number: 1,
    title: `Utvärdering efter vänortsmötet i Göteborg ${meeting.year}`,
    period_start: current.start,
    period_end: current.end,
    sections_json: JSON.stringify(SECTIONS),
    figures_json: JSON.stringify({ ...figures, compiledAt: approvedAt }),
    approved_by: coordinator,
    approved_at: approvedAt,
    published_at: null,
    published_by: null,
  });
  await repo.insertComment(trx, {
    id: newId(),
    evaluation_id: id,
    author_id: coordinator,
    body: 'Analysen är genomgången med kommunstyrelsens presidium den 10 februari. Inga ändringar.',
    created_at: '2020-02-11T13:15:00.000Z',
  });
}
