/**
 * The what-if 试算 at county scale (issue 17, item 7): Xinfeng's November 2023
 * warning line (10,600 → 10,800, seed 003) run in shadow over 50,000 generated
 * households, each with a stored re-runnable assessment of October 2023; the
 * baseline, measured in the same run, is a plain read of the same rows (the
 * same keyset statements, nothing computed).
 *
 *   npm run bench:what-if [-- --households=50000]
 */
import { sql } from 'kysely';
import { runWhatIf, WHAT_IF_BATCH } from '../api/services/what-if.js';
import { caseloadRepo } from '../db/repositories/caseload.js';
import { migrateToLatest } from '../db/migrate.js';
import { policyProfilesRepo } from '../db/repositories/policy-profiles.js';
import { deriveAssessment, type AssessmentInputs } from '../domain/fidelity/summary.js';
import { seedDemo } from './support/load.js';
import { runBenchmark, write } from './support/run.js';
import { BEFORE_NOVEMBER, xinfengNovember2023 } from '../test/helpers/xinfeng-november.js';

const HOUSEHOLDS = Number(process.argv.find((a) => a.startsWith('--households='))?.split('=')[1] ?? 50_000);
const COUNTY = '990101';
const ID = 'xinfeng-bench';
const { before, draft } = xinfengNovember2023(ID);
const MONTHS = BEFORE_NOVEMBER;
const NO_THREATS = { food: false, clothing: false, compulsoryEducation: false, basicMedical: false, safeHousing: false, drinkingWater: false };

await runBenchmark(`bench:what-if — ${HOUSEHOLDS.toLocaleString('en-US')} households, Xinfeng's November 2023 line as a draft`, async ({ db }) => {
  await migrateToLatest(db);
  await seedDemo(db);
  await policyProfilesRepo(db).addMissing([{ id: ID, version: 1, effectiveFrom: before.effectiveFrom, countyName: before.countyName, body: JSON.parse(JSON.stringify(before)) }]);
  await db.updateTable('jurisdictions').set({ policy_profile_id: ID }).where('id', '=', COUNTY).execute();
  const villages = await db.selectFrom('jurisdictions').select(['id', 'parent_id']).where('level', '=', 'village').where('id', 'like', `${COUNTY}%`).execute();
  const categories = ['lifted_out', 'unstable', 'marginal', 'sudden_hardship'] as const;

  const loadStarted = performance.now();
  for (let start = 0; start < HOUSEHOLDS; start += 1000) {
    const n = Math.min(1000, HOUSEHOLDS - start);
    const rows = Array.from({ length: n }, (_, k) => {
      const i = start + k;
      const village = villages[i % villages.length]!;
      return { county_id: COUNTY, town_id: village.parent_id!, village_id: village.id, group_id: null, address: `${village.id}-${i}`, head_name: `户主${i}`, category: categories[i % 4]! };
    });
    const inserted = await db.insertInto('households').values(rows).returning('id').execute();
    const events = inserted.map(({ id }, k) => {
      const wage = 840 + ((start + k) * 7) % 200; // per capita 10,080 … 12,468
      const inputs: AssessmentInputs = {
        profileId: ID,
        profileVersion: 1,
        period: '2023-10',
        incomeWindowEnd: '2023-10',
        membersSource: 'survey',
        labour: ['full'],
        incomeRecords: MONTHS.map((period) => ({ period, kind: 'wages', yuan: wage })),
        spendingRecords: [],
        lastYearIncomePerCapita: null,
        threats: NO_THREATS,
        riskCauses: [],
      };
      const summary = deriveAssessment(before, inputs);
      return { household_id: id, event_key: `${id}:1:monitoring.assessed`, kind: 'monitoring.assessed', actor_user_id: null, occurred_at: new Date('2023-10-25T02:00:00Z'), payload: JSON.stringify({ period: '2023-10', summary, inputs }) };
    });
    await db.insertInto('household_events').values(events).execute();
  }
  await sql`analyze`.execute(db);
  write(`loaded in ${((performance.now() - loadStarted) / 1000).toFixed(1)} s`);

  const time = async <T>(f: () => Promise<T>) => {
    const t0 = performance.now();
    const value = await f();
    return { ms: performance.now() - t0, value };
  };
  const plainRead = async () => {
    let after: string | null = null;
    let n = 0;
    for (;;) {
      const rows = await caseloadRepo(db).latestAssessments(COUNTY, after, WHAT_IF_BATCH);
      n += rows.length;
      if (rows.length < WHAT_IF_BATCH) return n;
      after = rows[rows.length - 1]!.household_id;
    }
  };
  await plainRead(); // warm the cache for both
  const baseline = await time(plainRead);
  const whatIf = await time(() => runWhatIf(db, COUNTY, draft, before, '2023-11'));
  const scan = await time(() => caseloadRepo(db).scanAssessments(COUNTY));
  write(`households read: ${baseline.value.toLocaleString('en-US')} (count scan ${scan.value.toLocaleString('en-US')} in ${scan.ms.toFixed(0)} ms)`);
  write(`what-if: ${(whatIf.ms / 1000).toFixed(2)} s — enter ${whatIf.value.counts.enter}, leave ${whatIf.value.counts.leave}, warn ${whatIf.value.counts.warn}; ${whatIf.value.groups.length} town × category groups`);
  write(`baseline (plain read of the same rows, same statements): ${(baseline.ms / 1000).toFixed(2)} s`);
  write(`ratio what-if / baseline: ${(whatIf.ms / baseline.ms).toFixed(2)}×`);
});
