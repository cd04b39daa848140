/**
 * Bulk load for the household-search and task-list benchmark, set-based
 * (generate_series): the benchmark county (bench/support/load.ts) and 100,000
 * households registered over six years (a fifth of them in their village's
 * first import, at one shared time), about 300,000 members (some of whom have
 * left), and the assistance plans of two households in five with about 100,000
 * department tasks; a neighbouring county of 1,000 households lies outside every scope.
 * Names, shares and dates come from a hash of each row's number, not from
 * random(), so that every run loads the same rows.
 */
import pg from 'pg';
import { COUNTY_ID, COUNTY_PLACES, SESSION, TOWNS, VILLAGES_PER_TOWN, bulkLoad, withNow, type LoadStep } from '../support/load.js';
import { BASELINE_SCHEMA } from '../support/run.js';

export const NEIGHBOUR_COUNTY_ID = '990102';
export const HOUSEHOLDS = 100_000;
export const NEIGHBOUR_HOUSEHOLDS = 1_000;
/** The benchmark's clock: 18 December 2026, 14:00 in Asia/Shanghai. */
export const NOW = new Date('2026-12-18T06:00:00Z');

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹';
const GIVEN = '秀英华明国建军平伟芳玉兰桂红春文德志海云金成福荣良珍凤梅永学生林强勇丽霞娟勤富贵';
/** Measure codes of the catalogue with the code of the department that leads each. */
const MEASURES: ReadonlyArray<readonly [string, string]> = [
  ['industry', 'ny'],
  ['employment', 'rs'],
  ['dibao_pension', 'mz'],
  ['medical', 'yb'],
  ['education', 'jy'],
  ['housing', 'zj'],
  ['drinking_water', 'sl'],
  ['microcredit', 'xczx'],
  ['safety_net', 'mz'],
  ['motivation', 'xcb'],
  ['insurance', 'xczx'],
];

/**
 * The tables the baseline's queries read from the baseline schema, copied with
 * the indexes they had before migration 013 and none of the later ones (the
 * other tables they join are read from public).
 */
const BASELINE_TABLES = ['households', 'household_members', 'measure_tasks'] as const;

/**
 * Loads the places, households, members, plans and tasks (on the schema before
 * migration 013) and copies the baseline's tables into the baseline schema;
 * answers whether the foreign-key checks were skipped (see bulkLoad).
 */
