import { sql, type Kysely } from 'kysely';

/**
 * GET /households and GET /tasks at county scale (measured by
 * bench/households.ts): each list filters the one column of the user's
 * jurisdiction and reads it in the list's order — households newest first
 * (created_at desc, id), tasks soonest deadline first (due_at, id) — stopping
 * at the page, and counts it from the index alone (the columns its filters
 * name are carried in it), instead of reading every household or task of the
 * county. households_town_idx and households_village_idx stay: they answer the
 * counts of a county-wide search by stage or category (PostgreSQL 18 skips
 * through their leading column), which the county's index would read whole.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // A county's households, newest first, filtered by category or stage, with their count: the county's search.
  await sql`create index households_county_created_idx on households (county_id, created_at desc, id) include (category, stage)`.execute(db);
  // A town's households, newest first, with their count: the town's search, a county's search by town.
  await sql`create index households_town_created_idx on households (town_id, created_at desc, id) include (county_id, category, stage)`.execute(db);
  // A village's households, newest first, with their count: the village cadre's search, a search by village.
  await sql`create index households_village_created_idx on households (village_id, created_at desc, id) include (county_id, town_id, category, stage)`.execute(db);
  // A village group's households, newest first, with their count: the group's search, and the group's
  // due items and tasks (through its households) (replaces households_group_idx).
  await sql`create index households_group_created_idx on households (group_id, created_at desc, id) include (county_id, town_id, village_id, category, stage) where group_id is not null`.execute(db);
  await sql`drop index households_group_idx`.execute(db);

  // A county's tasks, soonest deadline first, by status, measure or deadline window, with their count: the county's task list.
  await sql`create index measure_tasks_county_due_idx on measure_tasks (county_id, due_at, id) include (town_id, village_id, status, measure)`.execute(db);
  // A town's tasks, soonest deadline first, with their count: the town's task list, a county's list by town.
  await sql`create index measure_tasks_town_due_idx on measure_tasks (town_id, due_at, id) include (county_id, village_id, status, measure)`.execute(db);
  // A village's tasks, soonest deadline first, with their count: the village cadre's task list, a list by village.
  await sql`create index measure_tasks_village_due_idx on measure_tasks (village_id, due_at, id) include (county_id, town_id, status, measure)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index measure_tasks_village_due_idx`.execute(db);
  await sql`drop index measure_tasks_town_due_idx`.execute(db);
  await sql`drop index measure_tasks_county_due_idx`.execute(db);
  await sql`create index households_group_idx on households (group_id) where group_id is not null`.execute(db);
  await sql`drop index households_group_created_idx`.execute(db);
  await sql`drop index households_village_created_idx`.execute(db);
  await sql`drop index households_town_created_idx`.execute(db);
  await sql`drop index households_county_created_idx`.execute(db);
}
