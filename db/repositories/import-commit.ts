import { sql, type Kysely } from 'kysely';
import type { Database } from '../database.js';

export interface CommitJob {
  readonly id: string;
  readonly countyId: string;
  readonly uploadedBy: string;
}

/** The next households of a job that passed the checks and are not saved yet, by id. */
export async function nextHouseholds(db: Kysely<Database>, jobId: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('import_rows')
    .select('household_id')
    .where('job_id', '=', jobId)
    .where('sheet', '=', 'members')
    .where('relation', '=', 'head')
    .where('outcome', 'is', null)
    .where('household_id', 'is not', null)
    .orderBy('household_id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.household_id!);
}

/** A month's lines of the staged finance rows `rows` (a filter on import_rows r), one per kind filled in. */
async function insertFinances(db: Kysely<Database>, job: CommitJob, rows: ReturnType<typeof sql>): Promise<void> {
  const lines = sql`
    select r.household_id, r.period, a.key as kind, a.value::bigint as amount_fen
    from import_rows r cross join lateral jsonb_each_text(r.amounts) a
    where r.job_id = ${job.id} and r.sheet = 'finances' and r.outcome is null and ${rows}`;
  const keys = sql`'import:' || ${job.id}::text || ':' || l.household_id || ':' || l.period`;
  await sql`
    insert into household_income_records (household_id, period, kind, amount_fen, source, submission_key, entry_key, recorded_by, recorded_at)
    select l.household_id, l.period, l.kind, l.amount_fen, 'import', ${keys}, 'import:' || l.household_id || ':' || l.period || ':' || l.kind, ${job.uploadedBy}, now()
    from (${lines}) l where l.kind in ('wages', 'production_net', 'property', 'transfer')
    on conflict (entry_key) do nothing`.execute(db);
  await sql`
    insert into household_spending_records (household_id, period, kind, amount_fen, rigid, source, submission_key, entry_key, recorded_by, recorded_at)
    select l.household_id, l.period, l.kind, l.amount_fen, l.kind <> 'other', 'import', ${keys}, 'import:' || l.household_id || ':' || l.period || ':' || l.kind, ${job.uploadedBy}, now()
    from (${lines}) l where l.kind in ('medical', 'schooling', 'disaster', 'disability', 'other')
    on conflict (entry_key) do nothing`.execute(db);
  await sql`update import_rows r set outcome = 'imported' where r.job_id = ${job.id} and r.sheet = 'finances' and r.outcome is null and ${rows}`.execute(db);
}

/**
 * Saves whole households of the staged file: the household, its members, the
 * file's entry that it was carried over (with its entry date, risk causes and
 * measures enjoyed) and its months' finances. Run it in one transaction
 * (`db` is then that transaction): a household is saved whole or not at all.
 */
export async function commitHouseholds(db: Kysely<Database>, job: CommitJob, householdIds: readonly string[]): Promise<void> {
  if (householdIds.length === 0) return;
  const ids = sql`${sql.val(householdIds)}::uuid[]`;
  const heads = sql`select * from import_rows r where r.job_id = ${job.id} and r.sheet = 'members' and r.relation = 'head' and r.outcome is null and r.household_id = any(${ids})`;
  await sql`
    insert into households (id, county_id, town_id, village_id, address, head_name, category)
    select h.household_id, ${job.countyId}, h.town_id, h.village_id, h.address, h.head_name, h.category from (${heads}) h`.execute(db);
  await sql`
    insert into household_members (household_id, name, id_number, birth_date, sex, relation, labour_ability, is_student, is_active_military, disability_grade, chronic_illness)
    select r.household_id, r.name, r.id_number, r.birth_date, r.sex, r.relation, r.labour_ability, r.is_student, r.is_active_military, r.disability_grade, r.chronic_illness
    from import_rows r where r.job_id = ${job.id} and r.sheet = 'members' and r.outcome is null and r.household_id = any(${ids})
    order by r.household_id, r.row_no`.execute(db);
  await sql`
    insert into household_events (household_id, event_key, kind, actor_user_id, occurred_at, payload)
    select h.household_id, 'import:' || ${job.id}::text || ':' || h.household_id, 'household.imported', ${job.uploadedBy}, now(),
      jsonb_build_object('jobId', ${job.id}::text, 'enteredOn', h.entered_on, 'riskCauses', h.risk_causes, 'measuresEnjoyed', h.measures,
        'members', (select count(*) from import_rows m where m.job_id = ${job.id} and m.sheet = 'members' and m.household_id = h.household_id))
    from (${heads}) h`.execute(db);
  await insertFinances(db, job, sql`r.household_id = any(${ids})`);
  await sql`update import_rows r set outcome = 'imported' where r.job_id = ${job.id} and r.sheet = 'members' and r.outcome is null and r.household_id = any(${ids})`.execute(db);
}

/** Households that could not be saved: their rows, and their months', rejected with `code`. */
export async function rejectHouseholds(db: Kysely<Database>, jobId: string, householdIds: readonly string[], code: string): Promise<void> {
  const ids = sql`${sql.val(householdIds)}::uuid[]`;
  await sql`
    update import_rows r set outcome = 'rejected', reason = coalesce(r.reason || '；', '') || case when r.sheet = 'members' then ${code} else 'finance_household_rejected' end
    where r.job_id = ${jobId} and r.outcome is null and r.household_id = any(${ids})`.execute(db);
}

/** The months of households already in the registry, a batch at a time: answers how many rows it saved. */
export async function commitRegistryFinances(db: Kysely<Database>, job: CommitJob, limit: number): Promise<number> {
  const batch = await db
    .selectFrom('import_rows')
    .select(['sheet_no', 'row_no'])
    .where('job_id', '=', job.id)
    .where('sheet', '=', 'finances')
    .where('outcome', 'is', null)
    .where('household_id', 'is not', null)
    .orderBy('sheet_no')
    .orderBy('row_no')
    .limit(limit)
    .execute();
  if (batch.length === 0) return 0;
  const keys = sql.join(batch.map((b) => sql`(${b.sheet_no}::int, ${b.row_no}::int)`));
  await db.transaction().execute((trx) => insertFinances(trx, job, sql`(r.sheet_no, r.row_no) in (${keys})`));
  return batch.length;
}

/** The job's counts from its rows: read = imported + rejected once every row has its outcome. */
export async function countRows(db: Kysely<Database>, jobId: string) {
  const row = await db
    .selectFrom('import_rows')
    .select((eb) => [
      eb.fn.countAll<string>().as('read'),
      sql<string>`count(*) filter (where outcome = 'imported')`.as('imported'),
      sql<string>`count(*) filter (where outcome = 'rejected')`.as('rejected'),
      sql<string>`count(*) filter (where outcome = 'imported' and sheet = 'members' and relation = 'head')`.as('households'),
      sql<string>`count(*) filter (where outcome is null and sheet = 'members' and relation = 'head' and household_id is not null)`.as('pending'),
    ])
    .where('job_id', '=', jobId)
    .executeTakeFirstOrThrow();
  return { read: Number(row.read), imported: Number(row.imported), rejected: Number(row.rejected), households: Number(row.households), pending: Number(row.pending) };
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
