/**
 * One department feed of one month compared, in one transaction on one
 * connection: its rows COPYed as they are read into an unkeyed temporary
 * table, then one statement judges them all (a repeated number, the match by
 * ID number against the present members of the county, consent, the change
 * rules against earlier facts) and a handful of INSERT…SELECTs write from it:
 * the facts, the warnings routed to their follow-up items and notices
 * (db/repositories/warning-routing.ts, as the monthly re-assessment's are),
 * the household file's entries, the batch with its counts, then the rows not
 * compared (kept for the report: unknown persons, rejected rows, households
 * without consent — the matched ones live on as facts and in the household
 * file; after the batch, as migration 057 checks their references per
 * statement). Anything refused (a row of another month or county, a broken
 * file) rolls all of it back. The same file again is found by its hash before anything is kept.
 */
import { once } from 'node:events';
import type { Kysely } from 'kysely';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database } from '../database.js';
import { poolOf } from '../kysely.js';
import { keepMarks } from './assistance-marks.js';
import { routeWarnings, type RaisedWarning, type WarningMessage } from './warning-routing.js';

export interface FeedStagedRow {
  readonly rowNo: number;
  readonly idNumber: string | null;
  readonly name: string | null;
  readonly town: string | null;
  readonly errors: readonly string[];
  readonly factValue: Readonly<Record<string, unknown>> | null;
  readonly warningRule: string | null;
}

export interface RuleChange {
  readonly id: string;
  readonly name: string;
  /** The fact's key whose change makes the warning news; null: every time. */
  readonly changeKey: string | null;
  readonly previous: string | null;
}

export interface ComparisonRun {
  readonly batchId: string;
  readonly countyId: string;
  readonly feed: string;
  readonly departmentId: string;
  readonly month: string;
  readonly fileName: string;
  readonly uploadedBy: string;
  readonly receivedAt: Date;
  readonly factKind: string;
  readonly factOfHousehold: boolean;
  readonly factYear: number | null;
  /** The day the facts held: the month's last day, or today within the month. */
  readonly asOf: string;
  readonly consentCover: string;
  readonly rules: readonly RuleChange[];
  readonly duplicateReason: string;
  /** The follow-up's deadline, when the profile gives its days. */
  readonly followUp: { readonly days: number; readonly dueAt: Date } | null;
  /** Joint identification with 民政: the mark the feed keeps (its group, the fact key it reads and the codes in care); null: none. */
  readonly mark: { readonly kind: 'dibao' | 'tekun'; readonly key: string; readonly values: readonly string[] } | null;
}

export interface NewWarning extends RaisedWarning {
  readonly id: string;
  readonly countyId: string;
  readonly townId: string;
  readonly villageId: string;
  readonly householdId: string;
  readonly headName: string;
  readonly idNumber: string;
  readonly ruleName: string;
  readonly routed: 'follow_up' | 'discovery';
  readonly dueItemKey: string | null;
}

export type RunResult = { readonly repeated: true; readonly batchId: string } | { readonly repeated: false; readonly batchId: string; readonly warnings: NewWarning[] };

const escape = (text: string) => text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
const field = (value: unknown): string => {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'object') return escape(JSON.stringify(value));
  return escape(String(value));
};

/** Each phase's seconds, for the benchmark's breakdown. */
export type PhaseClock = (phase: string, seconds: number) => void;

