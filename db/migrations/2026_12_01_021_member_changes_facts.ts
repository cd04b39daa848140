import { sql, type Kysely } from 'kysely';
import { changeRecordedInFile } from './shared/recorded-in-file.js';

/**
 * Member changes and the facts the measure rules read.
 *
 * household_members: a member joins (birth, marriage in) or leaves (death,
 * marriage out, moving out, enlisting) on a day, with the evidence in the
 * file's entry. joined_on is null for a member already in the household when
 * registered. A member leaves once: a row that has left is never changed
 * again, and every change of a row commits with an entry in the household's
 * file (household_events) in the same transaction. The app may update the
 * columns a correction or a leaving changes, never the identity (ID number,
 * birth date, sex, household).
 *
 * household_facts: facts about a household or one of its members (housing
 * safety grade, drinking water, medical out-of-pocket cost of a year,
 * schooling, employment, a microcredit application), each dated, with its
 * source (the application, the monthly update, the visit; later a
 * department's feed). Append-only: the latest fact of a kind, by date, is the
 * one in force; an older one stays readable.
 */
const APP = sql.raw('shoudi_app');

/** Its commit-time trigger, by the shared helper (which generates exactly the SQL this migration first ran). */
export const MEMBER_CHANGE_RECORDED = {
  name: 'household_members_change_recorded',
  table: 'household_members',
  household: 'household_id',
  refusal: 'household member % changed without an entry in the household file in the same transaction',
} as const;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('household_members')
    .addColumn('joined_on', 'date')
    .addColumn('joined_reason', 'text', (c) => c.check(sql`joined_reason in ('birth', 'marriage_in', 'moved_in', 'other')`))
    .addColumn('left_on', 'date')
    .addColumn('left_reason', 'text', (c) => c.check(sql`left_reason in ('death', 'marriage_out', 'moved_out', 'enlisted')`))
    .execute();
  await sql`
    alter table household_members
      add constraint household_members_joined_complete check ((joined_on is null) = (joined_reason is null)),
      add constraint household_members_joined_after_birth check (joined_on is null or joined_on >= birth_date),
      add constraint household_members_left_complete check ((left_on is null) = (left_reason is null)),
      add constraint household_members_left_recorded check (left_on is null or left_at is not null),
      add constraint household_members_left_after_birth check (left_on is null or left_on >= birth_date),
      add constraint household_members_left_after_joined check (left_on is null or joined_on is null or left_on >= joined_on)`.execute(db);
  // The facts' reference to a member of the same household.
  await sql`alter table household_members add constraint household_members_id_household_key unique (id, household_id)`.execute(db);

  await sql`
    create function household_members_left_once() returns trigger language plpgsql as $$
    begin
      if old.left_at is not null then
        raise exception 'household member % has left the household: the row is never changed again', old.id;
      end if;
      return new;
    end $$`.execute(db);
  await sql`
    create trigger household_members_left_once before update on household_members
    for each row execute function household_members_left_once()`.execute(db);
  const { fn, trigger } = changeRecordedInFile(MEMBER_CHANGE_RECORDED);
  await fn.execute(db);
  await trigger.execute(db);
  await sql`
    grant update (name, relation, labour_ability, is_student, is_active_military, disability_grade, chronic_illness, left_at, left_on, left_reason)
    on household_members to ${APP}`.execute(db);

  await db.schema
    .createTable('household_facts')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('household_id', 'uuid', (c) => c.notNull().references('households.id'))
    // Null for a fact about the household as a whole (housing, water).
    .addColumn('member_id', 'uuid')
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('housing', 'drinking_water', 'medical_out_of_pocket', 'schooling', 'employment', 'microcredit_application')`),
    )
    // The calendar year a yearly fact is about (the medical out-of-pocket cost).
    .addColumn('year', 'integer', (c) => c.check(sql`year between 2000 and 2100`))
    .addColumn('value', 'jsonb', (c) => c.notNull().check(sql`jsonb_typeof(value) = 'object'`))
    // The day the fact was true (the visit's day, the submission's day).
    .addColumn('as_of', 'date', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('application', 'monthly_update', 'visit', 'department')`))
    // The submission the fact came with (application:<case>:<n>, monthly_update:<period>, visit:<period>, a feed's batch).
    .addColumn('source_key', 'text', (c) => c.notNull().check(sql`length(source_key) between 1 and 200`))
    // Deterministic key from the workflow: a retried activity writes once.
    .addColumn('entry_key', 'text', (c) => c.notNull().unique())
    .addColumn('recorded_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull())
    .addCheckConstraint('household_facts_member', sql`(member_id is null) = (kind in ('housing', 'drinking_water'))`)
    .addCheckConstraint('household_facts_year', sql`(year is null) = (kind <> 'medical_out_of_pocket')`)
    .execute();
  await sql`
    alter table household_facts add constraint household_facts_member_of_household
    foreign key (member_id, household_id) references household_members (id, household_id)`.execute(db);
  // The facts in force for a household: the latest per kind, member and year.
  await db.schema
    .createIndex('household_facts_household_idx')
    .on('household_facts')
    .columns(['household_id', 'kind', 'member_id', 'year', 'as_of', 'id'])
    .execute();
  await sql`
    create trigger household_facts_no_change before update or delete on household_facts
    for each row execute function refuse_change()`.execute(db);
  await sql`revoke update on household_facts from ${APP}`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('household_facts').execute();
  await sql`revoke update (name, relation, labour_ability, is_student, is_active_military, disability_grade, chronic_illness, left_at, left_on, left_reason) on household_members from ${APP}`.execute(db);
  await sql`drop trigger household_members_change_recorded on household_members`.execute(db);
  await sql`drop function household_members_change_recorded()`.execute(db);
  await sql`drop trigger household_members_left_once on household_members`.execute(db);
  await sql`drop function household_members_left_once()`.execute(db);
  await sql`alter table household_members drop constraint household_members_id_household_key`.execute(db);
  await db.schema
    .alterTable('household_members')
    .dropColumn('joined_on')
    .dropColumn('joined_reason')
    .dropColumn('left_on')
    .dropColumn('left_reason')
    .execute();
}
