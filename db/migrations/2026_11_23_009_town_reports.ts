import { sql, type Kysely } from 'kysely';

/**
 * The town's monthly report of risk and risk-eliminated households 上月返贫致贫
 * 风险户、风险消除户 [001]: a draft generated from the month's data, which the
 * town officer confirms (with a note or corrections) and submits. And what a
 * town wrote when it did one of its other items (screening, ledger). Neither is
 * changed once submitted.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('town_reports')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('town_id', 'text', (c) => c.notNull().references('jurisdictions.id'))
    .addColumn('county_id', 'text', (c) => c.notNull().references('jurisdictions.id'))
    .addColumn('period', 'text', (c) => c.notNull().check(sql`period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`))
    // The report's item in the deadline register, and its deadline (次月3日前).
    .addColumn('due_item_key', 'text', (c) => c.notNull().references('due_items.item_key'))
    .addColumn('due_at', 'timestamptz', (c) => c.notNull())
    // The report as generated: counts and lists with the households' ids and head names.
    .addColumn('draft', 'jsonb', (c) => c.notNull())
    .addColumn('generated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft').check(sql`status in ('draft', 'submitted')`))
    // The town officer's corrections, and the report as submitted (the draft with them applied).
    .addColumn('corrections', 'jsonb')
    .addColumn('report', 'jsonb')
    .addColumn('note', 'text')
    .addColumn('submitted_at', 'timestamptz')
    .addColumn('submitted_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('late', 'boolean')
    .addCheckConstraint(
      'town_reports_submitted_complete',
      sql`(status = 'submitted') = (submitted_at is not null and submitted_by is not null and report is not null and corrections is not null and late is not null)`,
    )
    // A town's report of a month: written once when generated, read by the town and the county, submitted.
    .addUniqueConstraint('town_reports_town_period_key', ['town_id', 'period'])
    .execute();

  await db.schema
    .createTable('town_item_completions')
    // One per register item: written once when the town officer completes it (retries find it).
    .addColumn('item_key', 'text', (c) => c.primaryKey().references('due_items.item_key'))
    .addColumn('town_id', 'text', (c) => c.notNull().references('jurisdictions.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().check(sql`length(trim(summary)) > 0`))
    .addColumn('completed_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('completed_at', 'timestamptz', (c) => c.notNull())
    .addColumn('late', 'boolean', (c) => c.notNull())
    .execute();

  await sql`
    create function town_reports_submitted_unchanged() returns trigger language plpgsql as $$
    begin
      if old.status = 'submitted' then
        raise exception 'a submitted town report is never changed or deleted';
      end if;
      if tg_op = 'DELETE' then
        return old;
      end if;
      return new;
    end $$`.execute(db);
  await sql`
    create trigger town_reports_submitted_unchanged before update or delete on town_reports
    for each row execute function town_reports_submitted_unchanged()`.execute(db);

  // The append-only guard of the household finances (2026_11_23_005).
  await sql`
    create trigger town_item_completions_no_change before update or delete on town_item_completions
    for each row execute function refuse_change()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger town_item_completions_no_change on town_item_completions`.execute(db);
  await sql`drop trigger town_reports_submitted_unchanged on town_reports`.execute(db);
  await sql`drop function town_reports_submitted_unchanged()`.execute(db);
  await db.schema.dropTable('town_item_completions').execute();
  await db.schema.dropTable('town_reports').execute();
}
