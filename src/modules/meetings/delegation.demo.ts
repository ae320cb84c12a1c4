import { DEMO_ACTOR, insertWithNewId, type DemoContext } from '../../platform/demo.ts';
import { newId } from '../../shared/ids.ts';
import { addToPlainDate, gothenburgDate } from './delegation.dates.ts';
import { createHostPlan } from './host-plan.service.ts';

type DemoMember = [
  name: string,
  title: string,
  affiliation: string,
  logistics?: { diet?: string; access?: string; travel?: string; phone?: string },
];

const DELEGATIONS: { city: string; status: 'nominated' | 'confirmed'; members: DemoMember[] }[] = [
  {
    city: 'goteborg',
    status: 'nominated',
    members: [
      [
        'Eva Lindqvist',
        'Kommunfullmäktiges ordförande',
        'Socialdemokraterna',
        { diet: 'Vegetarisk' },
      ],
      ['Johan Berglund', 'Kommunfullmäktiges förste vice ordförande', 'Moderaterna'],
      [
        'Samira Haddad',
        'Kommunfullmäktiges andre vice ordförande',
        'Vänsterpartiet',
        { access: 'Hörslinga' },
      ],
      ['Peter Holm', 'Ledamot i kommunstyrelsen', 'Liberalerna'],
    ],
  },
  {
    city: 'bergen',
    status: 'confirmed',
    members: [
      [
        'Ingrid Solberg',
        'Ordfører',
        'Arbeiderpartiet',
        { diet: 'Glutenfri', travel: 'Fly BGO–GOT 13/9', phone: '+47 55 56 00 00' },
      ],
      [
        'Lars Haugen',
        'Varaordfører',
        'Høyre',
        { access: 'Rullestol, trenger heis', travel: 'Tog via Oslo', phone: '+47 55 56 00 01' },
      ],
      ['Kari Nygaard', 'Bystyremedlem', 'Venstre'],
    ],
  },
  {
    city: 'aarhus',
    status: 'nominated',
    members: [
      [
        'Mette Kjær Jensen',
        'Borgmester',
        'Socialdemokratiet',
        { diet: 'Laktosefri', phone: '+45 89 40 20 00' },
      ],
      ['Søren Madsen', 'Rådmand', 'Venstre'],
    ],
  },
];

/**
 * Demo data for delegations and host planning (issue 5): the 2027 meeting that Gothenburg
 * hosts gets Gothenburg's delegation nominated (not yet confirmed by the presidium), Bergen's
 * confirmed with logistics, Aarhus's nominated; and a host plan in progress owned by the
 * demo coordinator, with some tasks done and one overdue relative to the seeding day.
 */
export async function seedDelegationDemo(context: DemoContext): Promise<void> {
  const { trx, now, chainId, cityIds, userIds } = context;
  const meeting = await trx
    .selectFrom('meeting')
    .select(['id'])
    .where('chain_id', '=', chainId)
    .where('year', '=', 2027)
    .executeTakeFirst();
  if (!meeting) return;

  for (const d of DELEGATIONS) {
    const cityId = cityIds.get(d.city);
    if (!cityId) continue;
    const delegationId = await insertWithNewId(trx, 'delegation', {
      meeting_id: meeting.id,
      city_id: cityId,
      status: d.status,
      presidium_decision_on: null,
      note: null,
      confirmed_by:
        d.status === 'confirmed' ? (userIds.get('bergen@vanort.example') ?? null) : null,
      confirmed_at: d.status === 'confirmed' ? now : null,
      created_at: now,
      updated_at: now,
    });
    for (const [position, [name, title, affiliation, logistics]] of d.members.entries()) {
      await trx
        .insertInto('delegation_member')
        .values({
          id: newId(),
          delegation_id: delegationId,
          position,
          name,
          title,
          affiliation,
          dietary_needs: logistics?.diet ?? null,
          access_needs: logistics?.access ?? null,
          travel: logistics?.travel ?? null,
          phone: logistics?.phone ?? null,
          logistics_erased_at: null,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
  }

  const owner = userIds.get('samordnare@vanort.example') ?? null;
  await createHostPlan(trx, meeting.id, DEMO_ACTOR, { ownerUserId: owner });
  const today = gothenburgDate(new Date(now));
  const tasks = await trx
    .selectFrom('host_plan_task')
    .select(['id', 'due_on', 'position'])
    .where('meeting_id', '=', meeting.id)
    .orderBy('position')
    .execute();
  // The first two template tasks (venue, invitations) are done; the theme is under way.
  for (const task of tasks.slice(0, 2))
    await trx
      .updateTable('host_plan_task')
      .set({ status: 'done', completed_at: now, updated_at: now })
      .where('id', '=', task.id)
      .execute();
  if (tasks[2])
    await trx
      .updateTable('host_plan_task')
      .set({
        status: 'in_progress',
        notes: 'Utkast till tema skickat till vänorterna.',
        updated_at: now,
      })
      .where('id', '=', tasks[2].id)
      .execute();
  // One task overdue, whatever day the demo is seeded.
  await trx
    .insertInto('host_plan_task')
    .values({
      id: newId(),
      meeting_id: meeting.id,
      template_task_id: null,
      position: tasks.length,
      title: 'Förhandsboka hotellrum för delegationerna',
      description: null,
      due_on: addToPlainDate(today, { days: -10 }),
      owner_user_id: owner,
      status: 'in_progress',
      notes: 'Väntar på offert från två hotell.',
      reminded_on: null,
      completed_at: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
}
