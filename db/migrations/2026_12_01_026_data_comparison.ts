import { sql, type Kysely } from 'kysely';

/**
 * Department data comparison 部门数据比对 (issue 15):
 * - comparison_batches: one department feed of one month, as received — its
 *   file's hash (a second upload of the same file is the same batch) and the
 *   counts of what became of its rows;
 * - comparison_rows: the feed's rows staged by COPY, with the fact each states,
 *   the rule it meets, and its outcome (matched, unknown → a candidate for the
 *   town, rejected, no_consent) — kept, so the report can be drawn again;
 * - comparison_warnings: each warning raised, naming its feed, row, month and
 *   rule, routed to a follow-up (monitored household) or a discovery (not
 *   monitored), open until someone records what was done.
 * household_facts takes three more kinds (social assistance, disability,
 * loans) from the feeds.
 */
const APP = sql.raw('shoudi_app');
const FACT_KINDS_BEFORE = `'housing', 'drinking_water', 'medical_out_of_pocket', 'schooling', 'employment', 'microcredit_application'`;

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table household_facts drop constraint household_facts_kind_check`.execute(db);
  await sql`
    alter table household_facts add constraint household_facts_kind_check
    check (kind in (${sql.raw(FACT_KINDS_BEFORE)}, 'social_assistance', 'disability', 'loan'))`.execute(db);

  await db.schema
    .createTable('comparison_batches')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('county_id', 'text', (c) => c.notNull().references('jurisdictions.id'))
    .addColumn('feed', 'text', (c) => c.notNull().check(sql`feed ~ '^[a-z][a-z0-9_]{1,40}$'`))
    .addColumn('department_id', 'uuid', (c) => c.notNull().references('departments.id'))
    .addColumn('month', 'text', (c) => c.notNull().check(sql`month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`))
    .addColumn('file_name', 'text', (c) => c.notNull().check(sql`length(file_name) between 1 and 255`))
    .addColumn('file_sha256', 'text', (c) => c.notNull().check(sql`file_sha256 ~ '^[0-9a-f]{64}$'`))
    .addColumn('uploaded_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('received_at', 'timestamptz', (c) => c.notNull())
    .addColumn('rows_received', 'integer', (c) => c.notNull())
    .addColumn('matched', 'integer', (c) => c.notNull())
    .addColumn('unknown', 'integer', (c) => c.notNull())
    .addColumn('rejected', 'integer', (c) => c.notNull())
    .addColumn('no_consent', 'integer', (c) => c.notNull())
    .addColumn('warnings', 'integer', (c) => c.notNull())
    .addColumn('households_affected', 'integer', (c) => c.notNull())
    .addCheckConstraint('comparison_batches_counts_conserved', sql`rows_received = matched + unknown + rejected + no_consent`)
    .addUniqueConstraint('comparison_batches_file_key', ['county_id', 'feed', 'month', 'file_sha256'])
    .execute();
  // The month's comparison of a county, by feed (the report and the console's progress).
  await db.schema.createIndex('comparison_batches_month_idx').on('comparison_batches').columns(['county_id', 'month', 'feed']).execute();

  // A batch is written last, with its counts, in the transaction that stages and compares its rows.
  await db.schema
    .createTable('comparison_rows')
    .addColumn('batch_id', 'uuid', (c) => c.notNull())
    .addColumn('row_no', 'integer', (c) => c.notNull())
    .addColumn('id_number', 'text')
    .addColumn('name', 'text')
    .addColumn('town', 'text')
    .addColumn('errors', 'text')
    .addColumn('fact_value', 'jsonb')
    .addColumn('warning_rule', 'text')
    .addColumn('household_id', 'uuid', (c) => c.references('households.id'))
    .addColumn('member_id', 'uuid', (c) => c.references('household_members.id'))
    .addColumn('outcome', 'text', (c) => c.check(sql`outcome in ('matched', 'unknown', 'rejected', 'no_consent')`))
    .addPrimaryKeyConstraint('comparison_rows_pkey', ['batch_id', 'row_no'])
    .addForeignKeyConstraint('comparison_rows_batch_fkey', ['batch_id'], 'comparison_batches', ['id'], (fk) => fk.deferrable().initiallyDeferred())
    .execute();
  // Matching a batch's rows by ID number, and a repeated number within a file.
  await db.schema.createIndex('comparison_rows_id_number_idx').on('comparison_rows').columns(['batch_id', 'id_number']).execute();
  // The match itself uses household_members_current_id_number_key (present members by ID number).

  await db.schema
    .createTable('comparison_warnings')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    // county:feed:month:member:rule — one warning per person, rule and month however often the feed is sent.
    .addColumn('warning_key', 'text', (c) => c.notNull().unique())
    .addColumn('batch_id', 'uuid', (c) => c.notNull())
    .addColumn('row_no', 'integer', (c) => c.notNull())
    .addColumn('county_id', 'text', (c) => c.notNull().references('jurisdictions.id'))
    .addColumn('town_id', 'text', (c) => c.notNull().references('jurisdictions.id'))
    .addColumn('village_id', 'text', (c) => c.notNull().references('jurisdictions.id'))
    .addColumn('household_id', 'uuid', (c) => c.notNull().references('households.id'))
    .addColumn('member_id', 'uuid', (c) => c.notNull().references('household_members.id'))
    .addColumn('feed', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('rule_name', 'text', (c) => c.notNull())
    .addColumn('fact_value', 'jsonb', (c) => c.notNull())
    // follow_up: a monitored household's follow-up 跟进; discovery: a household not monitored gets one.
    .addColumn('routed', 'text', (c) => c.notNull().check(sql`routed in ('follow_up', 'discovery')`))
    .addColumn('discovery', 'text', (c) => c.check(sql`discovery in ('pending', 'opened', 'joined', 'not_opened')`))
    .addColumn('due_item_key', 'text')
    .addColumn('follow_up_days', 'integer')
    .addColumn('raised_at', 'timestamptz', (c) => c.notNull())
    .addColumn('followed_up_at', 'timestamptz')
    .addColumn('followed_up_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('follow_up_note', 'text', (c) => c.check(sql`length(follow_up_note) between 1 and 1000`))
    .addCheckConstraint('comparison_warnings_follow_up_complete', sql`(followed_up_at is null) = (followed_up_by is null) and (followed_up_at is null) = (follow_up_note is null)`)
    .addForeignKeyConstraint('comparison_warnings_batch_fkey', ['batch_id'], 'comparison_batches', ['id'], (fk) => fk.deferrable().initiallyDeferred())
    .addCheckConstraint('comparison_warnings_discovery', sql`(routed = 'discovery') = (discovery is not null)`)
    .execute();
  // The month's warnings of a county (report, console), and the open follow-ups of a town.
  await db.schema.createIndex('comparison_warnings_month_idx').on('comparison_warnings').columns(['county_id', 'month', 'feed']).execute();
  await sql`create index comparison_warnings_open_town_idx on comparison_warnings (town_id, raised_at) where followed_up_at is null`.execute(db);
  // Discoveries not yet handed to the household's workflow.
  await sql`create index comparison_warnings_pending_idx on comparison_warnings (raised_at) where discovery = 'pending'`.execute(db);

  await sql`revoke update on comparison_batches from ${APP}`.execute(db);
  await sql`revoke update on comparison_warnings from ${APP}`.execute(db);
  await sql`grant update (discovery, followed_up_at, followed_up_by, follow_up_note) on comparison_warnings to ${APP}`.execute(db);
  await sql`
    create function comparison_warnings_follow_up_once() returns trigger language plpgsql as $$
    begin
      if old.followed_up_at is not null then
        raise exception 'a comparison warning''s follow-up is recorded once';
      end if;
      return new;
    end $$`.execute(db);
  await sql`create trigger comparison_warnings_follow_up_once before update on comparison_warnings for each row execute function comparison_warnings_follow_up_once()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('comparison_warnings').execute();
  await sql`drop function comparison_warnings_follow_up_once()`.execute(db);
  await db.schema.dropTable('comparison_rows').execute();
  await db.schema.dropTable('comparison_batches').execute();
  await sql`alter table household_facts drop constraint household_facts_kind_check`.execute(db);
  await sql`alter table household_facts add constraint household_facts_kind_check check (kind in (${sql.raw(FACT_KINDS_BEFORE)}))`.execute(db);
}
