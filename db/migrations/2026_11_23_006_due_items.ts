import { sql, type Kysely } from 'kysely';

/**
 * The deadline register: every item someone must do by a date — a household's
 * monthly update and visit, a town's report and screening, a department's task.
 * Workflows open, complete and mark items overdue through idempotent
 * activities; people's lists of open and overdue items read this table, never
 * Temporal's visibility store.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('due_items')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    // Deterministic key from the workflow (`household:<id>:monthly_update:2026-11`).
    .addColumn('item_key', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind ~ '^[a-z][a-z0-9_]{1,63}$'`))
    .addColumn('county_id', 'text', (c) => c.notNull().references('jurisdictions.id'))
    .addColumn('town_id', 'text', (c) => c.references('jurisdictions.id'))
    .addColumn('village_id', 'text', (c) => c.references('jurisdictions.id'))
    .addColumn('household_id', 'uuid', (c) => c.references('households.id'))
    .addColumn('department_id', 'uuid', (c) => c.references('departments.id'))
    .addColumn('responsible_user_id', 'uuid', (c) => c.references('users.id'))
    // The reporting month or quarter the item is for (`2026-11`, `2026-Q4`), when it has one.
    .addColumn('period', 'text')
    .addColumn('due_at', 'timestamptz', (c) => c.notNull())
    .addColumn('opened_at', 'timestamptz', (c) => c.notNull())
    // Set once, when the deadline passed with the item still open.
    .addColumn('overdue_at', 'timestamptz')
    .addColumn('done_at', 'timestamptz')
    .addColumn('done_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open').check(sql`status in ('open', 'done', 'cancelled')`))
    .addCheckConstraint('due_items_done_has_time', sql`(status = 'done') = (done_at is not null)`)
    .execute();
  // Open items of a town (and their village), soonest deadline first: the town's and supervisors' lists.
  await sql`create index due_items_open_town_idx on due_items (town_id, due_at) where status = 'open'`.execute(db);
  // Open items of a village: the village cadre's list.
  await sql`create index due_items_open_village_idx on due_items (village_id, due_at) where status = 'open'`.execute(db);
  // Open items of a county by kind: the county's and supervisors' overdue lists.
  await sql`create index due_items_open_county_idx on due_items (county_id, kind, due_at) where status = 'open'`.execute(db);
  // A department's open items; a person's open items.
  await sql`create index due_items_open_department_idx on due_items (department_id, due_at) where status = 'open' and department_id is not null`.execute(db);
  await sql`create index due_items_open_responsible_idx on due_items (responsible_user_id, due_at) where status = 'open' and responsible_user_id is not null`.execute(db);
  // A household's items, for its file and the workflow's hand-over.
  await sql`create index due_items_household_idx on due_items (household_id, due_at) where household_id is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('due_items').execute();
}
