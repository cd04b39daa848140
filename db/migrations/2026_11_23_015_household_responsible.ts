import { sql, type Kysely } from 'kysely';

/**
 * The household's 帮扶责任人 [004]: the cadre paired with it, who visits and
 * enters its monthly data. The household's own items in the deadline register
 * (the monthly update and visit, a screening visit) carry that person, so that
 * each cadre can list what is theirs; a change of person moves the open ones.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('households').addColumn('responsible_user_id', 'uuid', (c) => c.references('users.id')).execute();
  await sql`create index households_responsible_idx on households (responsible_user_id) where responsible_user_id is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('households').dropColumn('responsible_user_id').execute();
}
