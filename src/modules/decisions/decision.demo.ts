import { insertWithNewId, type DemoContext } from '../../platform/demo.ts';
import { newId } from '../../shared/ids.ts';

/** The council decisions behind the relations of the demo cities, as historical records. */
export async function seedDecisionsDemo(ctx: DemoContext): Promise<void> {
  const { trx, now, cityIds } = ctx;
  // The decisions behind the relations, as historical records (no § or case number).
  const historical: {
    body: string;
    date: string;
    title: string;
    cities: string[];
    kind: 'twin' | 'partner';
  }[] = [
    {
      body: 'KF',
      date: '1946-01-01',
      title:
        'Nordiskt vänortssamarbete med Aarhus, Bergen och Åbo (historisk uppgift, datum ungefärligt)',
      cities: ['aarhus', 'bergen', 'turku'],
      kind: 'twin',
    },
    {
      body: 'KS',
      date: '1999-01-01',
      title:
        'Partnerskap med Port Elizabeth, i dag Nelson Mandela Bay (historisk uppgift, datum ungefärligt)',
      cities: ['nelson-mandela-bay'],
      kind: 'partner',
    },
  ];
  for (const h of historical) {
    const decisionId = await insertWithNewId(trx, 'council_decision', {
      body: h.body,
      meeting_date: h.date,
      section: null,
      case_number: null,
      title: h.title,
      outcome: 'approved',
      link: null,
      document_id: null,
      final_on: null,
      historical: 1,
      supersedes_id: null,
      proposal_id: null,
      recorded_by: null,
      created_at: now,
    });
    for (const slug of h.cities) {
      await trx
        .insertInto('city_status_change')
        .values({
          id: newId(),
          city_id: cityIds.get(slug) ?? '',
          changed_on: h.date,
          from_status: null,
          to_status: 'active',
          from_kind: null,
          to_kind: h.kind,
          decision_id: decisionId,
          note: 'historical',
          created_at: now,
        })
        .execute();
    }
  }
}
