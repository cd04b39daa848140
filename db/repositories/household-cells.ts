import { sql, type RawBuilder, type SqlBool } from 'kysely';

/*
 * Columns the place ledgers and the roster show for each household, as subqueries
 * over `households as h` (joined to its town `t` and village `v`).
 */

/** The head's ID number (the head still in the household). */
export const headIdNumber = sql<string | null>`(select m.id_number from household_members m where m.household_id = h.id and m.relation = 'head' and m.left_at is null limit 1)`;

/** How many members are still in the household. */
export const memberCount = sql<string>`(select count(*) from household_members m where m.household_id = h.id and m.left_at is null)`;

/** The summary of the household's latest recorded assessment (identification or monthly), for a household column given by name ('h.id', 'households.id'). */
export const latestAssessmentOf = (householdId: string) =>
  sql<unknown>`(select e.payload -> 'summary' from household_events e where e.household_id = ${sql.ref(householdId)} and e.kind in ('identification.assessed', 'monitoring.assessed') order by e.occurred_at desc, e.id desc limit 1)`;

/** The risk causes of the latest county decision, or of the import that carried the household over. */
export const latestRiskCauses = sql<unknown>`(select e.payload -> 'riskCauses' from household_events e where e.household_id = h.id and e.kind in ('identification.approved', 'household.imported') order by e.occurred_at desc, e.id desc limit 1)`;

/** Where a place's households are read in town, village and household order, one page at a time. */
export interface PlaceKey {
  readonly townName: string;
  readonly villageName: string;
  readonly id: string;
}

/** The rows after `after` in (town name, village name, `third`) order; every row when `after` is null. */
export const afterPlace = (after: PlaceKey | null, third: string): RawBuilder<SqlBool> =>
  after ? sql<SqlBool>`(t.name, v.name, ${sql.ref(third)}) > (${after.townName}, ${after.villageName}, ${after.id}::uuid)` : sql<SqlBool>`true`;
