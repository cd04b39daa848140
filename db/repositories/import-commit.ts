import { sql, type Kysely } from 'kysely';
import type { Database } from '../database.js';

export interface CommitJob {
  readonly id: string;
  readonly countyId: string;
  readonly uploadedBy: string;
}

/** The next households of a job that passed the checks and are not saved yet, by id: a run of consecutive ones. */
export async function nextHouseholds(db: Kysely<Database>, jobId: string, limit: number): Promise<string[]> {
  // From where the saving reached (households are saved in the order of their ids), not through the ones saved.
  const job = await db.selectFrom('import_jobs').select('saved_through').where('id', '=', jobId).executeTakeFirstOrThrow();
  let query = db
    .selectFrom('import_rows')
    .select('household_id')
    .where('job_id', '=', jobId);
  if (job.saved_through) query = query.where('household_id', '>', job.saved_through);
  const rows = await query
    .where('sheet', '=', 'members')
    .where('relation', '=', 'head')
    .where('outcome', 'is', null)
    .where('household_id', 'is not', null)
    .orderBy('household_id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.household_id!);
}

/**
 * The month lines of the staged finance rows `rows` (a filter on import_rows r), one per kind filled in, each kind to its
 * table. `newHouseholds`: the households were saved in this transaction, so no line of theirs can exist yet (their ids
 * are new) and the lines go in without the check of each entry key that a registered household's months need.
 */
async function insertFinances(db: Kysely<Database>, job: CommitJob, rows: ReturnType<typeof sql>, newHouseholds: boolean): Promise<void> {
  const once = newHouseholds ? sql`` : sql`on conflict (entry_key) do nothing`;
  const lines = sql`
    select r.household_id, r.period, a.key as kind, a.value::bigint as amount_fen
    from import_rows r cross join lateral jsonb_each_text(r.amounts) a
    where r.job_id = ${job.id} and r.sheet = 'finances' and r.outcome is null and ${rows}`;
  const keys = sql`'import:' || ${job.id}::text || ':' || l.household_id || ':' || l.period`;
  await sql`
    insert into household_income_records (household_id, period, kind, amount_fen, source, submission_key, entry_key, recorded_by, recorded_at)
    select l.household_id, l.period, l.kind, l.amount_fen, 'import', ${keys}, 'import:' || l.household_id || ':' || l.period || ':' || l.kind, ${job.uploadedBy}, now()
    from (${lines}) l where l.kind in ('wages', 'production_net', 'property', 'transfer')
    order by l.household_id, l.period, l.kind
    ${once}`.execute(db);
  await sql`
    insert into household_spending_records (household_id, period, kind, amount_fen, rigid, source, submission_key, entry_key, recorded_by, recorded_at)
    select l.household_id, l.period, l.kind, l.amount_fen, l.kind <> 'other', 'import', ${keys}, 'import:' || l.household_id || ':' || l.period || ':' || l.kind, ${job.uploadedBy}, now()
    from (${lines}) l where l.kind in ('medical', 'schooling', 'disaster', 'disability', 'other')
    order by l.household_id, l.period, l.kind
    ${once}`.execute(db);
}

/**
 * Saves whole households of the staged file, set-based: the households, their
 * members, the file's entry that each was carried over (its entry date, risk
 * causes, measures enjoyed and member count: the event the household's file
 * and the audit read) and their months' finances, each an INSERT…SELECT over
 * the staged rows of the households `householdIds` — a run of consecutive
 * ones as nextHouseholds gives them, so they are read by their id's range.
 * Run it in one transaction (`db` is then that transaction): the households
 * are saved whole or not at all. Answers the staged rows saved.
 */
export async function commitHouseholds(db: Kysely<Database>, job: CommitJob, householdIds: readonly string[]): Promise<number> {
  if (householdIds.length === 0) return 0;
  const within = sql`r.household_id between ${householdIds[0]}::uuid and ${householdIds[householdIds.length - 1]}::uuid`;
  const members = sql`r.job_id = ${job.id} and r.sheet = 'members' and r.outcome is null and ${within}`;
  const heads = sql`select * from import_rows r where ${members} and r.relation = 'head'`;
  await sql`
    insert into households (id, county_id, town_id, village_id, address, head_name, category)
    select h.household_id, ${job.countyId}, h.town_id, h.village_id, h.address, h.head_name, h.category from (${heads}) h`.execute(db);
  await sql`
    insert into household_members (household_id, name, id_number, birth_date, sex, relation, labour_ability, is_student, is_active_military, disability_grade, chronic_illness)
    select r.household_id, r.name, r.id_number, r.birth_date, r.sex, r.relation, r.labour_ability, r.is_student, r.is_active_military, r.disability_grade, r.chronic_illness
    from import_rows r where ${members}
    order by r.household_id, r.row_no`.execute(db);
  await sql`
    insert into household_events (household_id, event_key, kind, actor_user_id, occurred_at, payload)
    select h.household_id, 'import:' || ${job.id}::text || ':' || h.household_id, 'household.imported', ${job.uploadedBy}, now(),
      jsonb_build_object('jobId', ${job.id}::text, 'enteredOn', h.entered_on, 'riskCauses', h.risk_causes, 'measuresEnjoyed', h.measures, 'members', c.members)
    from (${heads}) h join (select r.household_id, count(*) as members from import_rows r where ${members} group by r.household_id) c on c.household_id = h.household_id`.execute(db);
  await insertFinances(db, job, within, true);
  return settle(db, job.id, sql`r.outcome is null and ${within}`, householdIds[householdIds.length - 1]!);
}

/**
 * The staged rows `rows` (a filter on import_rows r) are saved: they are
 * deleted (their households hold them now) and counted in the job's imported
 * rows, in the same transaction — but the heads stay, marked imported, for the
 * households' workflows to start. Answers the rows saved.
 */
async function settle(db: Kysely<Database>, jobId: string, rows: ReturnType<typeof sql>, savedThrough: string | null = null): Promise<number> {
  const result = await sql<{ rows: string; heads: string }>`
    with heads as (
      update import_rows r set outcome = 'imported' where r.job_id = ${jobId} and r.sheet = 'members' and r.relation = 'head' and ${rows} returning 1),
    others as (
      delete from import_rows r where r.job_id = ${jobId} and not (r.sheet = 'members' and r.relation = 'head') and ${rows} returning 1),
    counted as (select (select count(*) from heads) as heads, (select count(*) from others) as others)
    update import_jobs j set imported = j.imported + c.heads + c.others, households_imported = j.households_imported + c.heads, updated_at = now(),
      saved_through = coalesce(greatest(j.saved_through, ${savedThrough}::uuid), j.saved_through)
    from counted c where j.id = ${jobId}
    returning c.heads + c.others as rows, c.heads as heads`.execute(db);
  return Number(result.rows[0]?.rows ?? 0);
}

/** Households that could not be saved: their rows, and their months', rejected with `code`. */
export async function rejectHouseholds(db: Kysely<Database>, jobId: string, householdIds: readonly string[], code: string): Promise<void> {
  const ids = sql`${sql.val(householdIds)}::uuid[]`;
  // Counted in the job's rejected rows as they are marked (the job is not recounted after each transaction).
  await sql`
    with marked as (
      update import_rows r set outcome = 'rejected', reason = coalesce(r.reason || '；', '') || case when r.sheet = 'members' then ${code} else 'finance_household_rejected' end
      where r.job_id = ${jobId} and r.outcome is null and r.household_id = any(${ids}) returning 1)
    update import_jobs j set rejected = j.rejected + (select count(*) from marked), updated_at = now() where j.id = ${jobId}`.execute(db);
}

/**
 * The months of households already in the registry, `limit` staged rows at a
 * time (one transaction, read by their range in the file): answers how many
 * rows it saved. Run once the file's own households are saved.
 */
export async function commitRegistryFinances(db: Kysely<Database>, job: CommitJob, limit: number): Promise<number> {
  // From where the saving reached, not from the job's first row through the rows saved (and deleted).
  const reached = await db.selectFrom('import_jobs').select(['months_saved_through_sheet as sheet', 'months_saved_through_row as row']).where('id', '=', job.id).executeTakeFirstOrThrow();
  let pending = db
    .selectFrom('import_rows')
    .select(['sheet_no', 'row_no'])
    .where('job_id', '=', job.id)
    .where('sheet', '=', 'finances')
    .where('outcome', 'is', null)
    .where('household_id', 'is not', null);
  if (reached.sheet !== null && reached.row !== null) pending = pending.where(sql<boolean>`(sheet_no, row_no) > (${reached.sheet}::int, ${reached.row}::int)`);
  const first = await pending.orderBy('sheet_no').orderBy('row_no').limit(1).executeTakeFirst();
  if (!first) return 0;
  const last = await db
    .selectFrom(pending.orderBy('sheet_no').orderBy('row_no').limit(limit).as('b'))
    .select(['b.sheet_no', 'b.row_no'])
    .orderBy('b.sheet_no', 'desc')
    .orderBy('b.row_no', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  const within = sql`(r.sheet_no, r.row_no) between (${first.sheet_no}::int, ${first.row_no}::int) and (${last.sheet_no}::int, ${last.row_no}::int) and r.household_id is not null`;
  return db.transaction().execute(async (trx) => {
    await insertFinances(trx, job, within, false);
    await trx.updateTable('import_jobs').set({ months_saved_through_sheet: last.sheet_no, months_saved_through_row: last.row_no }).where('id', '=', job.id).execute();
    return settle(trx, job.id, sql`r.sheet = 'finances' and r.outcome is null and ${within}`);
  });
}

/**
 * The job's counts: the rows read (as staged), the rows imported (counted as
 * each transaction saved and deleted them), the rows rejected (which stay for
 * the error report); read = imported + rejected once every row has its outcome.
 */
export async function countRows(db: Kysely<Database>, jobId: string) {
  const job = await db.selectFrom('import_jobs').select(['rows_read', 'imported', 'households_imported']).where('id', '=', jobId).executeTakeFirstOrThrow();
  const row = await db
    .selectFrom('import_rows')
    .select([
      sql<string>`count(*) filter (where outcome = 'rejected')`.as('rejected'),
      sql<string>`count(*) filter (where outcome is null and sheet = 'members' and relation = 'head' and household_id is not null)`.as('pending'),
    ])
    .where('job_id', '=', jobId)
    .executeTakeFirstOrThrow();
  return { read: job.rows_read, imported: job.imported, rejected: Number(row.rejected), households: job.households_imported, pending: Number(row.pending) };
}

/** The saved households of a job after `after` (by id), with their place and entry date, for their workflows. */
export function householdsToStart(db: Kysely<Database>, jobId: string, after: string | null, limit: number) {
  let query = db
    .selectFrom('import_rows as r')
    .innerJoin('households as h', 'h.id', 'r.household_id')
    .select(['h.id', 'h.county_id', 'h.town_id', 'h.village_id', 'h.group_id', 'r.entered_on'])
    .where('r.job_id', '=', jobId)
    .where('r.sheet', '=', 'members')
    .where('r.relation', '=', 'head')
    .where('r.outcome', '=', 'imported');
  if (after) query = query.where('r.household_id', '>', after);
  return query.orderBy('r.household_id').limit(limit).execute();
}
