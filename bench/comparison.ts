/**
 * The department data comparison at county scale: a 医保 feed of R rows
 * against a registry of M members (households of 3, half of them monitored,
 * every household with its consent), read from CSV, staged by COPY, matched
 * by ID number, the facts and warnings written with their follow-ups, notices
 * and file entries — the whole upload's transaction (db/repositories/comparison-run.ts).
 * Baseline, in the same run: PostgreSQL's COPY of the same rows into a plain
 * table. About 1 % of the rows are persons not in the registry, 1 % carry a
 * malformed ID number, 5 % are above the out-of-pocket line.
 * The goal: 1,000,000 rows against 150,000 members within 2 × the COPY;
 * a person twice in one feed is rejected as repeated, so rows beyond the members are mostly repeats.
 *
 *   npm run bench:comparison [-- --rows=1000000 --members=150000]
 */
import { once } from 'node:events';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { sql } from 'kysely';
import { from as copyFrom } from 'pg-copy-streams';
import { readFeedFile } from '../activities/comparison/read-feed.js';
import { addDays, endOfLocalDay, toLocalDate } from '../domain/calendar/dates.js';
import { comparisonMessages } from '../domain/comparison/messages.js';
import { comparisonSettings } from '../domain/comparison/policy.js';
import { changeKeyOf } from '../domain/comparison/rows.js';
import { checkCharacter } from '../domain/people/id-number.js';
import { shifanV2 } from '../domain/policy/counties/shifan.js';
import { migrateToLatest } from '../db/migrate.js';
import { poolOf } from '../db/kysely.js';
import { runComparison } from '../db/repositories/comparison-run.js';
import { seedDemo } from './support/load.js';
import { runBenchmark, write } from './support/run.js';

const option = (name: string, fallback: number, max: number) => {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  const value = arg ? Number(arg.slice(name.length + 3)) : fallback;
  if (!Number.isInteger(value) || value < 3 || value > max) throw new Error(`--${name} must be an integer 3..${max}`);
  return value;
};
const ROWS = option('rows', 30_000, 5_000_000);
const MEMBERS = option('members', 45_000, 1_000_000);
const HOUSEHOLDS = Math.floor(MEMBERS / 3);
const MONTH = (() => {
  const d = toLocalDate(Date.now());
  return `${d.year}-${String(d.month).padStart(2, '0')}`;
})();

const idNumber = (k: number) => {
  const d = k % 16800;
  const prefix = `110101${1950 + (d % 50)}${String(1 + (Math.floor(d / 50) % 12)).padStart(2, '0')}${String(1 + Math.floor(d / 600)).padStart(2, '0')}${String(Math.floor(k / 16800)).padStart(3, '0')}`;
  return prefix + checkCharacter(prefix);
};

async function copyInto(db: Parameters<typeof poolOf>[0], statement: string, lines: () => Generator<string>): Promise<void> {
  const client = await poolOf(db).connect();
  try {
    const copy = client.query(copyFrom(statement));
    const done = new Promise<void>((resolve, reject) => (copy.on('finish', resolve), copy.on('error', reject)));
    let buffer = '';
    for (const line of lines()) {
      buffer += line;
      if (buffer.length > 64 * 1024) {
        if (!copy.write(buffer)) await once(copy, 'drain');
        buffer = '';
      }
    }
    copy.end(buffer);
    await done;
  } finally {
    client.release();
  }
}

/** The feed's rows: member k (mod M), a stranger every 100th row, a broken ID every 100th + 50. */
function* feedRows(): Generator<[string, string, string, string, string]> {
  for (let i = 0; i < ROWS; i++) {
    const id = i % 100 === 0 ? idNumber(MEMBERS + i) : i % 100 === 50 ? `${idNumber(i % MEMBERS).slice(0, 17)}Y` : idNumber(i % MEMBERS);
    const yuan = i % 20 === 7 ? 12_000 + (i % 1000) : 100 + (i % 5000);
    yield [id, `成员${i}`, MONTH, String(yuan), String(i % 3)];
  }
}

const seconds = async <T>(body: () => Promise<T>): Promise<{ value: T; s: number }> => {
  const started = performance.now();
  const value = await body();
  return { value, s: (performance.now() - started) / 1000 };
};

