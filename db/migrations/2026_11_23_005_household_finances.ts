import { sql, type Kysely } from 'kysely';

/**
 * Monthly income and spending records of a household, by kind. Append-only: a
 * correction is a newer submission for the same month and kind, and the lines
 * of the latest submission count; nothing is updated or deleted, so every
 * figure a past assessment used can still be read.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('household_income_records')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('household_id', 'uuid', (c) => c.notNull().references('households.id'))
    .addColumn('period', 'text', (c) => c.notNull().check(sql`period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('wages', 'production_net', 'property', 'transfer')`))
    .addColumn('amount_fen', 'bigint', (c) => c.notNull())
    // Which submission brought the record (application, monthly update, import).
    .addColumn('source', 'text', (c) => c.notNull().check(sql`length(source) between 1 and 64`))
    // The submission (application, monthly update, import) the line came with.
    .addColumn('submission_key', 'text', (c) => c.notNull())
    // Deterministic key from the workflow: a retried activity writes once.
    .addColumn('entry_key', 'text', (c) => c.notNull().unique())
    .addColumn('recorded_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull())
    .addCheckConstraint('household_income_records_sign', sql`amount_fen >= 0 or kind in ('production_net', 'property')`)
    .execute();
  // The current records of a household: the latest submission per month and kind.
  await db.schema
    .createIndex('household_income_records_household_idx')
    .on('household_income_records')
    .columns(['household_id', 'period', 'kind', 'id'])
    .execute();

  await db.schema
    .createTable('household_spending_records')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('household_id', 'uuid', (c) => c.notNull().references('households.id'))
    .addColumn('period', 'text', (c) => c.notNull().check(sql`period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('medical', 'schooling', 'disaster', 'disability', 'other')`))
    .addColumn('amount_fen', 'bigint', (c) => c.notNull().check(sql`amount_fen >= 0`))
    .addColumn('rigid', 'boolean', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull().check(sql`length(source) between 1 and 64`))
    .addColumn('submission_key', 'text', (c) => c.notNull())
    .addColumn('entry_key', 'text', (c) => c.notNull().unique())
    .addColumn('recorded_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull())
    .execute();
  // The current records of a household: the latest submission per month and kind.
  await db.schema
    .createIndex('household_spending_records_household_idx')
    .on('household_spending_records')
    .columns(['household_id', 'period', 'kind', 'id'])
    .execute();

  await sql`
    create function refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception '% is append-only: records are never changed or deleted', tg_table_name;
    end $$`.execute(db);
  for (const table of ['household_income_records', 'household_spending_records']) {
    await sql`
      create trigger ${sql.raw(`${table}_no_change`)} before update or delete on ${sql.table(table)}
      for each row execute function refuse_change()`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('household_spending_records').execute();
  await db.schema.dropTable('household_income_records').execute();
  await sql`drop function refuse_change()`.execute(db);
}
