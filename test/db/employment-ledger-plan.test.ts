/**
 * The employment ledger 就业帮扶台账 reads each labourer's employment fact in
 * force on the quarter's last day. Without an index by member that look-up
 * scanned household_facts once per member (a county's first page took
 * minutes); migration 052's index answers it by member. Here: the fact in
 * force is the member's latest by day, then by recording, never a later-dated
 * one; and on a county of 1,500 households the page's plan reads
 * household_facts through the index only.
 */
import { Kysely, PostgresDialect, sql, type CompiledQuery } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { poolOf } from '../../db/kysely.js';
import { exportLedgersRepo } from '../../db/repositories/export-ledgers.js';
import { checkCharacter } from '../../domain/people/id-number.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';

let t: TestDatabase;
const HOUSEHOLDS = 1500;
const VILLAGES = [['990101001', '990101001201'], ['990101001', '990101001202'], ['990101002', '990101002201']] as const;
/** 990101, born 1980-01-0d, a three-digit sequence, the check character: unique for n < 9,000. */
const memberId = (n: number) => {
  const first17 = `9901011980010${Math.floor(n / 1000) + 1}${String(n % 1000).padStart(3, '0')}`;
  return `${first17}${checkCharacter(first17)}`;
};

let probe: string;

beforeAll(async () => {
  t = await createTestDatabase();
  const households = await t.owner
    .insertInto('households')
    .values(
      Array.from({ length: HOUSEHOLDS }, (_, i) => {
        const [town, village] = VILLAGES[i % VILLAGES.length]!;
        return { county_id: '990101', town_id: town, village_id: village, group_id: null, address: `测试地址${i}`, head_name: `户主${i}`, category: 'lifted_out' as const };
      }),
    )
    .returning(['id'])
    .execute();
  let n = 0;
  const members: { id: string; household_id: string }[] = [];
  for (let from = 0; from < households.length; from += 500) {
    const rows = households.slice(from, from + 500).flatMap((h) =>
      (['head', 'spouse', 'child'] as const).map((relation) => ({
        household_id: h.id,
        name: `${relation}${(n += 1)}`,
        id_number: memberId(n),
        birth_date: '1980-01-01',
        sex: 'male' as const,
        relation,
        labour_ability: 'capable' as const,
      })),
    );
    members.push(...(await t.owner.insertInto('household_members').values(rows).returning(['id', 'household_id']).execute()));
  }
  // Each member: employed at the application, not employed at a later visit, and one more fact of another kind.
  const facts = members.flatMap((m, i) => [
    { household_id: m.household_id, member_id: m.id, kind: 'employment' as const, year: null, value: JSON.stringify({ employed: true }), as_of: '2026-03-01', source: 'application' as const, source_key: 'application:1:1', entry_key: `a:${i}`, recorded_by: null, recorded_at: new Date('2026-03-01T02:00:00Z') },
    { household_id: m.household_id, member_id: m.id, kind: 'employment' as const, year: null, value: JSON.stringify({ employed: false }), as_of: '2026-08-10', source: 'visit' as const, source_key: 'visit:2026-08', entry_key: `v:${i}`, recorded_by: null, recorded_at: new Date('2026-08-10T02:00:00Z') },
    { household_id: m.household_id, member_id: m.id, kind: 'schooling' as const, year: null, value: JSON.stringify({ enrolled: false }), as_of: '2026-08-10', source: 'visit' as const, source_key: 'visit:2026-08', entry_key: `s:${i}`, recorded_by: null, recorded_at: new Date('2026-08-10T02:00:00Z') },
  ]);
  for (let from = 0; from < facts.length; from += 2000) await t.owner.insertInto('household_facts').values(facts.slice(from, from + 2000)).execute();
  // One member recorded twice on the same day (the later recording wins) and once after the quarter (not in force).
  probe = members[0]!.id;
  const one = members[0]!;
  await t.owner
    .insertInto('household_facts')
    .values([
      { household_id: one.household_id, member_id: one.id, kind: 'employment', year: null, value: JSON.stringify({ employed: true }), as_of: '2026-08-10', source: 'department', source_key: 'rsj:2026-08', entry_key: 'probe:late-recorded', recorded_by: null, recorded_at: new Date('2026-08-11T02:00:00Z') },
      { household_id: one.household_id, member_id: one.id, kind: 'employment', year: null, value: JSON.stringify({ employed: false }), as_of: '2026-10-05', source: 'visit', source_key: 'visit:2026-10', entry_key: 'probe:next-quarter', recorded_by: null, recorded_at: new Date('2026-10-05T02:00:00Z') },
    ])
    .execute();
  await sql`analyze household_facts, household_members, households`.execute(t.owner);
}, 120_000);
afterAll(async () => t?.destroy());

/** The statement the repository sends for a county's first page, as a Kysely logger sees it. */
async function firstPageStatement(): Promise<CompiledQuery> {
  const seen: CompiledQuery[] = [];
  const logged = new Kysely<Database>({ dialect: new PostgresDialect({ pool: poolOf(t.db) }), log: (event) => void seen.push(event.query) });
  await exportLedgersRepo(logged).labourers({ id: '990101', level: 'county' }, '2026-09-30', null, 1000);
  return seen[0]!;
}

type PlanNode = { 'Node Type': string; 'Relation Name'?: string; 'Index Name'?: string; Plans?: PlanNode[] };
const nodes = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodes)];

describe('the employment ledger’s facts in force', () => {
  it('is the member’s latest employment fact by day, then by recording, never one dated after the quarter', async () => {
    const rows = await exportLedgersRepo(t.db).labourers({ id: '990101', level: 'county' }, '2026-09-30', null, HOUSEHOLDS * 3);
    expect(rows).toHaveLength(HOUSEHOLDS * 3);
    const probed = rows.find((r) => r.id === probe)!;
    expect([probed.employed, probed.employed_as_of]).toEqual(['true', '2026-08-10']);
    const others = rows.filter((r) => r.id !== probe);
    expect(new Set(others.map((r) => `${r.employed} ${r.employed_as_of}`))).toEqual(new Set(['false 2026-08-10']));
    // Before the visit only the application's fact was in force.
    const march = await exportLedgersRepo(t.db).labourers({ id: '990101', level: 'county' }, '2026-03-31', null, 5);
    expect(march.map((r) => `${r.employed} ${r.employed_as_of}`)).toEqual(Array(5).fill('true 2026-03-01'));
  });

  it('reads household_facts through the member index, never by scanning it', async () => {
    const statement = await firstPageStatement();
    const explained = await poolOf(t.db).query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(`explain (format json) ${statement.sql}`, [...statement.parameters]);
    const facts = nodes(explained.rows[0]!['QUERY PLAN'][0].Plan).filter((n) => n['Relation Name'] === 'household_facts');
    expect(facts.length).toBeGreaterThan(0);
    expect(facts.map((n) => `${n['Node Type']} ${n['Index Name']}`)).toEqual(facts.map(() => expect.stringMatching(/^Index (Only )?Scan household_facts_member_latest_idx$/)));
  });
});
