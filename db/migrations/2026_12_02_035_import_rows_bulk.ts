import { sql, type Kysely } from 'kysely';

/**
 * The caseload import's checks and saving run as a few statements over the
 * whole staged file (hash joins over the job's rows), not row by row through
 * indexes: the indexes by ID number and by household key only slowed the COPY
 * into staging. The planner must know how many rows a job staged — right
 * after a COPY of 750,000 rows its statistics still say the table is nearly
 * empty and it picks nested loops — so the app may have import_rows analysed,
 * through a function of the owner's that does that and nothing else.
 */
const APP = sql.id('shoudi_app');

export async function up(db: Kysely<any>): Promise<void> {
  await sql`drop index import_rows_id_number_idx`.execute(db);
  await sql`drop index import_rows_household_idx`.execute(db);
  await sql`
    create function import_rows_analyse() returns void language sql security definer set search_path = public, pg_temp as $$
      analyze import_rows
    $$`.execute(db);
  await sql`revoke all on function import_rows_analyse() from public`.execute(db);
  await sql`grant execute on function import_rows_analyse() to ${APP}`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop function import_rows_analyse()`.execute(db);
  await db.schema.createIndex('import_rows_household_idx').on('import_rows').columns(['job_id', 'household_key']).execute();
  await db.schema.createIndex('import_rows_id_number_idx').on('import_rows').columns(['job_id', 'id_number']).execute();
}
