/**
 * The county-wide ledgers stream: memory does not grow with the county. The
 * 增收帮扶台账 [004] of the whole county is written through the same writer and
 * pages as GET /api/exports/income-ledger, first for N households, then for 4N;
 * the baseline, measured in the same run, is the same rows held whole in an
 * in-memory workbook (what a non-streamed export would do). Figures: the rise
 * of the heap while each runs (peak heap minus the heap before, sampled every
 * 20 ms), and time per 1,000 rows.
 *
 *   npm run bench:exports [-- --households=5000]
 */
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { writeIncomeLedger } from '../activities/exports/ledgers.js';
import { ledgerSheet } from '../activities/exports/sheets.js';
import { checkCharacter } from '../domain/people/id-number.js';
import { migrateToLatest } from '../db/migrate.js';
import type { Database } from '../db/database.js';
import { exportLedgersRepo, type HouseholdLedgerRow } from '../db/repositories/export-ledgers.js';
import type { Kysely } from 'kysely';
import { seedDemo } from './support/load.js';
import { runBenchmark, write } from './support/run.js';

const arg = process.argv.find((a) => a.startsWith('--households='));
const HOUSEHOLDS = arg ? Number(arg.slice('--households='.length)) : 5000;
if (!Number.isInteger(HOUSEHOLDS) || HOUSEHOLDS < 1 || HOUSEHOLDS > 100_000) throw new Error('--households must be an integer 1..100000');
const VILLAGES = [['990101001', '990101001201'], ['990101001', '990101001202'], ['990101002', '990101002201'], ['990101002', '990101002202'], ['990101003', '990101003201'], ['990101003', '990101003202']] as const;
const COUNTY = { id: '990101', level: 'county' as const };

/** A valid, unique ID number per household head: year, month and day from k, the sequence beyond. */
const idNumber = (k: number) => {
  const day = Math.floor(k / 50) % 336;
  const mmdd = `${String(1 + Math.floor(day / 28)).padStart(2, '0')}${String(1 + (day % 28)).padStart(2, '0')}`;
  const prefix = `110101${1950 + (k % 50)}${mmdd}${String(Math.floor(k / (50 * 336))).padStart(3, '0')}`;
  return prefix + checkCharacter(prefix);
};

/** Adds households `from` … `to - 1`, each with a head and an assessment carrying the focus flags. */
async function addHouseholds(db: Kysely<Database>, from: number, to: number): Promise<void> {
  for (let start = from; start < to; start += 500) {
    const end = Math.min(to, start + 500);
    const ids = Array.from({ length: end - start }, (_, i) => start + i);
    const households = await db
      .insertInto('households')
      .values(ids.map((k) => ({ county_id: '990101', town_id: VILLAGES[k % 6]![0], village_id: VILLAGES[k % 6]![1], group_id: null, address: `第${k}号`, head_name: `户主${k}`, category: k % 5 === 0 ? 'unstable' : 'lifted_out' })))
      .returning('id')
      .execute();
    await db
      .insertInto('household_members')
      .values(households.map((h, i) => ({ household_id: h.id, name: `户主${ids[i]}`, id_number: idNumber(ids[i]!), birth_date: '1970-01-01', sex: 'male' as const, relation: 'head' as const, labour_ability: 'capable' as const })))
      .execute();
    await db
      .insertInto('household_events')
      .values(
        households.map((h, i) => ({
          household_id: h.id,
          event_key: `bench:${h.id}:assessed`,
          kind: 'monitoring.assessed',
          actor_user_id: null,
          occurred_at: new Date(),
          payload: JSON.stringify({ summary: { period: '2026-11', perCapitaFen: 900_000 + ids[i]!, lastYearIncomePerCapita: 9500, riskCauses: ['illness'], conclusion: 'not_eligible', focus: { incomeDown: true, belowMonitoring: false, belowFocusLine: true, transferShareHigh: false, noLabourLowIncome: false, any: true } } }),
        })),
      )
      .execute();
  }
}

/** The rise of the heap while `body` runs, and its time. */
async function measured<T>(body: () => Promise<T>): Promise<{ value: T; seconds: number; riseMb: number }> {
  (globalThis as { gc?: () => void }).gc?.();
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 20);
  const started = performance.now();
  try {
    const value = await body();
    return { value, seconds: (performance.now() - started) / 1000, riseMb: (Math.max(peak, process.memoryUsage().heapUsed) - before) / 2 ** 20 };
  } finally {
    clearInterval(timer);
  }
}

const sink = () => new Writable({ write: (_chunk: Buffer, _e, done) => done() });
const page = (db: Kysely<Database>) => (after: HouseholdLedgerRow | null) => exportLedgersRepo(db).households(COUNTY, null, after ? { townName: after.town_name, villageName: after.village_name, id: after.id } : null, 1000);

await runBenchmark(`county 增收帮扶台账 streamed — ${HOUSEHOLDS.toLocaleString('en-US')} and ${(4 * HOUSEHOLDS).toLocaleString('en-US')} households`, async ({ db }) => {
  await migrateToLatest(db);
  await seedDemo(db);
  await addHouseholds(db, 0, HOUSEHOLDS);
  const small = await measured(() => writeIncomeLedger({ out: sink(), placeName: '示范县', exportedAt: 'bench', page: page(db) }));
  await addHouseholds(db, HOUSEHOLDS, 4 * HOUSEHOLDS);
  const large = await measured(() => writeIncomeLedger({ out: sink(), placeName: '示范县', exportedAt: 'bench', page: page(db) }));
  const baseline = await measured(async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = ledgerSheet(workbook, 'baseline', 'baseline', 'bench', ['a'], [10]);
    let n = 0;
    for (let last: HouseholdLedgerRow | null = null; ; ) {
      const rows = await page(db)(last);
      if (rows.length === 0) break;
      for (const h of rows) sheet.addRow([++n, h.town_name, h.village_name, h.head_name, h.head_id_number, h.category, h.members, JSON.stringify(h.assessment), JSON.stringify(h.tasks)]);
      last = rows[rows.length - 1]!;
    }
    return (await workbook.xlsx.writeBuffer()).byteLength && n;
  });
  const perThousand = (r: { seconds: number; value: number }) => ((r.seconds / r.value) * 1000).toFixed(2);
  write(`streamed    ${small.value.toLocaleString('en-US')} rows: heap rise ${small.riseMb.toFixed(1)} MB, ${perThousand(small)} s per 1,000 rows`);
  write(`streamed    ${large.value.toLocaleString('en-US')} rows: heap rise ${large.riseMb.toFixed(1)} MB, ${perThousand(large)} s per 1,000 rows`);
  write(`baseline    ${baseline.value.toLocaleString('en-US')} rows held whole in memory: heap rise ${baseline.riseMb.toFixed(1)} MB, ${perThousand(baseline)} s per 1,000 rows`);
  write(`ratios      streamed 4N ÷ N heap rise ${(large.riseMb / Math.max(small.riseMb, 0.1)).toFixed(2)} (flat ≈ 1); streamed 4N ÷ whole-in-memory 4N ${(large.riseMb / Math.max(baseline.riseMb, 0.1)).toFixed(2)}`);
});
