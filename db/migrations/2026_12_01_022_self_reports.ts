import { sql, type Kysely } from 'kysely';

/**
 * Household self-report 农户自主申报 (DOMAIN.md §10: a code to scan, a short
 * form, the township's working-day clock):
 * - self_report_codes: each village's public code, printed as a QR code on its
 *   notice card 明白卡 — not the village's internal id, and nothing personal;
 * - self_reports: what a household reported, with its receipt number, where it
 *   was routed, and what became of it (the village's visit, the case it opened);
 * - data_consents: the household's authorisation 承诺授权 for departments to
 *   check its income and assets; the data comparison reuses it. A consent is
 *   never changed except to record its withdrawal, once (a trigger refuses the rest);
 * - public_rate_counts and public_challenges: the public routes' limits, in
 *   PostgreSQL because a county runs more than one API process.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('self_report_codes')
    .addColumn('village_id', 'text', (c) => c.primaryKey().references('jurisdictions.id'))
    .addColumn('code', 'text', (c) => c.notNull().unique().check(sql`code ~ '^[A-HJ-NP-Z2-9]{6}$'`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('self_reports')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('receipt_no', 'text', (c) => c.notNull().unique().check(sql`receipt_no ~ '^[0-9]{8}-[A-HJ-NP-Z2-9]{6}$'`))
    .addColumn('county_id', 'text', (c) => c.notNull().references('jurisdictions.id'))
    .addColumn('town_id', 'text', (c) => c.notNull().references('jurisdictions.id'))
    // The village the household chose; the code's village may differ (reported for a relative elsewhere).
    .addColumn('village_id', 'text', (c) => c.notNull().references('jurisdictions.id'))
    .addColumn('code_village_id', 'text', (c) => c.references('jurisdictions.id'))
    .addColumn('head_name', 'text', (c) => c.notNull().check(sql`length(head_name) between 1 and 50`))
    .addColumn('id_number', 'text', (c) => c.notNull().check(sql`id_number ~ '^[0-9]{17}[0-9X]$'`))
    .addColumn('phone', 'text', (c) => c.notNull().check(sql`phone ~ '^(1[3-9][0-9]{9}|0[0-9]{9,11})$'`))
    .addColumn('risk_causes', sql`text[]`, (c) => c.notNull().check(sql`cardinality(risk_causes) between 1 and 12`))
    .addColumn('statement', 'text', (c) => c.notNull().check(sql`length(statement) between 1 and 1000`))
    // The registered household the ID number belongs to, when there is one.
    .addColumn('household_id', 'uuid', (c) => c.references('households.id'))
    // What the report did to the household's workflow: pending (not sent yet), opened or joined a case, not_opened (a monitored household), candidate (not registered).
    .addColumn('discovery', 'text', (c) => c.notNull().check(sql`discovery in ('pending', 'opened', 'joined', 'not_opened', 'candidate')`))
    .addColumn('due_item_key', 'text')
    .addColumn('visit_working_days', 'integer', (c) => c.check(sql`visit_working_days between 1 and 60`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('visited_at', 'timestamptz')
    .addColumn('visited_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('visit_note', 'text', (c) => c.check(sql`length(visit_note) <= 1000`))
    .addColumn('closed_at', 'timestamptz')
    .addColumn('closed_by', 'uuid', (c) => c.references('users.id'))
    .addCheckConstraint('self_reports_visit_has_who', sql`(visited_at is null) = (visited_by is null)`)
    .addCheckConstraint('self_reports_closed_has_who', sql`(closed_at is null) = (closed_by is null)`)
    .addCheckConstraint('self_reports_registered_has_household', sql`(discovery = 'candidate') = (household_id is null)`)
    .execute();
  // The village's and the town's open reports, newest first (today's work, the town's list).
  await sql`create index self_reports_open_village_idx on self_reports (village_id, created_at) where closed_at is null`.execute(db);
  await sql`create index self_reports_open_town_idx on self_reports (town_id, created_at) where closed_at is null`.execute(db);
  // A household's open report from the same ID number and phone: a repeated report answers the same receipt.
  await sql`create index self_reports_id_number_idx on self_reports (id_number, created_at) where closed_at is null`.execute(db);
  // Reports not yet handed to the household's workflow (Temporal was down), for the sweep.
  await sql`create index self_reports_pending_idx on self_reports (created_at) where discovery = 'pending'`.execute(db);

  await db.schema
    .createTable('data_consents')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    // The household or person the checks are about, by ID number.
    .addColumn('subject_id_number', 'text', (c) => c.notNull().check(sql`subject_id_number ~ '^[0-9]{17}[0-9X]$'`))
    .addColumn('signer_name', 'text', (c) => c.notNull().check(sql`length(signer_name) between 1 and 50`))
    .addColumn('signed_at', 'timestamptz', (c) => c.notNull())
    // What it allows to be checked (income, assets …), by code; the document states it in words.
    .addColumn('covers', sql`text[]`, (c) => c.notNull().check(sql`cardinality(covers) >= 1`))
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('self_report', 'paper')`))
    // The text signed, by its version (`self-report-v1`) or the paper's reference.
    .addColumn('document', 'text', (c) => c.notNull().check(sql`length(document) between 1 and 200`))
    .addColumn('self_report_id', 'uuid', (c) => c.references('self_reports.id'))
    .addColumn('household_id', 'uuid', (c) => c.references('households.id'))
    .addColumn('withdrawn_at', 'timestamptz')
    .addColumn('withdrawal_note', 'text', (c) => c.check(sql`length(withdrawal_note) <= 500`))
    .addCheckConstraint('data_consents_source_report', sql`(source = 'self_report') = (self_report_id is not null)`)
    .execute();
  // The consents of a person, for the data comparison.
  await db.schema.createIndex('data_consents_subject_idx').on('data_consents').columns(['subject_id_number', 'signed_at']).execute();
  await sql`
    create function data_consents_only_withdrawn() returns trigger language plpgsql as $$
    begin
      if old.withdrawn_at is not null or new.withdrawn_at is null
        or (to_jsonb(new) - 'withdrawn_at' - 'withdrawal_note') <> (to_jsonb(old) - 'withdrawn_at' - 'withdrawal_note') then
        raise exception 'a data consent is never changed; only its withdrawal is recorded, once';
      end if;
      return new;
    end $$`.execute(db);
  await sql`create trigger data_consents_only_withdrawn before update on data_consents for each row execute function data_consents_only_withdrawn()`.execute(db);
  await sql`revoke update on data_consents from shoudi_app`.execute(db);
  await sql`grant update (withdrawn_at, withdrawal_note) on data_consents to shoudi_app`.execute(db);

  await db.schema
    .createTable('public_rate_counts')
    // `report:ip:<sha256>` …: never the address or the phone itself.
    .addColumn('bucket', 'text', (c) => c.notNull())
    .addColumn('window_start', 'timestamptz', (c) => c.notNull())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('public_rate_counts_pkey', ['bucket', 'window_start'])
    .execute();

  await db.schema
    .createTable('public_challenges')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('answer', 'integer', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('used_at', 'timestamptz')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('public_challenges').execute();
  await db.schema.dropTable('public_rate_counts').execute();
  await db.schema.dropTable('data_consents').execute();
  await sql`drop function data_consents_only_withdrawn()`.execute(db);
  await db.schema.dropTable('self_reports').execute();
  await db.schema.dropTable('self_report_codes').execute();
}
