import { createHash } from 'node:crypto';
import { insertWithNewId, type DemoContext } from '../../platform/demo.ts';
import { newId } from '../../shared/ids.ts';

/** A tiny valid one-page PDF with one line of text (ASCII only), offsets computed. */
export function tinyPdf(text: string): Buffer {
  const safe = text.replace(/[^\x20-\x7e]/g, '?').replace(/([()\\])/g, '\\$1');
  const stream = `BT /F1 18 Tf 72 760 Td (${safe}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** The meetings between those of the base seed (2013, 2015, 2019, 2027), all held. */
const HISTORY = [
  {
    year: 2017,
    host: 'turku',
    start: '2017-06-07',
    end: '2017-06-08',
    venue: 'Åbo slott',
    theme: 'Den digitala staden',
  },
  {
    year: 2021,
    host: 'bergen',
    start: '2021-09-22',
    end: '2021-09-23',
    venue: 'Grieghallen',
    theme: 'Städer efter pandemin',
  },
  {
    year: 2023,
    host: 'aarhus',
    start: '2023-05-31',
    end: '2023-06-01',
    venue: 'Aarhus Rådhus',
    theme: 'Unga i staden',
  },
  {
    year: 2025,
    host: 'turku',
    start: '2025-06-11',
    end: '2025-06-12',
    venue: 'Åbo stadshus',
    theme: 'Hållbar mobilitet',
  },
] as const;

/** History, outcomes (one open action carried to 2027), and the 2027 programme. */
export async function seedMeetingsDemo(context: DemoContext): Promise<void> {
  const { trx, now, chainId, cityIds } = context;
  const city = (slug: string) => cityIds.get(slug) ?? '';
  const ids = new Map<number, string>();
  for (const m of HISTORY) {
    const id = await insertWithNewId(trx, 'meeting', {
      chain_id: chainId,
      year: m.year,
      host_city_id: city(m.host),
      start_date: m.start,
      end_date: m.end,
      venue: m.venue,
      theme: m.theme,
      status: 'held',
      created_at: now,
      updated_at: now,
    });
    ids.set(m.year, id);
  }
  const outcome = (
    year: number,
    kind: string,
    text: string,
    responsible: string | null,
    closed?: { on: string; inYear: number; note: string },
  ) => ({
    id: newId(),
    meeting_id: ids.get(year) ?? '',
    kind,
    text,
    responsible_city_id: responsible ? city(responsible) : null,
    due_on: null,
    closed_on: closed?.on ?? null,
    closed_in_meeting_id: closed ? (ids.get(closed.inYear) ?? null) : null,
    closing_note: closed?.note ?? null,
    created_at: now,
    updated_at: now,
  });
  await trx
    .insertInto('meeting_outcome')
    .values([
      outcome(2023, 'decision', 'Vänorterna inrättar ett gemensamt nätverk för ungdomsråd.', null),
      outcome(
        2023,
        'action',
        'Bergen sammanställer erfarenheterna från ungdomsråden till nästa möte.',
        'bergen',
        { on: '2025-06-11', inYear: 2025, note: 'Rapporten presenterades vid mötet i Åbo 2025.' },
      ),
      outcome(2025, 'information', 'Åbo presenterade sin plan för cykelvägar året runt.', 'turku'),
      outcome(
        2025,
        'action',
        'Göteborg tar fram ett förslag till gemensamma mått för hållbart resande.',
        'goteborg',
      ),
    ])
    .execute();

  const planned = await trx
    .selectFrom('meeting')
    .select('id')
    .where('chain_id', '=', chainId)
    .where('year', '=', 2027)
    .executeTakeFirst();
  if (!planned) return;
  const item = (
    day: string,
    starts: string,
    ends: string,
    kind: string,
    title: string,
    location: string | null,
  ) => ({
    id: newId(),
    meeting_id: planned.id,
    day,
    starts_at: starts,
    ends_at: ends,
    kind,
    title,
    location,
    description: null,
    created_at: now,
    updated_at: now,
  });
  await trx
    .insertInto('meeting_programme_item')
    .values([
      item('2027-09-14', '13:00', '14:00', 'plenary', 'Välkomna till Göteborg', 'Stora salen'),
      item(
        '2027-09-14',
        '14:30',
        '16:30',
        'seminar',
        'Seminarier i parallella spår',
        'Konserthusets salar',
      ),
      item('2027-09-14', '19:00', '22:00', 'social', 'Middag på Röda Sten', 'Röda Sten Konsthall'),
      item('2027-09-15', '09:00', '12:00', 'plenary', 'Politiskt erfarenhetsutbyte', 'Stora salen'),
      item(
        '2027-09-15',
        '13:30',
        '17:00',
        'study_visit',
        'Studiebesök i Frihamnen och Jubileumsparken',
        'Frihamnen',
      ),
      item(
        '2027-09-16',
        '09:00',
        '11:30',
        'plenary',
        'Resultat, uppföljning och nästa värdstad',
        'Stora salen',
      ),
    ])
    .execute();
  const seminar = (title: string, topic: string, speakers: string, description: string) => ({
    id: newId(),
    meeting_id: planned.id,
    programme_item_id: null,
    title,
    topic_area: topic,
    speakers,
    description,
    created_at: now,
    updated_at: now,
  });
  await trx
    .insertInto('meeting_seminar')
    .values([
      seminar(
        'Klimatanpassning av hamnstäder',
        'Klimat och miljö',
        'Stadsbyggnadskontoret, Göteborg; Bergen kommune',
        'Hur skyddar vi stadskärnor vid vatten mot högre havsnivåer och skyfall?',
      ),
      seminar(
        'Skolutbyte mellan vänorterna',
        'Utbildning',
        'Utbildningsförvaltningen, Göteborg; Turun kaupunki',
        'Erfarenheter av elev- och lärarutbyten och hur fler skolor kan delta.',
      ),
      seminar(
        'Kultur som mötesplats',
        'Kultur',
        'Kulturförvaltningen, Göteborg; Aarhus Kommune',
        'Bibliotek, festivaler och kulturhus som öppna mötesplatser för alla.',
      ),
    ])
    .execute();
  const pdf = tinyPdf('Dagordning for vanortsmotet i Goteborg 14-16 september 2027');
  await trx
    .insertInto('meeting_document')
    .values({
      id: newId(),
      meeting_id: planned.id,
      kind: 'agenda',
      title: 'Dagordning 2027',
      filename: 'dagordning-2027.pdf',
      content_type: 'application/pdf',
      size: pdf.length,
      sha256: createHash('sha256').update(pdf).digest('hex'),
      data: pdf,
      visibility: 'public',
      created_by: null,
      created_at: now,
    })
    .execute();
}

const DEMO_MEETINGS = [
  { year: 2013, host: 'bergen', start: null, end: null },
  { year: 2015, host: 'aarhus', start: null, end: null },
  { year: 2019, host: 'goteborg', start: '2019-11-14', end: '2019-11-15' },
  // Gothenburg's next turn (P3): planned, with a host plan in progress (issue 5 demo data).
  {
    year: 2027,
    host: 'goteborg',
    start: '2027-09-14',
    end: '2027-09-16',
    status: 'planned',
    venue: 'Göteborgs konserthus, Götaplatsen',
    theme: 'Klimatanpassade och inkluderande städer',
  },
] as const;

/** The meetings on record since 2013 and Gothenburg's planned 2027 meeting. */
export async function seedMeetingRecordsDemo(ctx: DemoContext): Promise<void> {
  const { trx, now, chainId, cityIds } = ctx;
  await trx
    .insertInto('meeting')
    .values(
      DEMO_MEETINGS.map((m) => ({
        id: newId(),
        chain_id: chainId,
        year: m.year,
        host_city_id: cityIds.get(m.host) ?? '',
        start_date: m.start,
        end_date: m.end,
        venue: 'venue' in m ? m.venue : null,
        theme: 'theme' in m ? m.theme : null,
        status: 'status' in m ? m.status : 'held',
        created_at: now,
        updated_at: now,
      })),
    )
    .execute();
}
