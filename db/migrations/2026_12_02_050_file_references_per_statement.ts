import { sql, type Kysely } from 'kysely';

/**
 * The household file's references checked once per statement (issue 15,
 * "Measured"). A department feed writes ~150,000 facts and ~50,000 file
 * entries in two INSERT…SELECTs; their row-level foreign keys ran one lookup
 * per row and reference (2.9 s of the 4.8 s facts statement at 200,000 feed
 * rows, EXPLAIN ANALYZE). The same guarantees, set-based:
 *
 * - after each INSERT into household_facts / household_events, one trigger
 *   per statement reads the statement's new rows (a transition table) and
 *   checks, with one join each, that every member (with its household),
 *   household and user they name exists, locking those rows FOR KEY SHARE as
 *   a foreign key does (a concurrent delete waits, or the row is missing and
 *   the insert is refused). A fact of a member needs no household check: the
 *   member's own foreign key keeps its household. The error is the foreign
 *   key's own (SQLSTATE 23503, same constraint names and words).
 * - the referenced side, as NO ACTION: a household, member or user that a
 *   fact or file entry names cannot be deleted, nor its key changed (nothing
 *   at run time deletes — the app has no DELETE, 2026_12_01_016 — so these
 *   fire only for the owner).
 *
 * Both tables refuse any UPDATE already (refuse_change, append-only), so an
 * INSERT is the only way in. The functions run as their owner (as the
 * foreign keys' checks do), with a fixed search_path.
 */
const INSERT_CHECKS = sql.raw(`
create function household_facts_references_exist() returns trigger language plpgsql security definer set search_path = public, pg_temp as $$
declare
  bad record;
begin
  -- Members (and through them their households), locked as a foreign key would.
  with wanted as (select distinct member_id, household_id from added where member_id is not null),
       locked as (select m.id from household_members m join wanted w on w.member_id = m.id and w.household_id = m.household_id for key share of m)
  select w.member_id, w.household_id into bad from wanted w
   where (select count(*) from wanted) <> (select count(*) from locked)
     and not exists (select 1 from household_members m where m.id = w.member_id and m.household_id = w.household_id)
   limit 1;
  if found then
    raise foreign_key_violation using message = 'insert or update on table "household_facts" violates foreign key constraint "household_facts_member_of_household"',
      detail = format('Key (member_id, household_id)=(%s, %s) is not present in table "household_members".', bad.member_id, bad.household_id);
  end if;
  -- A fact of the household as a whole (housing, water): its household.
  with wanted as (select distinct household_id from added where member_id is null),
       locked as (select h.id from households h join wanted w on w.household_id = h.id for key share of h)
  select w.household_id into bad from wanted w
   where (select count(*) from wanted) <> (select count(*) from locked)
     and not exists (select 1 from households h where h.id = w.household_id)
   limit 1;
  if found then
    raise foreign_key_violation using message = 'insert or update on table "household_facts" violates foreign key constraint "household_facts_household_id_fkey"',
      detail = format('Key (household_id)=(%s) is not present in table "households".', bad.household_id);
  end if;
  with wanted as (select distinct recorded_by from added where recorded_by is not null),
       locked as (select u.id from users u join wanted w on w.recorded_by = u.id for key share of u)
  select w.recorded_by into bad from wanted w
   where (select count(*) from wanted) <> (select count(*) from locked)
     and not exists (select 1 from users u where u.id = w.recorded_by)
   limit 1;
  if found then
    raise foreign_key_violation using message = 'insert or update on table "household_facts" violates foreign key constraint "household_facts_recorded_by_fkey"',
      detail = format('Key (recorded_by)=(%s) is not present in table "users".', bad.recorded_by);
  end if;
  return null;
end $$;

create function household_events_references_exist() returns trigger language plpgsql security definer set search_path = public, pg_temp as $$
declare
  bad record;
begin
  with wanted as (select distinct household_id from added),
       locked as (select h.id from households h join wanted w on w.household_id = h.id for key share of h)
  select w.household_id into bad from wanted w
   where (select count(*) from wanted) <> (select count(*) from locked)
     and not exists (select 1 from households h where h.id = w.household_id)
   limit 1;
  if found then
    raise foreign_key_violation using message = 'insert or update on table "household_events" violates foreign key constraint "household_events_household_id_fkey"',
      detail = format('Key (household_id)=(%s) is not present in table "households".', bad.household_id);
  end if;
  with wanted as (select distinct actor_user_id from added where actor_user_id is not null),
       locked as (select u.id from users u join wanted w on w.actor_user_id = u.id for key share of u)
  select w.actor_user_id into bad from wanted w
   where (select count(*) from wanted) <> (select count(*) from locked)
     and not exists (select 1 from users u where u.id = w.actor_user_id)
   limit 1;
  if found then
    raise foreign_key_violation using message = 'insert or update on table "household_events" violates foreign key constraint "household_events_actor_user_id_fkey"',
      detail = format('Key (actor_user_id)=(%s) is not present in table "users".', bad.actor_user_id);
  end if;
  return null;
end $$;

create trigger household_facts_references_exist after insert on household_facts
  referencing new table as added for each statement execute function household_facts_references_exist();
create trigger household_events_references_exist after insert on household_events
  referencing new table as added for each statement execute function household_events_references_exist();
`);

