import { sql, type Kysely } from 'kysely';
import type { Database } from '../database.js';

/** Has the staging table analysed (its owner's function): after a COPY, and after the checks, the planner's counts are stale. */
export async function analyseStagedRows(db: Kysely<Database>): Promise<void> {
  await sql`select import_rows_analyse()`.execute(db);
}

/**
 * The checks of an import across rows, set-based over the staged file. Each
 * row not imported gets a reason code (`code|argument`, put in words by
 * domain/imports/reasons.ts) and the outcome 'rejected'; each household that
 * passes gets its id. Run once per job, in one transaction.
 */
export async function checkStagedRows(db: Kysely<Database>, job: { id: string; countyId: string; scopeId: string }): Promise<void> {
  const { id, countyId, scopeId } = job;
  const members = sql`r.job_id = ${id} and r.sheet = 'members'`;
  const finances = sql`r.job_id = ${id} and r.sheet = 'finances'`;
  const add = (code: unknown) => sql`reason = coalesce(reason || '；', '') || ${code}`;
  const run = (query: ReturnType<typeof sql>) => query.execute(db);

  // The head's village, by its town's and its own name, within the county and the uploader's jurisdiction.
  await run(sql`
    update import_rows r set village_id = v.id, town_id = t.id
    from jurisdictions t join jurisdictions v on v.parent_id = t.id and v.level = 'village'
    where ${members} and r.relation = 'head' and t.parent_id = ${countyId} and t.level = 'town'
      and t.name = r.town and v.name = r.village and (v.id = ${scopeId} or t.id = ${scopeId} or t.parent_id = ${scopeId})`);
  await run(sql`update import_rows r set ${add(sql`'unknown_village'`)} where ${members} and r.relation = 'head' and r.errors is null and r.village_id is null`);

  // The same person twice in the file, or already in a household of the registry.
  await run(sql`
    update import_rows r set ${add(sql`'duplicate_in_file|' || d.rows`)}
    from (select id_number, string_agg(row_no::text, '、' order by row_no) as rows from import_rows r
          where ${members} and r.id_number <> '' group by id_number having count(*) > 1) d
    where ${members} and r.id_number = d.id_number`);
  await run(sql`
    update import_rows r set ${add(sql`case when r.relation = 'head' then 'household_already_imported' else 'duplicate_in_registry' end`)}
    where ${members} and r.errors is null and exists (select 1 from household_members m where m.id_number = r.id_number and m.left_at is null)`);

  // Each household of the file has exactly one head.
  await run(sql`
    update import_rows r set ${add(sql`case when h.heads = 0 then 'no_head' else 'two_heads|' || h.head_rows end`)}
    from (select household_key, count(*) filter (where relation = 'head') as heads,
                 string_agg(row_no::text, '、' order by row_no) filter (where relation = 'head') as head_rows
          from import_rows r where ${members} and r.household_key <> '' group by household_key) h
    where ${members} and r.household_key = h.household_key and h.heads <> 1`);

  // A household is imported whole or not at all.
  await run(sql`
    update import_rows r set ${add(sql`'household_rejected|' || b.rows`)}
    from (select household_key, string_agg(row_no::text, '、' order by row_no) as rows from import_rows r
          where ${members} and (r.errors is not null or r.reason is not null) group by household_key) b
    where ${members} and r.household_key = b.household_key and r.errors is null and r.reason is null`);
  await run(sql`update import_rows r set outcome = 'rejected' where ${members} and (r.errors is not null or r.reason is not null)`);
  // One id per household of the file, derived from the job and the household's key (the same on a retry),
  // with the version and variant digits of a random UUID so that every route takes it.
  await run(sql`
    update import_rows r set household_id = overlay(overlay(md5(${id}::text || ':' || r.household_key) placing '4' from 13) placing '8' from 17)::uuid
    where ${members} and r.outcome is null`);

  // A month's finances: the household by its head's number, in this file or in the registry, once per month.
  await run(sql`
    update import_rows r set ${add(sql`'finance_duplicate|' || d.rows`)}
    from (select id_number, period, string_agg(row_no::text, '、' order by row_no) as rows from import_rows r
          where ${finances} and r.errors is null group by id_number, period having count(*) > 1) d
    where ${finances} and r.errors is null and r.id_number = d.id_number and r.period = d.period`);
  await run(sql`
    update import_rows r set household_id = h.household_id
    from (select id_number, household_id from import_rows r where ${members} and r.relation = 'head' and r.household_id is not null) h
    where ${finances} and r.errors is null and r.reason is null and r.id_number = h.id_number`);
  await run(sql`
    update import_rows r set household_id = m.household_id
    from household_members m join households h on h.id = m.household_id
    where ${finances} and r.errors is null and r.household_id is null and r.reason is null
      and m.id_number = r.id_number and m.left_at is null
      and (h.county_id = ${scopeId} or h.town_id = ${scopeId} or h.village_id = ${scopeId} or h.group_id = ${scopeId})`);
  await run(sql`
    update import_rows r set ${add(sql`'finance_household_rejected'`)}
    where ${finances} and r.errors is null and r.household_id is null and r.reason is null
      and exists (select 1 from import_rows h where h.job_id = ${id} and h.sheet = 'members' and h.relation = 'head' and h.id_number = r.id_number)`);
  await run(sql`
    update import_rows r set ${add(sql`'finance_no_household'`)}
    where ${finances} and r.errors is null and r.household_id is null and r.reason is null`);
  await run(sql`
    update import_rows r set ${add(sql`'finance_already_recorded|' || r.period`)}
    where ${finances} and r.errors is null and r.reason is null and (
      exists (select 1 from household_income_records i where i.household_id = r.household_id and i.period = r.period)
      or exists (select 1 from household_spending_records s where s.household_id = r.household_id and s.period = r.period))`);
  await run(sql`update import_rows r set outcome = 'rejected' where ${finances} and (r.errors is not null or r.reason is not null)`);
}