async function copyRows(client: pg.PoolClient, rows: AsyncIterable<FeedStagedRow>, clock: PhaseClock): Promise<number> {
  const copy = client.query(copyFrom('copy comparison_stage (row_no, id_number, name, town, errors, fact_value, warning_rule) from stdin'));
  const done = new Promise<void>((resolve, reject) => {
    copy.on('finish', resolve);
    copy.on('error', reject);
  });
  let staged = 0;
  let buffer = '';
  let reading = 0;
  const iterator = rows[Symbol.asyncIterator]();
  try {
    for (;;) {
      const started = performance.now();
      const next = await iterator.next();
      reading += performance.now() - started;
      if (next.done) break;
      const row = next.value;
      buffer += `${[row.rowNo, row.idNumber, row.name, row.town, row.errors.length ? row.errors.join('；') : null, row.factValue, row.warningRule].map(field).join('\t')}\n`;
      staged += 1;
      if (buffer.length > 256 * 1024) {
        if (!copy.write(buffer)) await once(copy, 'drain');
        buffer = '';
      }
    }
  } catch (error) {
    copy.destroy(error as Error);
    await done.catch(() => undefined);
    throw error;
  }
  copy.end(buffer);
  await done;
  clock('read and parse the file (JavaScript, overlapping the COPY)', reading / 1000);
  return staged;
}

/**
 * The set-based steps after the COPY, on the transaction's connection. The
 * staged rows sit in an unkeyed temporary table (no WAL, no index, no
 * foreign key); one statement judges them all — a repeated number, the match
 * by ID number against the county's present members, the consent, the change
 * rules against earlier facts — into a second temporary table, and each
 * statement after it writes one kind of record from it with one INSERT…SELECT.
 */
