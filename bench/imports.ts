/**
 * The caseload import and the county roster export at county scale. A file of
 * N households (3 members each, 12 months of finances each) is written as
 * .xlsx; the import pipeline — exceljs's streaming reader, each row's checks,
 * COPY into staging, the checks across rows in SQL, the households saved
 * set-based in large transactions — runs on it, each phase timed; the file is
 * also read once on its own, to tell reading from the COPY. Baseline, in the
 * same run: PostgreSQL's COPY of the same households, members and income
 * lines into plain tables, from rows made in memory; every figure is printed
 * as a ratio to it. Then, as a phase of its own, the paced workflow starts
 * (the dev server as npm start runs it, the system's worker in a process of its own: bench/support/import-starts.ts, as bench:import-starts) watched for --starts-seconds, and
 * the county's roster exported through the same writer as GET
 * /api/exports/roster. Peak memory is the process's resident set, sampled.
 *
 *   npm run bench:imports [-- --households=50000] [--starts-seconds=30]
 */
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { once } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { sql } from 'kysely';
import ExcelJS from 'exceljs';
import { from as copyFrom } from 'pg-copy-streams';
import { createImportActivities } from '../activities/imports/job.js';
import { readCaseloadFile, type SheetRead } from '../activities/imports/read-file.js';
import { writeRoster } from '../activities/exports/roster.js';
import { toLocalDate } from '../domain/calendar/dates.js';
import { FINANCE_COLUMNS, MEMBER_COLUMNS } from '../domain/imports/columns.js';
import { importMessages } from '../domain/imports/messages.js';
import { checkCharacter } from '../domain/people/id-number.js';
import { migrateToLatest } from '../db/migrate.js';
import { poolOf } from '../db/kysely.js';
import { rosterPage } from '../db/repositories/exports.js';
import { importJobsRepo } from '../db/repositories/import-jobs.js';
import { stageRows } from '../db/repositories/import-staging.js';
import { DEFAULT_STARTS_PER_SECOND, HOUSEHOLDS_PER_TRANSACTION, MONTHS_PER_TRANSACTION } from '../workflows/import/definitions.js';
import { measureWorkflowStarts } from './support/import-starts.js';
import { seedDemo } from './support/load.js';
import { runBenchmark, write } from './support/run.js';

