import { sql, type Kysely } from 'kysely';
import { OPEN_TASK_STATUSES } from '../../domain/measures/tasks.js';
import type { Database } from '../database.js';

/** What the records show of one household for its risk colour (domain/monitoring/risk-colour.ts). */
export interface RiskFactRow {
  readonly id: string;
  readonly townId: string;
  readonly openWarningSince: Date | null;
  readonly belowMonitoring: boolean;
  readonly belowWarning: boolean;
  readonly hasMeasure: boolean;
  readonly overdueTask: boolean;
  readonly overdueItem: boolean;
}

/** The file's kinds that act on a warning: a case opened or joined (a plan confirmed counts too). */
const ACTION_EVENT_KINDS = ['identification.opened', 'identification.discovery_merged'];
const ASSESSED_KINDS = ['monitoring.assessed', 'identification.assessed'];

export function riskColoursRepo(db: Kysely<Database>) {
  return {
    /**
     * The facts of the county's households at `now` (or of the given ones only):
     * the oldest warning with no action since, the latest income assessment's
     * lines, whether any measure task exists, and open overdue tasks and items.
     * One query; each household's facts by correlated look-ups on its own rows.
     */
    async facts(countyId: string, now: Date, householdIds?: readonly string[]): Promise<RiskFactRow[]> {
      if (householdIds && householdIds.length === 0) return [];
      const { rows } = await sql<{
        id: string;
        town_id: string;
        open_warning_since: Date | null;
        below_monitoring: boolean;
        below_warning: boolean;
        has_measure: boolean;
        overdue_task: boolean;
        overdue_item: boolean;
      }>`
        select h.id, h.town_id,
          (select min(w.occurred_at) from household_events w
            where w.household_id = h.id and w.kind = 'monitoring.warning_raised' and w.occurred_at <= ${now}
              and not exists (select 1 from household_events a where a.household_id = h.id and a.kind in (${sql.join(ACTION_EVENT_KINDS)}) and a.occurred_at >= w.occurred_at)
              and not exists (select 1 from assistance_plans p where p.household_id = h.id and p.confirmed_at >= w.occurred_at)) as open_warning_since,
          coalesce((latest.payload -> 'summary' ->> 'belowMonitoring')::boolean, false) as below_monitoring,
          coalesce((latest.payload -> 'summary' ->> 'belowWarning')::boolean, false) as below_warning,
          exists (select 1 from measure_tasks k where k.household_id = h.id and k.status not in ('cancelled', 'handed_back')) as has_measure,
          exists (select 1 from measure_tasks k where k.household_id = h.id and k.status in (${sql.join([...OPEN_TASK_STATUSES])}) and k.due_at <= ${now}) as overdue_task,
          exists (select 1 from due_items d where d.household_id = h.id and d.status = 'open' and d.due_at <= ${now}) as overdue_item
        from households h
        left join lateral (
          select e.payload from household_events e
          where e.household_id = h.id and e.kind in (${sql.join(ASSESSED_KINDS)})
          order by e.occurred_at desc, e.id desc limit 1
        ) latest on true
        where h.county_id = ${countyId}
          ${householdIds ? sql`and h.id in (${sql.join(householdIds.map((id) => sql`${id}::uuid`))})` : sql``}`.execute(db);
      return rows.map((r) => ({
        id: r.id,
        townId: r.town_id,
        openWarningSince: r.open_warning_since,
        belowMonitoring: r.below_monitoring,
        belowWarning: r.below_warning,
        hasMeasure: r.has_measure,
        overdueTask: r.overdue_task,
        overdueItem: r.overdue_item,
      }));
    },
  };
}