export async function loadHouseholds(url: string, onStep: (step: LoadStep) => void): Promise<{ foreignKeysChecked: boolean }> {
  const villages = TOWNS * VILLAGES_PER_TOWN;
  return bulkLoad(url, onStep, async (step) => {
    await step('places', [
      ...SESSION,
      // A person's name from a key: a surname (the common ones more often) and one or two given characters.
      `create function pg_temp.person(k bigint) returns text language sql immutable parallel safe
         as $$ select substr('${SURNAMES}', 1 + floor(${SURNAMES.length} * power(pg_temp.u(k), 2))::int, 1)
                   || substr('${GIVEN}', 1 + floor(${GIVEN.length} * pg_temp.u(k + 1000000000))::int, 1)
                   || case when pg_temp.u(k + 2000000000) < 0.7 then substr('${GIVEN}', 1 + floor(${GIVEN.length} * pg_temp.u(k + 3000000000))::int, 1) else '' end $$`,
      // The neighbour county before the county's places, which give every village its groups.
      `insert into jurisdictions (id, parent_id, level, name) values
         ('${NEIGHBOUR_COUNTY_ID}', null, 'county', '邻县'),
         ('${NEIGHBOUR_COUNTY_ID}001', '${NEIGHBOUR_COUNTY_ID}', 'town', '邻县第1乡镇'),
         ('${NEIGHBOUR_COUNTY_ID}001201', '${NEIGHBOUR_COUNTY_ID}001', 'village', '邻县第1乡镇第1村'),
         ('${NEIGHBOUR_COUNTY_ID}001202', '${NEIGHBOUR_COUNTY_ID}001', 'village', '邻县第1乡镇第2村')
       on conflict (id) do nothing`,
      ...COUNTY_PLACES,
      // The county's villages numbered 0..299, then the neighbour's two.
      `create temp table bench_villages as
       select (row_number() over (order by id) - 1)::int as n, id, parent_id as town_id, left(id, 6) as county_id,
              timestamptz '2021-03-01 09:00+08' + (row_number() over (order by id)) * interval '1 day' as imported_at
       from jurisdictions where level = 'village' and (id like '${COUNTY_ID}%' or id like '${NEIGHBOUR_COUNTY_ID}%')`,
    ]);

    await step('households', withNow(NOW, [
      // Village sizes vary (about 80 to 1,250 households): the village number is skewed towards the first villages.
      `create temp table bench_h as
       select i as n, md5('household:' || i)::uuid as id, v.county_id, v.town_id, v.id as village_id,
              case when pg_temp.u(1000000 + i) < 0.05 then null else v.id || '00' || (1 + i % 3) end as group_id,
              case when pg_temp.u(2000000 + i) < 0.2 then v.imported_at
                   else date_trunc('minute', timestamptz '2021-03-01 00:00+08' + pg_temp.u(3000000 + i) * ($1::timestamptz - timestamptz '2021-03-01 00:00+08')) end as created_at
       from generate_series(0, ${HOUSEHOLDS + NEIGHBOUR_HOUSEHOLDS - 1}) i
       join bench_villages v on v.n = case when i < ${HOUSEHOLDS} then least(${villages - 1}, floor(${villages} * power(pg_temp.u(i), 1.3))::int)
                                           else ${villages} + i % 2 end`,
      `insert into households (id, county_id, town_id, village_id, group_id, address, head_name, category, stage, created_at, updated_at)
       select h.id, h.county_id, h.town_id, h.village_id, h.group_id, h.village_id || ' 门牌' || h.n || '号', pg_temp.person(h.n::bigint * 8),
              case when c.u < 0.5 then 'lifted_out' when c.u < 0.7 then 'unstable' when c.u < 0.9 then 'marginal' else 'sudden_hardship' end,
              case when s.u < 0.05 then 'registered' when s.u < 0.08 then 'identifying' when s.u < 0.68 then 'monitoring' when s.u < 0.98 then 'eliminated' else 'not_included' end,
              h.created_at, h.created_at
       from bench_h h
       cross join lateral (select pg_temp.u(4000000 + h.n) as u) c
       cross join lateral (select pg_temp.u(5000000 + h.n) as u) s
       order by h.created_at, h.n`,
    ]));

    await step('members', [
      // One to five members; the first is the head (the household's head_name); one in sixteen of the others has left.
      `insert into household_members (household_id, name, id_number, birth_date, sex, relation, labour_ability, joined_at, left_at)
       select h.id, pg_temp.person(h.n::bigint * 8 + j),
              '41' || lpad((h.n::bigint * 8 + j)::text, 16, '0'),
              date '1950-01-01' + floor(pg_temp.u(6000000 + h.n * 8 + j) * 25000)::int,
              case when pg_temp.u(7000000 + h.n * 8 + j) < 0.5 then 'male' else 'female' end,
              case when j = 0 then 'head' else (array['spouse', 'child', 'child', 'parent', 'grandchild', 'sibling', 'other'])[1 + (h.n + j) % 7] end,
              (array['capable', 'capable', 'weak', 'partial', 'none'])[1 + (h.n * 3 + j) % 5],
              h.created_at,
              case when j > 0 and pg_temp.u(8000000 + h.n * 8 + j) < 0.0625 then h.created_at + interval '200 days' end
       from bench_h h
       cross join lateral generate_series(0, floor(pg_temp.u(9000000 + h.n) * 5)::int) j
       order by h.created_at, h.n, j`,
    ]);

    await step('plans and tasks', [
      `create temp table bench_measures (n int, code text, department_id uuid)`,
      [
        `insert into bench_measures select m.n - 1, m.code, d.id
         from unnest($1::text[], $2::text[]) with ordinality m(code, department, n)
         join departments d on d.county_id = '${COUNTY_ID}' and d.code = m.department`,
        [MEASURES.map(([code]) => code), MEASURES.map(([, department]) => department)],
      ],
      // Two households in five have a plan, a quarter of those a second one, confirmed after registration and before now
      // (the neighbour county's tasks go to this county's departments: they only need to lie outside its scopes).
      [
        `create temp table bench_plans as
         select h.id as household_id, h.n, p.plan_no, h.county_id, h.town_id, h.village_id,
                greatest(h.created_at, timestamptz '2024-01-01 00:00+08') + (p.plan_no - 1 + pg_temp.u(10000000 + h.n * 2 + p.plan_no)) / 2
                  * ($1::timestamptz - interval '10 days' - greatest(h.created_at, timestamptz '2024-01-01 00:00+08')) as confirmed_at
         from bench_h h
         cross join generate_series(1, 2) p(plan_no)
         where pg_temp.u(11000000 + h.n) < 0.4 and (p.plan_no = 1 or pg_temp.u(12000000 + h.n) < 0.25)`,
        [NOW],
      ],
      `insert into assistance_plans (household_id, plan_no, plan_key, drawn_by, confirmed_at, measures, recorded_at)
       select p.household_id, p.plan_no, 'plan-' || p.household_id || '-' || p.plan_no,
              (select id from users where username = 'xian.xczx'), p.confirmed_at, '[]'::jsonb, p.confirmed_at
       from bench_plans p order by p.confirmed_at`,
      // One to three measures a plan, due 20 to 60 days after; past their deadline most are completed, some handed back, cancelled or overdue.
      [
        `insert into measure_tasks (task_key, household_id, plan_no, county_id, town_id, village_id, measure, department_id, required, status,
                                    assigned_at, assigned_by, due_at, completed_at, late, handed_back_at, hand_back_reason, hand_back_text,
                                    escalation_level, overdue_at, updated_at)
         select 'task-' || p.household_id || '-' || p.plan_no || '-' || m.code || '-1', p.household_id, p.plan_no, p.county_id, p.town_id, p.village_id,
                m.code, m.department_id, x.k = 0, s.status, p.confirmed_at, null, x.due_at,
                case when s.status = 'completed' then least($1::timestamptz, p.confirmed_at + (0.2 + s.u2) * (x.due_at - p.confirmed_at)) end,
                s.status = 'completed' and s.u2 > 0.8 and x.due_at < $1,
                case when s.status = 'handed_back' then x.due_at - interval '5 days' end,
                case when s.status = 'handed_back' then 'not_eligible' end,
                case when s.status = 'handed_back' then '不符合条件' end,
                case when s.status in ('assigned', 'accepted', 'in_progress') and x.due_at < $1 then 1 else 0 end,
                case when s.status in ('assigned', 'accepted', 'in_progress') and x.due_at < $1 then x.due_at end,
                p.confirmed_at
         from bench_plans p
         cross join lateral generate_series(0, floor(pg_temp.u(13000000 + p.n * 2 + p.plan_no) * 3)::int) k
         cross join lateral (select k as k, (floor(pg_temp.u(14000000 + p.n * 2 + p.plan_no) * ${MEASURES.length})::int + k) % ${MEASURES.length} as measure_n,
                                    p.confirmed_at + (20 + floor(pg_temp.u(15000000 + p.n * 8 + p.plan_no * 3 + k) * 41)::int) * interval '1 day' as due_at) x
         join bench_measures m on m.n = x.measure_n
         cross join lateral (select pg_temp.u(16000000 + p.n * 8 + p.plan_no * 3 + x.k) as u, pg_temp.u(17000000 + p.n * 8 + p.plan_no * 3 + x.k) as u2) r
         cross join lateral (select r.u2,
                                    case when x.due_at < $1 then (case when r.u < 0.82 then 'completed' when r.u < 0.87 then 'handed_back' when r.u < 0.89 then 'cancelled'
                                                                       when r.u < 0.93 then 'assigned' when r.u < 0.97 then 'accepted' else 'in_progress' end)
                                         else (case when r.u < 0.35 then 'completed' when r.u < 0.6 then 'assigned' when r.u < 0.8 then 'accepted' else 'in_progress' end) end as status) s
         order by p.confirmed_at, p.household_id, x.k`,
        [NOW],
      ],
    ]);

    await step(`baseline copy (${BASELINE_SCHEMA}: ${BASELINE_TABLES.join(', ')} with their indexes before migration 013)`, [
      `create schema ${BASELINE_SCHEMA}`,
      ...BASELINE_TABLES.flatMap((table) => [
        `create table ${BASELINE_SCHEMA}.${table} (like public.${table} including defaults including indexes)`,
        `insert into ${BASELINE_SCHEMA}.${table} select * from public.${table}`,
      ]),
    ]);
  });
}

/** VACUUM as autovacuum would have by now (visibility map, hint bits), then fresh statistics. */
export async function vacuumAnalyze(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('vacuum (analyze) jurisdictions, departments, users, households, household_members, assistance_plans, measure_tasks');
    await client.query(`vacuum (analyze) ${BASELINE_TABLES.map((table) => `${BASELINE_SCHEMA}.${table}`).join(', ')}`);
  } finally {
    await client.end();
  }
}
