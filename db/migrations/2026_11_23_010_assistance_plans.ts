import { sql, type Kysely } from 'kysely';

const OPEN = sql`status in ('assigned', 'accepted', 'in_progress')`;

/**
 * Assistance plans 帮扶措施表 and the department tasks they give. A plan is
 * written once, when a person confirms it; a task row follows its task
 * workflow's transitions and is never deleted (a hand-back ends it, and a
 * reassignment is a new row that points back at it).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('assistance_plans')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('household_id', 'uuid', (c) => c.notNull().references('households.id'))
    .addColumn('plan_no', 'integer', (c) => c.notNull().check(sql`plan_no >= 1`))
    // Deterministic key from the household workflow: a retried activity writes once.
    .addColumn('plan_key', 'text', (c) => c.notNull().unique())
    .addColumn('drawn_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('confirmed_at', 'timestamptz', (c) => c.notNull())
    .addColumn('note', 'text')
    // The measures as confirmed: code, department, deadline days, due date, required, task key.
    .addColumn('measures', 'jsonb', (c) => c.notNull())
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    // A household's plans in order, and the tasks' reference to their plan.
    .addUniqueConstraint('assistance_plans_household_plan_no_key', ['household_id', 'plan_no'])
    .execute();

  await db.schema
    .createTable('measure_tasks')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    // The task workflow's id (`task-<household>-<plan>-<measure>-<n>`).
    .addColumn('task_key', 'text', (c) => c.notNull().unique().check(sql`task_key ~ '^task-'`))
    .addColumn('household_id', 'uuid', (c) => c.notNull().references('households.id'))
    .addColumn('plan_no', 'integer', (c) => c.notNull())
    .addColumn('county_id', 'text', (c) => c.notNull().references('jurisdictions.id'))
    .addColumn('town_id', 'text', (c) => c.notNull().references('jurisdictions.id'))
    .addColumn('village_id', 'text', (c) => c.notNull().references('jurisdictions.id'))
    .addColumn('measure', 'text', (c) => c.notNull().check(sql`measure ~ '^[a-z][a-z0-9_]{1,63}$'`))
    .addColumn('department_id', 'uuid', (c) => c.notNull().references('departments.id'))
    .addColumn('required', 'boolean', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('assigned').check(sql`status in ('assigned', 'accepted', 'in_progress', 'completed', 'handed_back', 'cancelled')`),
    )
    .addColumn('assigned_at', 'timestamptz', (c) => c.notNull())
    .addColumn('assigned_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('due_at', 'timestamptz', (c) => c.notNull())
    .addColumn('accepted_at', 'timestamptz')
    .addColumn('accepted_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('progress_note', 'text')
    .addColumn('progress_at', 'timestamptz')
    .addColumn('completed_at', 'timestamptz')
    .addColumn('completed_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('late', 'boolean', (c) => c.notNull().defaultTo(false))
    // What was done, amount in fen, date, documents.
    .addColumn('evidence', 'jsonb')
    .addColumn('handed_back_at', 'timestamptz')
    .addColumn('handed_back_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('hand_back_reason', 'text', (c) => c.check(sql`hand_back_reason in ('not_eligible', 'wrong_department', 'other')`))
    .addColumn('hand_back_text', 'text')
    // The handed-back task this one replaces; at most one reassignment each.
    .addColumn('reassigned_from', 'text', (c) => c.unique().references('measure_tasks.task_key'))
    .addColumn('escalation_level', 'smallint', (c) => c.notNull().defaultTo(0).check(sql`escalation_level between 0 and 2`))
    .addColumn('overdue_at', 'timestamptz')
    // The county's recorded reason for not holding risk elimination back on this task.
    .addColumn('waived_at', 'timestamptz')
    .addColumn('waived_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('waiver_reason', 'text')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addForeignKeyConstraint('measure_tasks_plan_fkey', ['household_id', 'plan_no'], 'assistance_plans', ['household_id', 'plan_no'])
    .addCheckConstraint('measure_tasks_completed_has_time', sql`(status = 'completed') = (completed_at is not null)`)
    .addCheckConstraint('measure_tasks_handed_back_has_reason', sql`(status = 'handed_back') = (hand_back_reason is not null and handed_back_at is not null)`)
    .addCheckConstraint('measure_tasks_waiver_has_reason', sql`(waived_at is null) = (waiver_reason is null)`)
    .execute();

  // Department inbox: a department's tasks by status, soonest deadline first.
  await sql`create index measure_tasks_department_idx on measure_tasks (department_id, status, due_at)`.execute(db);
  // Supervisor overdue list: open tasks of a county, optionally one town, oldest deadline first (overdue = open and due_at < now).
  await sql`create index measure_tasks_open_county_town_idx on measure_tasks (county_id, town_id, due_at) where ${OPEN}`.execute(db);
  // A household's open required tasks: the risk-elimination check.
  await sql`create index measure_tasks_household_open_required_idx on measure_tasks (household_id, measure) where required and ${OPEN}`.execute(db);
  // A household's tasks by plan: the plan's view, the plan's foreign key, open measures when a new plan is confirmed.
  await sql`create index measure_tasks_household_plan_idx on measure_tasks (household_id, plan_no)`.execute(db);

  await sql`
    create function measure_tasks_never_deleted() returns trigger language plpgsql as $$
    begin
      raise exception 'measure_tasks are never deleted: a task ends as completed, handed back or cancelled';
    end $$`.execute(db);
  await sql`
    create trigger measure_tasks_no_delete before delete on measure_tasks
    for each row execute function measure_tasks_never_deleted()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger measure_tasks_no_delete on measure_tasks`.execute(db);
  await sql`drop function measure_tasks_never_deleted()`.execute(db);
  await db.schema.dropTable('measure_tasks').execute();
  await db.schema.dropTable('assistance_plans').execute();
}