await runBenchmark(`department data comparison — ${ROWS.toLocaleString('en-US')} feed rows against ${MEMBERS.toLocaleString('en-US')} members`, async ({ db }) => {
  await migrateToLatest(db);
  await seedDemo(db);
  const loaded = await seconds(async () => {
    await sql`
      insert into households (id, county_id, town_id, village_id, address, head_name, category, stage)
      select ('00000000-0000-4000-8000-' || lpad(to_hex(g), 12, '0'))::uuid, '990101', '990101001', '990101001201', '东岗村' || g || '号', '户主' || g, 'lifted_out',
             case when g % 2 = 0 then 'monitoring' else 'registered' end
        from generate_series(0, ${HOUSEHOLDS - 1}) g`.execute(db);
    await copyInto(db, 'copy household_members (household_id, name, id_number, birth_date, sex, relation, labour_ability) from stdin', function* () {
      for (let k = 0; k < HOUSEHOLDS * 3; k++) {
        const id = idNumber(k);
        yield `00000000-0000-4000-8000-${Math.floor(k / 3).toString(16).padStart(12, '0')}\t成员${k}\t${id}\t${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}\t${Number(id[16]) % 2 === 1 ? 'male' : 'female'}\t${k % 3 === 0 ? 'head' : 'child'}\tcapable\n`;
      }
    });
    await sql`
      insert into data_consents (subject_id_number, signer_name, signed_at, covers, source, document, household_id)
      select m.id_number, m.name, now() - interval '1 day', array['medical'], 'paper', 'bench', m.household_id from household_members m where m.relation = 'head'`.execute(db);
    await sql`analyze`.execute(db);
  });
  write(`registry    ${HOUSEHOLDS.toLocaleString('en-US')} households, ${(HOUSEHOLDS * 3).toLocaleString('en-US')} members with consent, loaded in ${loaded.s.toFixed(1)} s`);

  const csv = Buffer.from(`身份证号,姓名,数据月份,年度个人自付费用（元）,住院次数\n${Array.from(feedRows(), (r) => r.join(',')).join('\n')}\n`);
  write(`feed        ${ROWS.toLocaleString('en-US')} rows, ${(csv.length / 2 ** 20).toFixed(1)} MB of CSV`);

  await sql`create table bench_feed_copy (id_number text, name text, month text, yuan numeric, stays integer)`.execute(db);
  const baseline = await seconds(() => copyInto(db, 'copy bench_feed_copy from stdin', function* () {
    for (const r of feedRows()) yield `${r.join('\t')}\n`;
  }));
  write(`baseline    COPY of the same rows into a plain table: ${baseline.s.toFixed(2)} s`);

  const settings = comparisonSettings(shifanV2.comparison);
  const feed = settings.feeds.find((f) => f.id === 'yb_medical')!;
  const department = await db.selectFrom('departments').select('id').where('code', '=', 'yb').executeTakeFirstOrThrow();
  const user = await db.selectFrom('users').select('id').where('username', '=', 'xian.xczx').executeTakeFirstOrThrow();
  const today = toLocalDate(Date.now());
  const file = readFeedFile(Readable.from([csv]), 'csv', { feed, settings, month: MONTH, countyId: '990101', today, maxBytes: 2 ** 40 });
  const phases: [string, number][] = [];
  const run = await seconds(() =>
    runComparison(
      db,
      {
        batchId: randomUUID(), countyId: '990101', feed: feed.id, departmentId: department.id, month: MONTH, fileName: 'bench.csv', uploadedBy: user.id, receivedAt: new Date(),
        factKind: feed.fact.kind, factOfHousehold: false, factYear: today.year, asOf: `${MONTH}-01`, consentCover: feed.consent,
        rules: feed.warnings.map((r) => ({ id: r.id, name: r.name, changeKey: changeKeyOf(feed, r), previous: r.onlyIfChanged?.previous ?? null })),
        duplicateReason: comparisonMessages.reason.duplicate,
        followUp: { days: 15, dueAt: new Date(endOfLocalDay(addDays(today, 15))) },
        mark: null,
      },
      file.rows,
      file.sha256,
      () => ({ title: 'bench', body: 'bench' }),
      (phase, s) => phases.push([phase, s]),
    ),
  );
  const batch = await db.selectFrom('comparison_batches').selectAll().executeTakeFirstOrThrow();
  write(`comparison  read + parse + COPY + match + consent + facts + warnings + follow-ups + notices + file entries: ${run.s.toFixed(2)} s`);
  write(`            received ${batch.rows_received}, matched ${batch.matched}, unknown ${batch.unknown}, rejected ${batch.rejected}, no consent ${batch.no_consent}, warnings ${batch.warnings}, households ${batch.households_affected}`);
  write(`            = ${(run.s / baseline.s).toFixed(1)} × the baseline's COPY (goal ≤ 2×)`);
  write('phases');
  for (const [phase, s] of phases) write(`  ${s.toFixed(3).padStart(8)} s  ${(s / baseline.s).toFixed(2).padStart(6)} ×  ${phase}`);
});
