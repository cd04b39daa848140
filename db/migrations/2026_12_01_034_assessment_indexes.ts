import { sql, type Kysely } from 'kysely';

/**
 * The monthly assessment 考核 reads a county's month by kind and time
 * (db/repositories/assessment.ts): the warnings raised in the month, and the
 * monthly updates due in it, finished or not. The existing indexes serve a
 * household's file and the open items only, so each read scanned its table.
 * A household's consents 承诺授权 (its card, and the comparison's consent check)
 * were found by scanning data_consents, which is indexed by ID number only.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // The month's warnings (and any other kind of event in a time window), with the household to join its town.
  await sql`create index household_events_kind_time_idx on household_events (kind, occurred_at) include (household_id)`.execute(db);
  // A county's items of one kind due in a window, whatever their status, with what the counts read.
  await sql`create index due_items_county_kind_due_idx on due_items (county_id, kind, due_at) include (town_id, status, done_at)`.execute(db);
  // A household's consents, newest first.
  await sql`create index data_consents_household_idx on data_consents (household_id, signed_at) where household_id is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index data_consents_household_idx`.execute(db);
  await sql`drop index due_items_county_kind_due_idx`.execute(db);
  await sql`drop index household_events_kind_time_idx`.execute(db);
}