const arg = process.argv.find((a) => a.startsWith('--households='));
const HOUSEHOLDS = arg ? Number(arg.slice('--households='.length)) : 2000;
if (!Number.isInteger(HOUSEHOLDS) || HOUSEHOLDS < 1 || HOUSEHOLDS > 200_000) throw new Error('--households must be an integer 1..200000');
/** How long the paced workflow starts are watched (0: not at all). */
const startsArg = process.argv.find((a) => a.startsWith('--starts-seconds='));
const STARTS_SECONDS = startsArg ? Number(startsArg.slice('--starts-seconds='.length)) : 30;
const MEMBERS = 3;
const MONTHS = Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`);
const VILLAGES = [['东城镇', '东岗村'], ['东城镇', '河口村'], ['西岭镇', '岭上村'], ['西岭镇', '石门村'], ['南溪乡', '溪头村'], ['南溪乡', '竹林村']] as const;

/** A valid, unique ID number per member: the birth date from (h, m) over 16,800 days, the sequence beyond. */
const idNumber = (h: number, m: number) => {
  const k = h * MEMBERS + m;
  const d = k % 16800;
  const prefix = `110101${1950 + (d % 50)}${String(1 + (Math.floor(d / 50) % 12)).padStart(2, '0')}${String(1 + Math.floor(d / 600)).padStart(2, '0')}${String(Math.floor(k / 16800)).padStart(3, '0')}`;
  return prefix + checkCharacter(prefix);
};

/** Peak resident memory while `body` runs, sampled every 50 ms. */
async function measured<T>(body: () => Promise<T>): Promise<{ value: T; seconds: number; peakMb: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const started = performance.now();
  try {
    const value = await body();
    return { value, seconds: (performance.now() - started) / 1000, peakMb: Math.max(peak, process.memoryUsage().rss) / 2 ** 20 };
  } finally {
    clearInterval(timer);
  }
}

async function writeFile(file: string): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: false });
  const members = workbook.addWorksheet(importMessages.sheet.members);
  members.addRow(Object.values(MEMBER_COLUMNS)).commit();
  for (let h = 0; h < HOUSEHOLDS; h++) {
    const [town, village] = VILLAGES[h % VILLAGES.length]!;
    for (let m = 0; m < MEMBERS; m++) {
      const head = m === 0;
      members.addRow([`H${h}`, head ? town : '', head ? village : '', head ? `户主${h}` : '', head ? `${village}${h}号` : '', head ? '脱贫不稳定户' : '', head ? '2021-05-10' : '', head ? '因病' : '', '', head ? `户主${h}` : `成员${h}-${m}`, idNumber(h, m), head ? '户主' : m === 1 ? '配偶' : '子女', '有劳动能力', '否', '否', '', '否']).commit();
    }
  }
  members.commit();
  const finances = workbook.addWorksheet(importMessages.sheet.finances);
  finances.addRow(Object.values(FINANCE_COLUMNS)).commit();
  for (let h = 0; h < HOUSEHOLDS; h++) for (const period of MONTHS) finances.addRow([idNumber(h, 0), period, 800, 0, 0, 120, 300]).commit();
  finances.commit();
  await workbook.commit();
}

/** The baseline: COPY of the same rows, made in memory, into plain tables (no checks, no staging). */
async function copyBaseline(db: Parameters<typeof poolOf>[0]): Promise<number> {
  await sql`create table bench_copy_households (id int, village text, head_name text, address text, category text, entered_on date)`.execute(db);
  await sql`create table bench_copy_members (household int, name text, id_number text, relation text)`.execute(db);
  await sql`create table bench_copy_income (household int, period text, kind text, amount_fen bigint)`.execute(db);
  const client = await poolOf(db).connect();
  let rows = 0;
  const copy = async (statement: string, lines: () => Generator<string>) => {
    const stream = client.query(copyFrom(statement));
    const done = once(stream, 'finish');
    let buffer = '';
    for (const line of lines()) {
      buffer += line;
      rows += 1;
      if (buffer.length > 65536) {
        if (!stream.write(buffer)) await once(stream, 'drain');
        buffer = '';
      }
    }
    stream.end(buffer);
    await done;
  };
  try {
    await copy('copy bench_copy_households from stdin', function* () {
      for (let h = 0; h < HOUSEHOLDS; h++) yield `${h}\t${VILLAGES[h % 6]![1]}\t户主${h}\t村${h}号\tunstable\t2021-05-10\n`;
    });
    await copy('copy bench_copy_members from stdin', function* () {
      for (let h = 0; h < HOUSEHOLDS; h++) for (let m = 0; m < MEMBERS; m++) yield `${h}\t成员${h}-${m}\t${idNumber(h, m)}\t${m === 0 ? 'head' : 'spouse'}\n`;
    });
    await copy('copy bench_copy_income from stdin', function* () {
      for (let h = 0; h < HOUSEHOLDS; h++) for (const p of MONTHS) yield `${h}\t${p}\twages\t80000\n`;
    });
  } finally {
    client.release();
  }
  return rows;
}

await runBenchmark(`caseload import and roster export — ${HOUSEHOLDS.toLocaleString('en-US')} households`, async ({ db, url, superuserUrl }) => {
  await migrateToLatest(db);
  await seedDemo(db);
  const work = await mkdtemp(path.join(os.tmpdir(), 'shoudi-bench-imports-'));
  try {
    const file = path.join(work, 'caseload.xlsx');
    const made = await measured(() => writeFile(file));
    write(`file        ${HOUSEHOLDS * MEMBERS} member rows, ${HOUSEHOLDS * MONTHS.length} month rows, ${((await stat(file)).size / 2 ** 20).toFixed(1)} MB, written in ${made.seconds.toFixed(1)} s`);

    const baseline = await measured(() => copyBaseline(db));
    write(`baseline    COPY of the same rows (${baseline.value.toLocaleString('en-US')}) into plain tables: ${baseline.seconds.toFixed(2)} s`);

    const user = await db.selectFrom('users').select('id').where('username', '=', 'xian.xczx').executeTakeFirstOrThrow();
    const job = await importJobsRepo(db).create({ countyId: '990101', scopeId: '990101', uploadedBy: user.id, fileName: 'caseload.xlsx' });
    const steps = createImportActivities({ db });
    const sheets: SheetRead[] = [];
    const stage = await measured(() => stageRows(db, job.id, readCaseloadFile(createReadStream(file), 'xlsx', 'caseload.xlsx', toLocalDate(Date.now()), sheets)));
    await importJobsRepo(db).update(job.id, { sheets, rowsRead: stage.value });
    // Reading the file alone (exceljs's streaming reader and each row's own checks), to tell it from the COPY after it.
    const readOnly = await measured(async () => {
      let n = 0;
      for await (const row of readCaseloadFile(createReadStream(file), 'xlsx', 'caseload.xlsx', toLocalDate(Date.now()), [])) n += row.rowNo > 0 ? 1 : 0;
      return n;
    });
    const phases: [string, number][] = [['read + row checks + COPY into staging', stage.seconds]];
    const timed = async <T>(name: string, body: () => Promise<T>): Promise<T> => {
      const started = performance.now();
      const value = await body();
      phases.push([name, (performance.now() - started) / 1000]);
      return value;
    };
    const rest = await measured(async () => {
      await timed('checks across rows (SQL)', () => steps.checkImport({ jobId: job.id }));
      let transactions = 0;
      await timed('households saved (INSERT…SELECT)', async () => {
        while ((transactions += 1, await steps.commitImportBatch({ jobId: job.id, limit: HOUSEHOLDS_PER_TRANSACTION })).more);
      });
      await timed('months of registered households', async () => {
        while ((await steps.commitImportFinances({ jobId: job.id, limit: MONTHS_PER_TRANSACTION })).more);
      });
      const counts = await timed('counts', () => steps.closeImportRows({ jobId: job.id }));
      return { counts, transactions };
    });
    const total = stage.seconds + rest.seconds;
    const ratio = (seconds: number) => `${(seconds / baseline.seconds).toFixed(1)} ×`;
    const counts = rest.value.counts;
    const written = await sql<{ n: string }>`
      select 2 * (select count(*) from household_events where kind = 'household.imported') + (select count(*) from household_members m join household_events e on e.household_id = m.household_id and e.kind = 'household.imported') 
        + (select count(*) from household_income_records where source = 'import') + (select count(*) from household_spending_records where source = 'import') as n`.execute(db);
    write(`import      rows read ${counts.read}, imported ${counts.imported}, rejected ${counts.rejected} (conserved: ${counts.read === counts.imported + counts.rejected}), households ${counts.households} in ${rest.value.transactions} transactions; ${Number(written.rows[0]!.n).toLocaleString('en-US')} registry rows written`);
    write(`            reading the file alone: ${readOnly.seconds.toFixed(2)} s = ${ratio(readOnly.seconds)} COPY`);
    for (const [name, seconds] of phases) write(`            ${name.padEnd(40)} ${seconds.toFixed(2).padStart(7)} s = ${ratio(seconds).padStart(8)} COPY`);
    write(`            import saved, total ${total.toFixed(2)} s = ${ratio(total)} the baseline's COPY (goal ≤ 2×); ${(counts.read / total).toFixed(0)} rows/s; peak RSS ${Math.max(stage.peakMb, rest.peakMb).toFixed(0)} MB`);

    if (STARTS_SECONDS > 0) {
      const opener = await db.selectFrom('users').select(['id', 'role', 'jurisdiction_id']).where('id', '=', user.id).executeTakeFirstOrThrow();
      const starts = await measureWorkflowStarts({ url, superuserUrl, db }, job.id, { userId: opener.id, role: opener.role, jurisdictionId: opener.jurisdiction_id ?? '990101' }, DEFAULT_STARTS_PER_SECOND, STARTS_SECONDS);
      write(`starts      household workflows started after the import was saved (its own phase, paced at ${DEFAULT_STARTS_PER_SECOND}/s): ${starts.started} in ${starts.seconds.toFixed(1)} s = ${starts.perSecond.toFixed(1)}/s${starts.finished ? ', every household' : `, stopped after ${STARTS_SECONDS} s`}`);
    }

    let bytes = 0;
    const sink = new Writable({ write: (chunk: Buffer, _e, done) => ((bytes += chunk.length), done()) });
    const exported = await measured(() => writeRoster(sink, '示范县', 'bench', (after) => rosterPage(db, { id: '990101', level: 'county' }, after ? { townName: after.town_name, villageName: after.village_name, id: after.id } : null, 1000)));
    write(`export      county roster: ${exported.value.toLocaleString('en-US')} rows, ${(bytes / 2 ** 20).toFixed(1)} MB in ${exported.seconds.toFixed(2)} s; peak RSS ${exported.peakMb.toFixed(0)} MB`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
});
