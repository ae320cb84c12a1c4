import { sql, type Kysely } from 'kysely';

// Frozen once landed: never edit, add a new migration instead.
// The default areas used to be listed twice: the registry called the `social-welfare`
// area "Socialtjänst", the import's own copy "Social välfärd". An import into a database
// without areas created them from its copy, so the registry's area existed under a wrong
// name (or, where a coordinator then added "Socialtjänst" by hand, twice). Since then the
// list has one source (src/modules/collaborations/area.defaults.ts). This repairs the data:
//  - where no area has the right name, the wrong one (the one with the default slug
//    first) is renamed: its id, slug and links stay;
//  - every other area with the wrong name is merged into the right one: its collaboration
//    links move (no duplicates), the knowledge bank's facet tokens ("a" + area id, see
//    migration 0009) of the collaborations and their exchanges follow, and it is deleted.
// The Swedish area names in the knowledge bank's document text follow the rename too.
// The two names are copied here as literals: migrations never import app code.

const WRONG_NAME_SV = 'Social välfärd';
const RIGHT_NAME_SV = 'Socialtjänst';
const DEFAULT_SLUG = 'social-welfare';

/** The facet token of an area, as migration 0009 and search-document.ts write it. */
const areaToken = (id: string) => `a${id.toLowerCase().replaceAll('-', '')}`;

/** Documents of the collaborations linked to an area, and of their exchanges. */
const linkedTo = (areaId: string) => sql`(
  (entity = 'collaboration' and id in
    (select collaboration_id from collaboration_area where area_id = ${areaId}))
  or (entity = 'exchange' and id in
    (select x.id from exchange x join collaboration_area ca
       on ca.collaboration_id = x.collaboration_id where ca.area_id = ${areaId})))`;

export async function up(db: Kysely<any>): Promise<void> {
  const bySlugFirst = (rows: { id: string; slug: string }[]) =>
    [...rows].sort((a, b) => Number(b.slug === DEFAULT_SLUG) - Number(a.slug === DEFAULT_SLUG));
  const areas = (name: string) =>
    db
      .selectFrom('area')
      .select(['id', 'slug'])
      .where('name_sv', '=', name)
      .orderBy('position')
      .orderBy('slug')
      .execute() as Promise<{ id: string; slug: string }[]>;

  const wrong = bySlugFirst(await areas(WRONG_NAME_SV));
  if (wrong.length === 0) return;
  const now = new Date().toISOString();

  // The Swedish names in the documents' text: the areas line is "name, name, …" between
  // line breaks (search-document.ts), so only whole, delimited names are replaced.
  const W = WRONG_NAME_SV;
  const R = RIGHT_NAME_SV;
  for (const area of wrong)
    await sql`update search_document set body =
        replace(replace(replace(replace(body,
          ${`\n${W}\n`}, ${`\n${R}\n`}),
          ${`\n${W}, `}, ${`\n${R}, `}),
          ${`, ${W}, `}, ${`, ${R}, `}),
          ${`, ${W}\n`}, ${`, ${R}\n`})
      where entity = 'collaboration' and id in
        (select collaboration_id from collaboration_area where area_id = ${area.id})`.execute(db);

  let right = bySlugFirst(await areas(RIGHT_NAME_SV))[0];
  let merged = wrong;
  if (!right) {
    right = wrong[0]!;
    merged = wrong.slice(1);
    await db
      .updateTable('area')
      .set({ name_sv: RIGHT_NAME_SV, updated_at: now })
      .where('id', '=', right.id)
      .execute();
  }

  for (const area of merged) {
    const from = areaToken(area.id);
    const to = areaToken(right.id);
    // Documents that already carry the right area lose the wrong token; the others
    // get the right one in its place. (An area token never comes first: see 0009.)
    await sql`update search_document set facets = replace(facets, ${` ${from}`}, '')
      where ${linkedTo(area.id)} and ${linkedTo(right.id)}`.execute(db);
    await sql`update search_document set facets = replace(facets, ${from}, ${to})
      where ${linkedTo(area.id)}`.execute(db);
    await sql`insert into collaboration_area (collaboration_id, area_id)
      select ca.collaboration_id, cast(${right.id} as text) from collaboration_area ca
      where ca.area_id = ${area.id} and not exists (
        select 1 from collaboration_area r
        where r.collaboration_id = ca.collaboration_id and r.area_id = ${right.id})`.execute(db);
    await db.deleteFrom('collaboration_area').where('area_id', '=', area.id).execute();
    await db.deleteFrom('area').where('id', '=', area.id).execute();
  }
}

/** A repair of data: nothing to undo (the wrong name is not brought back). */
export function down(): Promise<void> {
  return Promise.resolve();
}
