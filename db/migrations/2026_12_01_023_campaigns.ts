import { sql, type Kysely } from 'kysely';

/**
 * Special inspection campaigns 专项督查 [004] defined by the leadership group or
 * the county bureau: the campaign with its criteria, its cohort as a snapshot
 * taken at launch (one row per household, which also holds that household's
 * check and finding), and the problems found with their rectification 整改.
 * The checks and rectifications are also items of the deadline register
 * (kinds `campaign_check`, `campaign_rectification`), so that lists, the
 * overdue board and reminders see them.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('inspection_campaigns')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('county_id', 'text', (c) => c.notNull().references('jurisdictions.id'))
    // The county or one town: where the cohort is drawn.
    .addColumn('area_id', 'text', (c) => c.notNull().references('jurisdictions.id'))
    .addColumn('name', 'text', (c) => c.notNull().check(sql`length(trim(name)) > 0`))
    .addColumn('reason', 'text', (c) => c.notNull().check(sql`length(trim(reason)) > 0`))
    // The criteria the cohort was drawn by, as defined (domain/campaigns/criteria.ts).
    .addColumn('criteria', 'jsonb', (c) => c.notNull())
    // What each household's check covers (domain/campaigns/checklist.ts).
    .addColumn('checklist', 'jsonb', (c) => c.notNull().check(sql`jsonb_typeof(checklist) = 'array' and jsonb_array_length(checklist) > 0`))
    .addColumn('responsible', 'text', (c) => c.notNull().check(sql`responsible in ('village', 'town', 'department')`))
    .addColumn('department_id', 'uuid', (c) => c.references('departments.id'))
    .addColumn('defined_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('launched_at', 'timestamptz', (c) => c.notNull())
    .addColumn('due_at', 'timestamptz', (c) => c.notNull())
    .addColumn('cohort_count', 'integer', (c) => c.notNull().check(sql`cohort_count >= 0`))
    // Households whose check is in the register: the workflow's fan-out, page by page.
    .addColumn('fanned_out', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('launching').check(sql`status in ('launching', 'open', 'closed')`))
    .addColumn('closed_at', 'timestamptz')
    .addColumn('closed_by', 'uuid', (c) => c.references('users.id'))
    // The close-out report and notice 通报 as published.
    .addColumn('report', 'jsonb')
    .addCheckConstraint('inspection_campaigns_department', sql`(responsible = 'department') = (department_id is not null)`)
    .addCheckConstraint('inspection_campaigns_due_after_launch', sql`due_at > launched_at`)
    .addCheckConstraint('inspection_campaigns_closed', sql`(status = 'closed') = (closed_at is not null and report is not null)`)
    .execute();
  // The county's campaigns, newest first.
  await db.schema.createIndex('inspection_campaigns_county_idx').on('inspection_campaigns').columns(['county_id', 'launched_at']).execute();

  await db.schema
    .createTable('campaign_households')
    .addColumn('campaign_id', 'uuid', (c) => c.notNull().references('inspection_campaigns.id'))
    .addColumn('household_id', 'uuid', (c) => c.notNull().references('households.id'))
    // 1…n in the order of the snapshot: the fan-out pages through it.
    .addColumn('seq', 'integer', (c) => c.notNull().check(sql`seq > 0`))
    .addColumn('town_id', 'text', (c) => c.notNull().references('jurisdictions.id'))
    .addColumn('village_id', 'text', (c) => c.notNull().references('jurisdictions.id'))
    .addColumn('department_id', 'uuid', (c) => c.references('departments.id'))
    .addColumn('checked_at', 'timestamptz')
    .addColumn('checked_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('late', 'boolean')
    .addColumn('answers', 'jsonb')
    .addColumn('finding', 'text', (c) => c.check(sql`finding in ('no_problem', 'problem')`))
    .addPrimaryKeyConstraint('campaign_households_pk', ['campaign_id', 'household_id'])
    .addUniqueConstraint('campaign_households_seq', ['campaign_id', 'seq'])
    .addCheckConstraint('campaign_households_checked', sql`(checked_at is null) = (finding is null) and (checked_at is null) = (late is null) and (checked_at is null) = (answers is null)`)
    .execute();
  // A campaign's progress by town and by department.
  await sql`create index campaign_households_town_idx on campaign_households (campaign_id, town_id)`.execute(db);

  await db.schema
    .createTable('campaign_problems')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('campaign_id', 'uuid', (c) => c.notNull())
    .addColumn('household_id', 'uuid', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind ~ '^[a-z][a-z0-9_]{1,63}$'`))
    .addColumn('description', 'text', (c) => c.notNull().check(sql`length(trim(description)) > 0`))
    .addColumn('town_id', 'text', (c) => c.notNull().references('jurisdictions.id'))
    .addColumn('village_id', 'text', (c) => c.notNull().references('jurisdictions.id'))
    .addColumn('department_id', 'uuid', (c) => c.references('departments.id'))
    .addColumn('found_at', 'timestamptz', (c) => c.notNull())
    .addColumn('found_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('due_at', 'timestamptz', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open').check(sql`status in ('open', 'rectified')`))
    .addColumn('rectified_at', 'timestamptz')
    .addColumn('rectified_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('evidence', 'jsonb')
    .addColumn('late', 'boolean')
    // 0 none, 1 overdue (the responsible place or department told), 2 the county's supervisors told.
    .addColumn('escalation_level', 'integer', (c) => c.notNull().defaultTo(0).check(sql`escalation_level between 0 and 2`))
    .addForeignKeyConstraint('campaign_problems_household', ['campaign_id', 'household_id'], 'campaign_households', ['campaign_id', 'household_id'])
    .addUniqueConstraint('campaign_problems_one_kind', ['campaign_id', 'household_id', 'kind'])
    .addCheckConstraint('campaign_problems_due_after_found', sql`due_at > found_at`)
    .addCheckConstraint('campaign_problems_rectified', sql`(status = 'rectified') = (rectified_at is not null and evidence is not null and late is not null)`)
    .execute();
  // A campaign's problems by kind and by town; the sweep of its open ones.
  await sql`create index campaign_problems_campaign_idx on campaign_problems (campaign_id, status, due_at)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('campaign_problems').execute();
  await db.schema.dropTable('campaign_households').execute();
  await db.schema.dropTable('inspection_campaigns').execute();
}
