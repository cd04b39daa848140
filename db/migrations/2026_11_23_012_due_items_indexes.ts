import { sql, type Kysely } from 'kysely';

/**
 * GET /due-items at county scale (measured by bench/due-items.ts): each list
 * reads one jurisdiction's open items in its order (due_at, id) and stops at
 * the page, and counts them from the index alone (the columns its filters
 * name are carried in it), instead of reading every open item of the county.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // A county's open and overdue items, soonest deadline first, with their count: the county's and supervisors' lists.
  await sql`create index due_items_open_county_due_idx on due_items (county_id, due_at, id) include (kind, overdue_at) where status = 'open'`.execute(db);
  // A town's open and overdue items and their count: the town's list (replaces due_items_open_town_idx).
  await sql`create index due_items_open_town_due_idx on due_items (town_id, due_at, id) include (county_id, kind, overdue_at) where status = 'open'`.execute(db);
  await sql`drop index due_items_open_town_idx`.execute(db);
  // A village's open and overdue items and their count: the village cadre's list (replaces due_items_open_village_idx).
  await sql`create index due_items_open_village_due_idx on due_items (village_id, due_at, id) include (county_id, kind, overdue_at) where status = 'open'`.execute(db);
  await sql`drop index due_items_open_village_idx`.execute(db);
  // A household's open items: its file, and the list of a village group (through the group's households).
  await sql`create index due_items_open_household_idx on due_items (household_id, due_at, id) include (kind, overdue_at) where status = 'open' and household_id is not null`.execute(db);
  // The households of a village group: the group's list of items.
  await sql`create index households_group_idx on households (group_id) where group_id is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index households_group_idx`.execute(db);
  await sql`drop index due_items_open_household_idx`.execute(db);
  await sql`create index due_items_open_village_idx on due_items (village_id, due_at) where status = 'open'`.execute(db);
  await sql`drop index due_items_open_village_due_idx`.execute(db);
  await sql`create index due_items_open_town_idx on due_items (town_id, due_at) where status = 'open'`.execute(db);
  await sql`drop index due_items_open_town_due_idx`.execute(db);
  await sql`drop index due_items_open_county_due_idx`.execute(db);
}
