import { sql, type Kysely } from 'kysely';

/**
 * The immediate screening of an area 突发情况排查 becomes a campaign of the
 * special inspection machinery (issue 16, item 7): a campaign has a kind — an
 * inspection 专项督查, or a screening whose checks are the area's visits
 * (items of kind `screening_visit`, which a household's visit answers). Its
 * area may now be a village as well as the county or a town; a town's officers
 * order campaigns of their own town. Screenings ordered before stay in
 * screening_campaigns with their own workflow.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('inspection_campaigns')
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('inspection').check(sql`kind in ('inspection', 'screening')`))
    .execute();
  // The campaigns of a town's area (its own and its villages'), newest first: a town's list.
  await sql`create index inspection_campaigns_area_idx on inspection_campaigns (area_id, launched_at)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index inspection_campaigns_area_idx`.execute(db);
  await db.schema.alterTable('inspection_campaigns').dropColumn('kind').execute();
}
