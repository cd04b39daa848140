import { sql, type Kysely } from 'kysely';

/**
 * A household's row changes only with an entry in its file: an update of its
 * stage, category or 帮扶责任人 is refused at commit unless the same transaction
 * wrote a household_events row for that household (the workflow's
 * recordHouseholdEvent, the pairing with a 帮扶责任人 — both already do). Its
 * identity columns the app cannot update at all (2026_12_01_016). The check is
 * deferred to the commit, so the event may come before or after the update.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create function households_change_recorded() returns trigger language plpgsql as $$
    begin
      if not exists (
        select 1 from household_events e
        where e.household_id = new.id and e.xmin = pg_current_xact_id()::xid
      ) then
        raise exception 'household % changed (stage, category or responsible person) without an entry in its file in the same transaction', new.id;
      end if;
      return null;
    end $$`.execute(db);
  await sql`
    create constraint trigger households_change_recorded
    after update of stage, category, responsible_user_id on households
    deferrable initially deferred
    for each row execute function households_change_recorded()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger households_change_recorded on households`.execute(db);
  await sql`drop function households_change_recorded()`.execute(db);
}
