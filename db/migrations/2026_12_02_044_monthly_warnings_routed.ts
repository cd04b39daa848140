import { sql, type Kysely } from 'kysely';

/**
 * The monthly re-assessment's own warnings 预警 → 因户施策 (issue 15, item 5)
 * are routed as a department feed's are: kept in comparison_warnings beside
 * them, with the same follow-up item, clock, notices and closing. `source`
 * says where a warning came from: a department feed (its batch, row and
 * person) or the household's monthly update (the household as a whole, no
 * batch or row).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table comparison_warnings add column source text not null default 'comparison' check (source in ('comparison', 'monthly_update'))`.execute(db);
  await sql`alter table comparison_warnings alter column batch_id drop not null, alter column row_no drop not null, alter column member_id drop not null`.execute(db);
  await sql`
    alter table comparison_warnings add constraint comparison_warnings_source_complete
    check ((source = 'comparison') = (batch_id is not null and row_no is not null and member_id is not null))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from comparison_warnings where source = 'monthly_update'`.execute(db);
  await sql`alter table comparison_warnings drop constraint comparison_warnings_source_complete`.execute(db);
  await sql`alter table comparison_warnings alter column batch_id set not null, alter column row_no set not null, alter column member_id set not null`.execute(db);
  await sql`alter table comparison_warnings drop column source`.execute(db);
}