async function compare(client: pg.PoolClient, run: ComparisonRun, sha: string, message: (w: NewWarning) => WarningMessage, clock: PhaseClock): Promise<NewWarning[]> {
  const b = run.batchId;
  const sourceKey = `comparison:${run.feed}:${run.month}`;
  const timed = async <T extends pg.QueryResultRow>(phase: string, text: string, values: unknown[]) => {
    const started = performance.now();
    const result = await client.query<T>(text, values);
    clock(phase, (performance.now() - started) / 1000);
    return result;
  };
  await timed('statistics of the staged rows', 'analyze comparison_stage', []);
  // The rows left unmatched are persons not in the registry. A change rule fires only on news: compared with the
  // person's (or household's) latest earlier fact of the kind, from another feed month.
  await timed(
    'judge: repeats, match by ID number, consent, change rules (one statement)',
    `create temp table comparison_judged on commit drop as
     with consented as (
       select c.household_id from data_consents c
        where c.withdrawn_at is null and c.signed_at <= $2 and $3 = any (c.covers) and c.household_id is not null
       union
       select p.household_id from data_consents c join household_members p on p.id_number = c.subject_id_number and p.left_at is null
        where c.withdrawn_at is null and c.signed_at <= $2 and $3 = any (c.covers)),
     staged as (
       select s.row_no, s.id_number, s.name, s.town, s.fact_value, s.warning_rule,
              case when s.errors is null and s.id_number is not null and row_number() over (partition by s.id_number order by s.row_no) > 1 then $4 else s.errors end as errors
         from comparison_stage s),
     rules as (select * from jsonb_to_recordset($5::jsonb) as x(id text, "changeKey" text, previous text)),
     judged as (
       select s.*, m.id as member_id, m.household_id,
              case when s.errors is not null then 'rejected' when m.id is null then 'unknown' when c.household_id is not null then 'matched' else 'no_consent' end as outcome
         from staged s
         left join (household_members m join households h on h.id = m.household_id and h.county_id = $1)
           on s.errors is null and m.id_number = s.id_number and m.left_at is null
         left join consented c on c.household_id = m.household_id)
     select j.row_no, j.id_number, j.name, j.town, j.errors, j.fact_value, j.member_id, j.household_id, j.outcome,
            case when j.outcome <> 'matched' or r.id is null then null
                 when r."changeKey" is null then j.warning_rule
                 when coalesce((
                   select case when r.previous is not null then f.value ->> r."changeKey" = r.previous
                               else (f.value ->> r."changeKey") is distinct from (j.fact_value ->> r."changeKey") end
                     from household_facts f
                    where f.household_id = j.household_id and f.kind = $6
                      and (case when $7::boolean then f.member_id is null else f.member_id = j.member_id end)
                      and f.source_key <> $8
                    order by f.as_of desc, f.id desc limit 1), r.previous is null) then j.warning_rule end as warning_rule
       from judged j left join rules r on r.id = j.warning_rule`,
    [run.countyId, run.receivedAt, run.consentCover, run.duplicateReason, JSON.stringify(run.rules), run.factKind, run.factOfHousehold, sourceKey],
  );
  await timed(
    'facts of the matched rows',
    `insert into household_facts (household_id, member_id, kind, year, value, as_of, source, source_key, entry_key, recorded_by, recorded_at)
     select j.household_id, case when $1::boolean then null else j.member_id end, $2, $3, j.fact_value, $4, 'department', $5,
            $5 || ':' || $6 || ':' || j.id_number, $7, $8
       from comparison_judged j where j.outcome = 'matched'
     on conflict (entry_key) do nothing`,
    [run.factOfHousehold, run.factKind, run.factYear, run.asOf, sourceKey, run.countyId, run.uploadedBy, run.receivedAt],
  );
  if (run.mark) {
    const started = performance.now();
    await keepMarks(client, { countyId: run.countyId, feed: run.feed, month: run.month, batchId: b, uploadedBy: run.uploadedBy, at: run.receivedAt, ...run.mark });
    clock('joint identification marks (低保 / 特困)', (performance.now() - started) / 1000);
  }
  const warnings = await timed<NewWarning>(
    'warnings',
    `with rules as (select * from jsonb_to_recordset($3::jsonb) as x(id text, name text)),
     raised as (
       insert into comparison_warnings (warning_key, batch_id, row_no, county_id, town_id, village_id, household_id, member_id, feed, month, rule, rule_name,
                                        fact_value, routed, discovery, due_item_key, follow_up_days, raised_at)
       select $2 || ':' || $4 || ':' || $5 || ':' || r.member_id || ':' || r.warning_rule, $1, r.row_no, h.county_id, h.town_id, h.village_id, h.id, r.member_id,
              $4, $5, r.warning_rule, rules.name, r.fact_value,
              case when h.stage = 'monitoring' then 'follow_up' else 'discovery' end,
              case when h.stage = 'monitoring' then null else 'pending' end,
              case when h.stage = 'monitoring' and $6::integer is not null then 'comparison:' || $2 || ':' || $4 || ':' || $5 || ':' || r.member_id || ':' || r.warning_rule end,
              case when h.stage = 'monitoring' then $6::integer end, $7
         from comparison_judged r join households h on h.id = r.household_id join rules on rules.id = r.warning_rule
        where r.outcome = 'matched'
       on conflict (warning_key) do nothing
       returning id, county_id, town_id, village_id, household_id, member_id, rule_name, routed, due_item_key)
     select w.id, w.county_id as "countyId", w.town_id as "townId", w.village_id as "villageId", w.household_id as "householdId",
            h.head_name as "headName", m.id_number as "idNumber", w.rule_name as "ruleName", w.routed, w.due_item_key as "dueItemKey"
       from raised w join households h on h.id = w.household_id join household_members m on m.id = w.member_id`,
    [b, run.countyId, JSON.stringify(run.rules), run.feed, run.month, run.followUp?.days ?? null, run.receivedAt],
  );
  const routed = performance.now();
  await routeWarnings((text, values) => client.query(text, [...values]), warnings.rows, {
    kind: 'comparison.warning',
    dueAt: run.followUp?.dueAt ?? null,
    period: run.month,
    at: run.receivedAt,
    message,
  });
  clock('routed: follow-up items with their clock, notices to the town and the village', (performance.now() - routed) / 1000);
  await timed(
    'household file entries (one per household)',
    `insert into household_events (household_id, event_key, kind, actor_user_id, occurred_at, payload)
     select j.household_id, 'comparison:' || $2 || ':' || $3 || ':' || $4 || ':' || j.household_id, 'comparison.matched', $5, $6,
            jsonb_build_object('feed', $3::text, 'month', $4::text, 'batchId', $1::text, 'rows',
              -- the rows' array as JSON text read once into jsonb (a third faster than jsonb_agg of jsonb_build_object; the same value)
              ('[' || string_agg('{"rowNo":' || j.row_no || ',"memberId":' || coalesce(to_json(j.member_id)::text, 'null') || ',"fact":' || coalesce(j.fact_value::text, 'null')
                                 || ',"warning":' || coalesce(to_json(j.warning_rule)::text, 'null') || '}', ',' order by j.row_no) || ']')::jsonb)
       from comparison_judged j
      where j.outcome = 'matched'
      group by j.household_id
     on conflict (event_key) do nothing`,
    [b, run.countyId, run.feed, run.month, run.uploadedBy, run.receivedAt],
  );
  await timed(
    'the batch with its counts',
    `insert into comparison_batches (id, county_id, feed, department_id, month, file_name, file_sha256, uploaded_by, received_at,
                                     rows_received, matched, unknown, rejected, no_consent, warnings, households_affected)
     select $1, $2, $3, $4, $5, $6, $7, $8, $9, count(*),
            count(*) filter (where outcome = 'matched'), count(*) filter (where outcome = 'unknown'),
            count(*) filter (where outcome = 'rejected'), count(*) filter (where outcome = 'no_consent'), $10,
            count(distinct household_id) filter (where outcome = 'matched')
       from comparison_judged`,
    [b, run.countyId, run.feed, run.departmentId, run.month, run.fileName, sha, run.uploadedBy, run.receivedAt, warnings.rowCount ?? 0],
  );
  await timed(
    'keep the rows not compared (unknown, rejected, no consent)',
    `insert into comparison_rows (batch_id, row_no, id_number, name, town, errors, fact_value, warning_rule, household_id, member_id, outcome)
     select $1, row_no, id_number, name, town, errors, fact_value, null, household_id, member_id, outcome from comparison_judged where outcome <> 'matched'`,
    [b],
  );
  return warnings.rows;
}

