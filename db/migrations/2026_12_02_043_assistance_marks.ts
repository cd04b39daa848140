import { sql, type Kysely } from 'kysely';

/**
 * Joint identification with 民政 统筹认定 (issue 15 item 6, 2026 No.1
 * Document): assistance_marks, a dated mark per household that 民政's monthly
 * feed lists as 低保 or 特困 — which feed batch and month began it, the last
 * month it was listed, and the month (and batch) of the later feed without it
 * that ended it. A mark is never deleted and an ended one never changes; a
 * household listed again later gets a new mark. One open mark per household
 * and group, the database says so.
 */
const APP = sql.raw('shoudi_app');

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('assistance_marks')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('county_id', 'text', (c) => c.notNull().references('jurisdictions.id'))
    .addColumn('household_id', 'uuid', (c) => c.notNull().references('households.id'))
    // The person 民政's row named when the mark began.
    .addColumn('member_id', 'uuid', (c) => c.notNull().references('household_members.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('dibao', 'tekun')`))
    .addColumn('feed', 'text', (c) => c.notNull())
    .addColumn('started_batch_id', 'uuid', (c) => c.notNull())
    .addColumn('started_month', 'text', (c) => c.notNull().check(sql`started_month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`))
    .addColumn('last_batch_id', 'uuid', (c) => c.notNull())
    .addColumn('last_month', 'text', (c) => c.notNull().check(sql`last_month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`))
    .addColumn('ended_batch_id', 'uuid')
    .addColumn('ended_month', 'text', (c) => c.check(sql`ended_month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`))
    // absent: the later feed did not list the household; stopped: it listed it out of care (停保, 退出).
    .addColumn('ended_reason', 'text', (c) => c.check(sql`ended_reason in ('absent', 'stopped')`))
    .addColumn('ended_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addForeignKeyConstraint('assistance_marks_started_batch_fkey', ['started_batch_id'], 'comparison_batches', ['id'], (fk) => fk.deferrable().initiallyDeferred())
    .addForeignKeyConstraint('assistance_marks_last_batch_fkey', ['last_batch_id'], 'comparison_batches', ['id'], (fk) => fk.deferrable().initiallyDeferred())
    .addForeignKeyConstraint('assistance_marks_ended_batch_fkey', ['ended_batch_id'], 'comparison_batches', ['id'], (fk) => fk.deferrable().initiallyDeferred())
    .addCheckConstraint('assistance_marks_months_ordered', sql`started_month <= last_month and (ended_month is null or ended_month > last_month)`)
    .addCheckConstraint(
      'assistance_marks_ended_complete',
      sql`(ended_month is null) = (ended_batch_id is null) and (ended_month is null) = (ended_reason is null) and (ended_month is null) = (ended_at is null)`,
    )
    .execute();
  // One open mark per household and group; serves the feed's steps (seen again, ended) and the roster filter.
  await sql`create unique index assistance_marks_open_key on assistance_marks (household_id, kind) where ended_month is null`.execute(db);
  await sql`create index assistance_marks_open_county_idx on assistance_marks (county_id, kind) where ended_month is null`.execute(db);
  // A household's marks, open and ended (its page).
  await db.schema.createIndex('assistance_marks_household_idx').on('assistance_marks').columns(['household_id', 'started_month']).execute();

  await sql`revoke update, delete, truncate on assistance_marks from ${APP}`.execute(db);
  await sql`grant update (last_batch_id, last_month, ended_batch_id, ended_month, ended_reason, ended_at) on assistance_marks to ${APP}`.execute(db);
  await sql`
    create function assistance_marks_ended_once() returns trigger language plpgsql as $$
    begin
      if old.ended_month is not null then
        raise exception 'an ended assistance mark is never changed';
      end if;
      return new;
    end $$`.execute(db);
  await sql`create trigger assistance_marks_ended_once before update on assistance_marks for each row execute function assistance_marks_ended_once()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('assistance_marks').execute();
  await sql`drop function assistance_marks_ended_once()`.execute(db);
}
