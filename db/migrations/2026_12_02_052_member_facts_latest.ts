import { sql, type Kysely } from 'kysely';

/**
 * The employment ledger 就业帮扶台账 (db/repositories/export-ledgers.ts
 * `labourers`) reads, for each member able to work, the employment fact in
 * force on the quarter's last day: the member's latest fact of the kind by
 * `as_of`, then by `recorded_at`. household_facts was indexed by household
 * first, so each member's look-up scanned the table (a county's first page of
 * 1,000 members took minutes). Facts about the household as a whole carry no
 * member and are left out of the index.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create index household_facts_member_latest_idx
    on household_facts (member_id, kind, as_of desc, recorded_at desc)
    where member_id is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index household_facts_member_latest_idx`.execute(db);
}
