import { sql, type Kysely } from 'kysely';

/**
 * Department data comparison 部门数据比对, second part (issue 15):
 * - the app may create temporary tables: a feed's rows are COPYed into an
 *   unkeyed temporary table (no WAL, no index, no foreign key) and judged from
 *   there in one statement (db/repositories/comparison-run.ts); a temporary
 *   table lives in its session's own schema and is dropped at commit;
 * - comparison_rows keeps only the rows not compared (the matched ones live on
 *   as facts and file entries), written once by INSERT…SELECT: the index that
 *   served the match by UPDATE of the staged rows is dropped;
 * - a retired department's feed batch is refused by the database, as its
 *   users and tasks are (migration 032's department_not_retired);
 * - comparison_months: the monthly comparison of a county as its workflow
 *   keeps it — opened when the first feed arrives, closed with its report
 *   (the counts of every feed received, kept as they were at the close).
 */
const APP = sql.raw('shoudi_app');

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    do $$
    begin
      execute format('grant temporary on database %I to shoudi_app', current_database());
    end $$`.execute(db);

  await sql`drop index comparison_rows_id_number_idx`.execute(db);
  await sql`
    create trigger comparison_batches_department_not_retired before insert on comparison_batches
    for each row execute function department_not_retired()`.execute(db);

  await db.schema
    .createTable('comparison_months')
    .addColumn('county_id', 'text', (c) => c.notNull().references('jurisdictions.id'))
    .addColumn('month', 'text', (c) => c.notNull().check(sql`month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`))
    .addColumn('opened_at', 'timestamptz', (c) => c.notNull())
    .addColumn('closed_at', 'timestamptz')
    .addColumn('closed_by', 'uuid', (c) => c.references('users.id'))
    // The report at the close: per feed and in total, rows received, matched, unknown, rejected, no consent, warnings, households affected.
    .addColumn('report', 'jsonb')
    .addPrimaryKeyConstraint('comparison_months_pkey', ['county_id', 'month'])
    .addCheckConstraint('comparison_months_closed_with_report', sql`(closed_at is null) = (report is null)`)
    .execute();
  // A batch's discoveries not yet handed over, a page at a time in id order (the month workflow's fan-out).
  await sql`create index comparison_warnings_batch_pending_idx on comparison_warnings (batch_id, id) where discovery = 'pending'`.execute(db);
  await sql`revoke update on comparison_months from ${APP}`.execute(db);
  await sql`grant update (closed_at, closed_by, report) on comparison_months to ${APP}`.execute(db);
  await sql`
    create function comparison_months_closed_once() returns trigger language plpgsql as $$
    begin
      if old.closed_at is not null then
        raise exception 'the comparison of % %: a closed month is never changed', old.county_id, old.month;
      end if;
      return new;
    end $$`.execute(db);
  await sql`create trigger comparison_months_closed_once before update on comparison_months for each row execute function comparison_months_closed_once()`.execute(db);
  // A feed of a closed month is refused: its report is final.
  await sql`
    create function comparison_batches_month_open() returns trigger language plpgsql as $$
    begin
      if exists (select 1 from comparison_months m where m.county_id = new.county_id and m.month = new.month and m.closed_at is not null) then
        raise exception 'the comparison of % % is closed: no feed is added to it', new.county_id, new.month;
      end if;
      return new;
    end $$`.execute(db);
  await sql`create trigger comparison_batches_month_open before insert on comparison_batches for each row execute function comparison_batches_month_open()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger comparison_batches_month_open on comparison_batches`.execute(db);
  await sql`drop function comparison_batches_month_open()`.execute(db);
  await sql`drop index comparison_warnings_batch_pending_idx`.execute(db);
  await db.schema.dropTable('comparison_months').execute();
  await sql`drop function comparison_months_closed_once()`.execute(db);
  await sql`drop trigger comparison_batches_department_not_retired on comparison_batches`.execute(db);
  await sql`create index comparison_rows_id_number_idx on comparison_rows (batch_id, id_number)`.execute(db);
  await sql`
    do $$
    begin
      execute format('revoke temporary on database %I from shoudi_app', current_database());
    end $$`.execute(db);
}