/** The referenced side: NO ACTION, as the foreign keys were (a volatile function's query sees what committed meanwhile). */
const STILL_REFERENCED = sql.raw(`
create function households_still_referenced() returns trigger language plpgsql security definer set search_path = public, pg_temp as $$
begin
  if tg_op = 'UPDATE' and new.id = old.id then return new; end if;
  if exists (select 1 from household_facts f where f.household_id = old.id) then
    raise foreign_key_violation using message = 'update or delete on table "households" violates foreign key constraint "household_facts_household_id_fkey" on table "household_facts"',
      detail = format('Key (id)=(%s) is still referenced from table "household_facts".', old.id);
  end if;
  if exists (select 1 from household_events e where e.household_id = old.id) then
    raise foreign_key_violation using message = 'update or delete on table "households" violates foreign key constraint "household_events_household_id_fkey" on table "household_events"',
      detail = format('Key (id)=(%s) is still referenced from table "household_events".', old.id);
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end $$;

create function household_members_still_referenced() returns trigger language plpgsql security definer set search_path = public, pg_temp as $$
begin
  if tg_op = 'UPDATE' and new.id = old.id and new.household_id = old.household_id then return new; end if;
  if exists (select 1 from household_facts f where f.household_id = old.household_id and f.member_id = old.id) then
    raise foreign_key_violation using message = 'update or delete on table "household_members" violates foreign key constraint "household_facts_member_of_household" on table "household_facts"',
      detail = format('Key (id, household_id)=(%s, %s) is still referenced from table "household_facts".', old.id, old.household_id);
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end $$;

create function users_still_referenced_by_file() returns trigger language plpgsql security definer set search_path = public, pg_temp as $$
begin
  if tg_op = 'UPDATE' and new.id = old.id then return new; end if;
  if exists (select 1 from household_facts f where f.recorded_by = old.id) then
    raise foreign_key_violation using message = 'update or delete on table "users" violates foreign key constraint "household_facts_recorded_by_fkey" on table "household_facts"',
      detail = format('Key (id)=(%s) is still referenced from table "household_facts".', old.id);
  end if;
  if exists (select 1 from household_events e where e.actor_user_id = old.id) then
    raise foreign_key_violation using message = 'update or delete on table "users" violates foreign key constraint "household_events_actor_user_id_fkey" on table "household_events"',
      detail = format('Key (id)=(%s) is still referenced from table "household_events".', old.id);
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end $$;

create trigger households_still_referenced before delete or update of id on households
  for each row execute function households_still_referenced();
create trigger household_members_still_referenced before delete or update of id, household_id on household_members
  for each row execute function household_members_still_referenced();
create trigger users_still_referenced_by_file before delete or update of id on users
  for each row execute function users_still_referenced_by_file();
`);

const FOREIGN_KEYS = [
  ['household_facts', 'household_facts_household_id_fkey', 'foreign key (household_id) references households (id)'],
  ['household_facts', 'household_facts_member_of_household', 'foreign key (member_id, household_id) references household_members (id, household_id)'],
  ['household_facts', 'household_facts_recorded_by_fkey', 'foreign key (recorded_by) references users (id)'],
  ['household_events', 'household_events_household_id_fkey', 'foreign key (household_id) references households (id)'],
  ['household_events', 'household_events_actor_user_id_fkey', 'foreign key (actor_user_id) references users (id)'],
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  await INSERT_CHECKS.execute(db);
  await STILL_REFERENCED.execute(db);
  for (const [table, name] of FOREIGN_KEYS) await sql`alter table ${sql.table(table)} drop constraint ${sql.ref(name)}`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const [table, name, definition] of FOREIGN_KEYS) await sql`alter table ${sql.table(table)} add constraint ${sql.ref(name)} ${sql.raw(definition)}`.execute(db);
  for (const [table, trigger] of [
    ['household_facts', 'household_facts_references_exist'],
    ['household_events', 'household_events_references_exist'],
    ['households', 'households_still_referenced'],
    ['household_members', 'household_members_still_referenced'],
    ['users', 'users_still_referenced_by_file'],
  ] as const) {
    await sql`drop trigger ${sql.ref(trigger)} on ${sql.table(table)}`.execute(db);
    await sql`drop function ${sql.ref(trigger)}()`.execute(db);
  }
}
