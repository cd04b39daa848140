/**
 * The generated county of the month benchmark: the demo county grown to 20
 * towns × 15 villages (bench/support/load.ts), a village cadre per village (its
 * 帮扶责任人 for the village's households), and for each subject its own N
 * monitoring objects 监测对象, spread over the villages, each with last month's
 * monthly update still open in the register. Ids come from a hash of the
 * subject and the household's number, so every run loads the same rows.
 */
import { createHash } from 'node:crypto';
import pg from 'pg';
import { COUNTY_ID, COUNTY_PLACES } from '../support/load.js';

/** What a set of households is run through: the household workflow, the bare engine's, or the SQL batch. */
export type Subject = 'household' | 'bare' | 'sql';

/** Every tenth household sends no update: its item goes overdue at the deadline. */
export const isRest = (i: number): boolean => i % 10 === 0;

export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** The county's places and cadres, and the bare engine's one-row table (once per run, as the owner). */
export async function loadCounty(ownerUrl: string): Promise<void> {
  await withClient(ownerUrl, async (client) => {
    for (const statement of COUNTY_PLACES) await client.query(statement);
    await client.query(
      `insert into users (username, display_name, password_hash, role, jurisdiction_id)
       select 'bench.' || v.id, v.name || ' 村干部', 'bench-no-login', 'village_cadre', v.id
       from jurisdictions v
       where v.level = 'village' and v.id like $1 || '%'
       on conflict do nothing`,
      [COUNTY_ID],
    );
    await client.query(`create table if not exists bench_steps (household_id uuid not null, step text not null, at timestamptz not null)`);
  });
}

export interface LoadedHousehold {
  readonly index: number;
  readonly id: string;
  readonly townId: string;
  readonly villageId: string;
  readonly cadreUserId: string;
}

/**
 * N households of the subject, registered `openedAt`, in monitoring; for the
 * household workflow and the SQL batch also last month's monthly update open in
 * the register with its deadline at `deadline`.
 */
export async function loadHouseholds(
  ownerUrl: string,
  options: { subject: Subject; prefix: string; households: number; openedAt: Date; lastMonth: string; deadline: Date },
): Promise<LoadedHousehold[]> {
  return withClient(ownerUrl, async (client) => {
    await client.query('begin');
    const { rows } = await client.query<{ id: string; town_id: string; village_id: string; cadre: string }>(
      `with v as (
         select v.id, v.parent_id, v.name, u.id as cadre, row_number() over (order by v.id) - 1 as k, count(*) over () as n
         from jurisdictions v join users u on u.username = 'bench.' || v.id
         where v.level = 'village' and v.id like $1 || '%'
       )
       insert into households (id, county_id, town_id, village_id, address, head_name, category, stage, created_at, updated_at, responsible_user_id)
       select md5($2 || ':' || i)::uuid, $1, v.parent_id, v.id, v.name || i || '号', '户主' || i, 'unstable', 'monitoring', $3, $3, v.cadre
       from generate_series(0, $4::int - 1) i join v on v.k = i % v.n
       returning id, town_id, village_id, responsible_user_id as cadre`,
      [COUNTY_ID, options.prefix, options.openedAt, options.households],
    );
    if (options.subject !== 'bare') {
      await client.query(
        `insert into due_items (item_key, kind, county_id, town_id, village_id, household_id, responsible_user_id, period, due_at, opened_at)
         select 'household:' || h.id || ':monthly_update:' || $2, 'monthly_update', h.county_id, h.town_id, h.village_id, h.id, h.responsible_user_id, $2, $3, $4
         from households h
         where h.id = any($1::uuid[])`,
        [rows.map((r) => r.id), options.lastMonth, options.deadline, options.openedAt],
      );
    }
    await client.query('commit');
    const byId = new Map(rows.map((r) => [r.id, r]));
    return Array.from({ length: options.households }, (_, index) => {
      const id = householdId(options.prefix, index);
      const row = byId.get(id);
      if (!row) throw new Error(`household ${index} of ${options.prefix} was not loaded`);
      return { index, id, townId: row.town_id, villageId: row.village_id, cadreUserId: row.cadre };
    });
  });
}

/** md5(prefix:i) as a uuid, as the load makes it. */
export function householdId(prefix: string, index: number): string {
  const hex = createHash('md5').update(`${prefix}:${index}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
