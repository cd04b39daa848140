/**
 * Bulk load for the deadline-register benchmark, set-based (generate_series):
 * the benchmark county (bench/support/load.ts), 100,000 households, and a year
 * of the register — every household's monthly update and visit (2.4 million
 * items), measure tasks of departments, the departments' and towns' own items
 * and one immediate screening. The shares (done, open, overdue by age, who is
 * responsible) come from a hash of each row's number, not from random().
 */
import { COUNTY_ID, COUNTY_PLACES, SESSION, TOWNS, VILLAGES_PER_TOWN, bulkLoad, withNow, type LoadStep } from '../support/load.js';
import { BASELINE_SCHEMA } from '../support/run.js';

export const HOUSEHOLDS = 100_000;
/** The benchmark's clock: 18 December 2026, 14:00 in Asia/Shanghai; December's items are open and not due yet. */
export const NOW = new Date('2026-12-18T06:00:00Z');

/**
 * Loads the county and its register, and copies due_items without any of its
 * indexes into the baseline schema; answers whether the foreign-key checks
 * were skipped (see bulkLoad).
 */
export async function loadRegister(url: string, onStep: (step: LoadStep) => void): Promise<{ foreignKeysChecked: boolean }> {
  return bulkLoad(url, onStep, async (step) => {
    await step('jurisdictions', [
      ...SESSION,
      ...COUNTY_PLACES,
      // Villages numbered 0..299, each with a propensity to let items run overdue: most near or below 1, a few lax ones up to 3.
      `create temp table bench_villages as
       select (row_number() over (order by id) - 1)::int as n, id, parent_id as town_id,
              0.25 + 2.75 * power(pg_temp.u(7777 + row_number() over (order by id)), 3) as factor
       from jurisdictions where level = 'village' and id like '${COUNTY_ID}%'`,
    ]);

    await step('households', [
      // Village sizes vary (about 250 to 1,250 households): the village index is skewed towards the first villages.
      `insert into households (county_id, town_id, village_id, group_id, address, head_name, category, stage, created_at, updated_at)
       select '${COUNTY_ID}', v.town_id, v.id, v.id || '00' || (1 + i % 3), v.id || ' 门牌' || i || '号', '户主' || i,
              (array['lifted_out', 'lifted_out', 'lifted_out', 'unstable', 'marginal', 'sudden_hardship'])[1 + i % 6],
              case when i % 9 = 0 then 'eliminated' else 'monitoring' end,
              timestamptz '2025-12-01 00:00+08', timestamptz '2025-12-01 00:00+08'
       from generate_series(0, ${HOUSEHOLDS - 1}) i
       join bench_villages v on v.n = least(${TOWNS * VILLAGES_PER_TOWN - 1}, floor(${TOWNS * VILLAGES_PER_TOWN} * power(pg_temp.u(i), 1.3))::int)`,
      // Households numbered in the order of their (random) ids: a month's items are opened in no particular village order.
      `create temp table bench_h as
       select (row_number() over (order by h.id) - 1)::int as n, h.id, h.county_id, h.town_id, h.village_id, v.factor,
              (select u.id from users u where u.jurisdiction_id = h.village_id and u.role = 'village_cadre' order by u.username limit 1) as cadre
       from households h join bench_villages v on v.id = h.village_id
       order by n`,
      `create temp table bench_months as
       select m, to_char(date '2026-01-01' + make_interval(months => m), 'YYYY-MM') as period,
              -- Due by the end of the 25th, Beijing time.
              (date '2026-01-26' + make_interval(months => m))::timestamp at time zone 'Asia/Shanghai' as due_at,
              (date '2026-01-01' + make_interval(months => m))::timestamp at time zone 'Asia/Shanghai' as opened_at,
              -- Share left overdue: 4 % of last month's items, fewer the older the month.
              case when m = 11 then 0 else 0.04 / power(11 - m, 0.9) end as overdue_rate
       from generate_series(0, 11) m`,
    ]);

    // One statement per month, in month order: the table is laid out as the workflows fill it, month after month.
    const monthly: Array<[string, unknown[]]> = [];
    for (let m = 0; m < 12; m++) {
      monthly.push([
        `insert into due_items (item_key, kind, county_id, town_id, village_id, household_id, responsible_user_id, period, due_at, opened_at, overdue_at, done_at, status)
         select 'household:' || h.id || ':' || k.kind || ':' || p.period, k.kind, h.county_id, h.town_id, h.village_id, h.id,
                case when h.cadre is not null and r.u2 < 0.3 then h.cadre end,
                p.period, p.due_at, p.opened_at,
                case when (s.st = 'open' and p.due_at < $2 and not (p.m = 10 and r.u2 > 0.9)) or (s.st = 'done' and r.u3 < 0.03) then p.due_at + interval '5 minutes' end,
                case when s.st <> 'done' then null
                     when p.m = 11 then p.opened_at + r.u3 * ($2 - p.opened_at)
                     when r.u3 < 0.03 then p.due_at + (1 + r.u3 * 10000) * interval '1 hour'
                     else p.due_at - (1 + r.u3 * 500) * interval '1 hour' end,
                s.st
         from bench_months p
         cross join (values ('monthly_update', 0), ('monthly_visit', 1)) k(kind, kn)
         cross join bench_h h
         cross join lateral (select pg_temp.u(h.n::bigint * 24 + p.m * 2 + k.kn) as u,
                                    pg_temp.u(10000000 + h.n::bigint * 24 + p.m * 2 + k.kn) as u2,
                                    pg_temp.u(20000000 + h.n::bigint * 24 + p.m * 2 + k.kn) as u3) r
         cross join lateral (select case when p.m = 11 then (case when r.u < 0.4 then 'done' else 'open' end)
                                         when r.u < least(0.5, p.overdue_rate * h.factor) then 'open'
                                         when r.u > 0.998 then 'cancelled'
                                         else 'done' end as st) s
         where p.m = $1
         order by h.n, k.kn`,
        [m, NOW],
      ]);
    }
    await step('register: 12 months × 2 items × 100,000 households', monthly);

    await step('department, town and screening items', withNow(NOW, [
      `create temp table bench_departments as
       select (row_number() over (order by code) - 1)::int as n, id, code from departments where county_id = '${COUNTY_ID}'`,
      // A measure task for one household in ten, handed to a department; 8 % of the past ones overdue.
      `insert into due_items (item_key, kind, county_id, town_id, village_id, household_id, department_id, due_at, opened_at, overdue_at, done_at, status)
       select 'measure-task:' || h.id, 'measure_task', h.county_id, h.town_id, h.village_id, h.id, d.id, x.due_at, p.opened_at,
              case when x.st = 'open' and x.due_at < $1 then x.due_at + interval '5 minutes' end,
              case when x.st = 'done' then least($1, x.due_at - interval '2 days') end, x.st
       from bench_h h
       join bench_months p on p.m = (h.n / 10) % 12
       join bench_departments d on d.n = (h.n / 10) % 15
       cross join lateral (select p.opened_at + (10 + 20 * pg_temp.u(30000000 + h.n)) * interval '1 day' as due_at) y
       cross join lateral (select y.due_at,
                                  case when pg_temp.u(40000000 + h.n) < (case when y.due_at > $1 then 0.7 else 0.08 end) then 'open' else 'done' end as st) x
       where h.n % 10 = 0`,
      // The departments' monthly data comparison: county items of a department, no town.
      `insert into due_items (item_key, kind, county_id, department_id, period, due_at, opened_at, overdue_at, done_at, status)
       select 'department:' || d.code || ':department_data_comparison:' || p.period, 'department_data_comparison', '${COUNTY_ID}', d.id, p.period,
              p.due_at - interval '10 days', p.opened_at, null,
              case when p.m < 11 then p.due_at - interval '12 days' end, case when p.m < 11 then 'done' else 'open' end
       from bench_departments d cross join bench_months p`,
      // The towns' monthly report and quarterly screening: town items, no village.
      `insert into due_items (item_key, kind, county_id, town_id, period, due_at, opened_at, overdue_at, done_at, status)
       select 'town:' || t.id || ':' || k.kind || ':' || p.period, k.kind, '${COUNTY_ID}', t.id, p.period, p.due_at - interval '20 days', p.opened_at,
              case when x.st = 'open' and p.due_at - interval '20 days' < $1 then p.due_at - interval '20 days' end,
              case when x.st = 'done' then p.due_at - interval '21 days' end, x.st
       from jurisdictions t
       cross join bench_months p
       cross join (values ('town_monthly_report'), ('town_quarterly_screening')) k(kind)
       cross join lateral (select case when p.due_at - interval '20 days' > $1 or pg_temp.u(hashtext(t.id || k.kind || p.period)) < 0.03 then 'open' else 'done' end as st) x
       where t.level = 'town' and t.parent_id = '${COUNTY_ID}' and (k.kind = 'town_monthly_report' or p.m % 3 = 2)`,
      // One immediate screening of a town in August, 1.5 % of its visits still open.
      `insert into screening_campaigns (county_id, area_id, reason, ordered_by, ordered_at, due_at, household_count)
       select '${COUNTY_ID}', '${COUNTY_ID}005', '暴雨灾后排查', u.id, timestamptz '2026-08-03 09:00+08', timestamptz '2026-08-13 00:00+08',
              (select count(*) from households where town_id = '${COUNTY_ID}005')
       from users u where u.username = 'xian.xczx'`,
      `insert into due_items (item_key, kind, county_id, town_id, village_id, household_id, due_at, opened_at, overdue_at, done_at, status, campaign_id)
       select 'screening:' || c.id || ':' || h.id, 'screening_visit', h.county_id, h.town_id, h.village_id, h.id, c.due_at, c.ordered_at, x.overdue_at, x.done_at, x.st, c.id
       from screening_campaigns c
       join bench_h h on h.town_id = c.area_id
       cross join lateral (select case when pg_temp.u(50000000 + h.n) < 0.015 then 'open' else 'done' end as st) s
       cross join lateral (select s.st, case when s.st = 'open' then c.due_at end as overdue_at,
                                  case when s.st = 'done' then c.due_at - interval '3 days' end as done_at) x`,
    ]));

    await step(`baseline copy (${BASELINE_SCHEMA}.due_items, no index)`, [
      `create schema ${BASELINE_SCHEMA}`,
      `create table ${BASELINE_SCHEMA}.due_items as select * from public.due_items`,
    ]);

    // VACUUM as autovacuum would have by now (visibility map, hint bits), then fresh statistics.
    await step('vacuum (analyze)', [
      'vacuum (analyze) jurisdictions, departments, users, households, public.due_items',
      `vacuum (analyze) ${BASELINE_SCHEMA}.due_items`,
    ]);
  });
}
