import { sql, type Kysely } from 'kysely';
import type { Database } from '../database.js';
import { inPlace, type PlaceLevel } from './jurisdictions.js';
import { afterPlace, headIdNumber, latestRiskCauses, memberCount, type PlaceKey } from './household-cells.js';

export interface RosterRow {
  readonly id: string;
  readonly town_name: string;
  readonly village_name: string;
  readonly head_name: string;
  readonly head_id_number: string | null;
  readonly members: string;
  readonly category: string;
  readonly stage: string;
  readonly address: string;
  readonly risk_causes: unknown;
  readonly entered_at: Date | null;
}

/**
 * The roster of monitoring objects 监测对象台账 of a place, one page at a time
 * in town, village and household order (keyset: memory does not grow with
 * the county). Risk causes from the latest county decision, or from the
 * import that carried the household over; the entry date from its file's first entry.
 */
export function rosterPage(db: Kysely<Database>, within: { id: string; level: PlaceLevel | undefined }, after: PlaceKey | null, limit: number) {
  return db
    .selectFrom('households as h')
    .innerJoin('jurisdictions as t', 't.id', 'h.town_id')
    .innerJoin('jurisdictions as v', 'v.id', 'h.village_id')
    .select([
      'h.id',
      't.name as town_name',
      'v.name as village_name',
      'h.head_name',
      'h.category',
      'h.stage',
      'h.address',
      headIdNumber.as('head_id_number'),
      memberCount.as('members'),
      latestRiskCauses.as('risk_causes'),
      sql<Date | null>`(select min(e.occurred_at) from household_events e where e.household_id = h.id and e.kind = 'household.registered')`.as('entered_at'),
    ])
    .where(inPlace(within.id, within.level, { county: 'h.county_id', town: 'h.town_id', village: 'h.village_id', group: { column: 'h.group_id' } }))
    .where('h.category', '<>', 'lifted_out')
    .where(afterPlace(after, 'h.id'))
    .orderBy('t.name')
    .orderBy('v.name')
    .orderBy('h.id')
    .limit(limit)
    .execute() as Promise<RosterRow[]>;
}