/**
 * Stages and compares the feed in one transaction. `hash` is read once the
 * rows are consumed (the file's SHA-256); a batch of the same file, feed and
 * month answers `repeated` and nothing is kept.
 */
export async function runComparison(
  db: Kysely<Database>,
  run: ComparisonRun,
  rows: AsyncIterable<FeedStagedRow>,
  hash: () => string,
  message: (warning: NewWarning) => WarningMessage,
  clock: PhaseClock = () => undefined,
): Promise<RunResult> {
  const client = await poolOf(db).connect();
  try {
    await client.query('begin');
    try {
      // One upload of a feed and month at a time: the same file sent twice at once finds the first's batch by its hash.
      await client.query('select pg_advisory_xact_lock(hashtextextended($1, 0))', [`comparison:${run.countyId}:${run.feed}:${run.month}`]);
      // The judging's window sort and the file entries' grouping hold a county's feed in memory rather than spilling it to disk.
      await client.query(`set local work_mem = '64MB'`);
      await client.query(
        `create temp table comparison_stage (row_no integer, id_number text, name text, town text, errors text, fact_value jsonb, warning_rule text) on commit drop`,
      );
      const copied = performance.now();
      await copyRows(client, rows, clock);
      clock('COPY into the unkeyed staging table (with the reading)', (performance.now() - copied) / 1000);
      const sha = hash();
      const same = await client.query<{ id: string }>(`select id from comparison_batches where county_id = $1 and feed = $2 and month = $3 and file_sha256 = $4`, [run.countyId, run.feed, run.month, sha]);
      if (same.rows[0]) {
        await client.query('rollback');
        return { repeated: true, batchId: same.rows[0].id };
      }
      const warnings = await compare(client, run, sha, message, clock);
      const committed = performance.now();
      await client.query('commit');
      clock('commit', (performance.now() - committed) / 1000);
      return { repeated: false, batchId: run.batchId, warnings };
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    }
  } finally {
    client.release();
  }
}
