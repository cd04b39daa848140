import { sql, type Kysely } from 'kysely';

/**
 * Least privilege: the migrations run as the owner of the database and its
 * schema (shoudi_owner), the API and the worker as shoudi_app, which owns
 * nothing — so it cannot TRUNCATE, ALTER TABLE … DISABLE TRIGGER or drop, and,
 * not being a superuser, cannot set session_replication_role. Both roles exist
 * before the first migration (scripts/database.ts, the compose init script).
 *
 * What the app may do, by table:
 * - every table: SELECT, INSERT, UPDATE; no DELETE (nothing at run time deletes;
 *   a table that needs it is granted DELETE in its own migration);
 * - append-only tables — the household file, income and spending records, the
 *   towns' completions, assistance plans, policy profile versions: SELECT and
 *   INSERT only (their triggers still refuse a change by the owner);
 * - household_members: SELECT and INSERT; a member who leaves will be a column
 *   grant on left_at, beside the event that records it;
 * - households: UPDATE of stage, category, responsible_user_id and updated_at
 *   only — the columns the workflow and the pairing with a 帮扶责任人 change,
 *   each with its file event in the same transaction. The identity of a
 *   household (head_name, address, its place) cannot be changed by the app;
 * - the migrator's own tables: nothing.
 * A later migration's table gets SELECT, INSERT, UPDATE by default privileges;
 * an append-only one revokes UPDATE in its own migration
 * (test/db/privileges.test.ts lists what every table must allow).
 */
const APP = sql.raw('shoudi_app');

/** SELECT and INSERT only. */
const INSERT_ONLY = [
  'household_events',
  'household_income_records',
  'household_spending_records',
  'town_item_completions',
  'assistance_plans',
  'policy_profiles',
  'household_members',
];

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    do $$
    begin
      if not exists (select 1 from pg_roles where rolname = 'shoudi_app') then
        raise exception 'role shoudi_app does not exist: create it before migrating (README, "Database roles")';
      end if;
      execute format('revoke all on database %I from public', current_database());
      execute format('grant connect on database %I to shoudi_app', current_database());
    end $$`.execute(db);
  await sql`revoke all on schema public from public`.execute(db);
  await sql`grant usage on schema public to ${APP}`.execute(db);

  await sql`revoke all on all tables in schema public from ${APP}`.execute(db);
  await sql`grant select, insert, update on all tables in schema public to ${APP}`.execute(db);
  for (const table of INSERT_ONLY) await sql`revoke update on ${sql.table(table)} from ${APP}`.execute(db);
  await sql`revoke update on households from ${APP}`.execute(db);
  await sql`grant update (stage, category, responsible_user_id, updated_at) on households to ${APP}`.execute(db);
  await sql`revoke all on kysely_migration, kysely_migration_lock from ${APP}`.execute(db);
  await sql`grant usage on all sequences in schema public to ${APP}`.execute(db);

  await sql`alter default privileges in schema public grant select, insert, update on tables to ${APP}`.execute(db);
  await sql`alter default privileges in schema public grant usage on sequences to ${APP}`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter default privileges in schema public revoke all on sequences from ${APP}`.execute(db);
  await sql`alter default privileges in schema public revoke all on tables from ${APP}`.execute(db);
  await sql`revoke all on all sequences in schema public from ${APP}`.execute(db);
  await sql`revoke update (stage, category, responsible_user_id, updated_at) on households from ${APP}`.execute(db);
  await sql`revoke all on all tables in schema public from ${APP}`.execute(db);
  await sql`revoke usage on schema public from ${APP}`.execute(db);
  await sql`
    do $$
    begin
      execute format('revoke connect on database %I from shoudi_app', current_database());
      execute format('grant connect, temporary on database %I to public', current_database());
    end $$`.execute(db);
}
