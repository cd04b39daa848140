import { sql, type Kysely } from 'kysely';

/**
 * The income and spending lines' references checked once per statement, not
 * once per line. A caseload import writes some 1.8 million lines for 50,000
 * households in a few INSERT…SELECTs; the foreign keys on household_id and
 * recorded_by looked up and locked the referenced row once for every line
 * (≈ 2.7 s each at 2,000 households — the same user on every line). In
 * their place, after each INSERT: the distinct households and users the new
 * lines name are locked FOR KEY SHARE, as a foreign key locks them, and a
 * line naming one that does not exist refuses the whole statement with
 * foreign_key_violation (23503), as the foreign key did. The other side of a
 * foreign key — a household or user deleted or its id changed while a line
 * names it — is refused by a row trigger on households and users (the app may
 * do neither: it has no DELETE and no UPDATE of households.id; the triggers
 * hold against the owner too). The check runs after the row is locked and
 * reads with a fresh snapshot, so under read committed (the app's level) a
 * line committed meanwhile is seen.
 *
 * The caseload import also keeps where its saving reached — of households
 * (import_jobs.saved_through, by id) and of registered households' months
 * (months_saved_through_sheet/_row, by place in the file): each transaction
 * reads the next ones from there, not from the job's first row through the
 * rows already saved.
 */
const LINES = ['household_income_records', 'household_spending_records'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table import_jobs add column saved_through uuid, add column months_saved_through_sheet integer, add column months_saved_through_row integer`.execute(db);

  await sql`
    create function registry_lines_refer() returns trigger language plpgsql security definer set search_path = public, pg_temp as $$
    declare
      missing text;
    begin
      perform 1 from households h where h.id in (select distinct n.household_id from new_lines n) for key share of h;
      perform 1 from users u where u.id in (select distinct n.recorded_by from new_lines n where n.recorded_by is not null) for key share of u;
      select n.household_id::text into missing from new_lines n where not exists (select 1 from households h where h.id = n.household_id) limit 1;
      if found then
        raise exception using errcode = 'foreign_key_violation', message = format('insert on %s: household %s is not in households', tg_table_name, missing);
      end if;
      select n.recorded_by::text into missing from new_lines n
        where n.recorded_by is not null and not exists (select 1 from users u where u.id = n.recorded_by) limit 1;
      if found then
        raise exception using errcode = 'foreign_key_violation', message = format('insert on %s: user %s is not in users', tg_table_name, missing);
      end if;
      return null;
    end $$`.execute(db);
  await sql`
    create function households_keep_lines() returns trigger language plpgsql security definer set search_path = public, pg_temp as $$
    begin
      if exists (select 1 from household_income_records i where i.household_id = old.id)
        or exists (select 1 from household_spending_records s where s.household_id = old.id) then
        raise exception using errcode = 'foreign_key_violation', message = format('household %s has income or spending lines', old.id);
      end if;
      return null;
    end $$`.execute(db);
  await sql`
    create function users_keep_lines() returns trigger language plpgsql security definer set search_path = public, pg_temp as $$
    begin
      if exists (select 1 from household_income_records i where i.recorded_by = old.id)
        or exists (select 1 from household_spending_records s where s.recorded_by = old.id) then
        raise exception using errcode = 'foreign_key_violation', message = format('user %s recorded income or spending lines', old.id);
      end if;
      return null;
    end $$`.execute(db);

  for (const table of LINES) {
    await sql`alter table ${sql.table(table)} drop constraint ${sql.id(`${table}_household_id_fkey`)}`.execute(db);
    await sql`alter table ${sql.table(table)} drop constraint ${sql.id(`${table}_recorded_by_fkey`)}`.execute(db);
    await sql`
      create trigger ${sql.id(`${table}_refer`)} after insert on ${sql.table(table)}
      referencing new table as new_lines for each statement execute function registry_lines_refer()`.execute(db);
  }
  for (const [table, fn] of [['households', 'households_keep_lines'], ['users', 'users_keep_lines']] as const) {
    await sql`create trigger ${sql.id(`${table}_keep_lines_on_delete`)} after delete on ${sql.table(table)} for each row execute function ${sql.id(fn)}()`.execute(db);
    await sql`
      create trigger ${sql.id(`${table}_keep_lines_on_new_id`)} after update of id on ${sql.table(table)}
      for each row when (old.id is distinct from new.id) execute function ${sql.id(fn)}()`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['households', 'users']) {
    await sql`drop trigger ${sql.id(`${table}_keep_lines_on_new_id`)} on ${sql.table(table)}`.execute(db);
    await sql`drop trigger ${sql.id(`${table}_keep_lines_on_delete`)} on ${sql.table(table)}`.execute(db);
  }
  for (const table of LINES) {
    await sql`drop trigger ${sql.id(`${table}_refer`)} on ${sql.table(table)}`.execute(db);
    await sql`alter table ${sql.table(table)} add constraint ${sql.id(`${table}_household_id_fkey`)} foreign key (household_id) references households (id)`.execute(db);
    await sql`alter table ${sql.table(table)} add constraint ${sql.id(`${table}_recorded_by_fkey`)} foreign key (recorded_by) references users (id)`.execute(db);
  }
  await sql`drop function users_keep_lines()`.execute(db);
  await sql`drop function households_keep_lines()`.execute(db);
  await sql`drop function registry_lines_refer()`.execute(db);
  await sql`alter table import_jobs drop column saved_through, drop column months_saved_through_sheet, drop column months_saved_through_row`.execute(db);
}
