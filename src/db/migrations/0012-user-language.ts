import { sql, type Kysely } from 'kysely';

// Frozen once landed: never edit, add a new migration instead.
// A person's language (issue 13): the language of the mails the portal sends them
// (invitation, password reset) and of the workspace they land in after logging in.
// One of the chain's five languages; existing accounts and new ones default to Swedish.
// The list is copied here as literals: migrations never import app code. A new language
// needs a migration that widens the check.

const LANGUAGES = ['sv', 'en', 'da', 'nb', 'fi'];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('app_user')
    .addColumn('language', 'text', (c) =>
      c
        .notNull()
        .defaultTo('sv')
        .check(sql`language in (${sql.join(LANGUAGES.map((l) => sql.lit(l)))})`),
    )
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('app_user').dropColumn('language').execute();
}
