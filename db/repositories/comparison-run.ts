/**
 * One department feed of one month compared, in one transaction on one
 * connection: its rows COPYed into comparison_rows as they are read, then a
 * handful of set-based statements — repeated numbers, the match by ID number
 * against the present members of the county, consent, the change rules
 * against earlier facts, the facts, the warnings with their follow-up items,
 * the household file's entries — and the batch with its counts. Anything
 * refused (a row of another month or county, a broken file) rolls all of it
 * back. The same file again is found by its hash before anything is kept.
 */
import { once } from 'node:events';
import type { Kysely } from 'kysely';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database } from '../database.js';
import { poolOf } from '../kysely.js';

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
}

export interface NewWarning {
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

/** A message to a place's role about a new warning, written in the same transaction. */
export interface WarningNotice {
  readonly key: string;
  readonly countyId: string;
  readonly jurisdictionId: string;
  readonly role: 'town_officer' | 'village_cadre';
  readonly title: string;
  readonly body: string;
  readonly householdId: string;
  readonly dueItemKey: string | null;
}

export type RunResult = { readonly repeated: true; readonly batchId: string } | { readonly repeated: false; readonly batchId: string; readonly warnings: NewWarning[] };

const escape = (text: string) => text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
const field = (value: unknown): string => {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'object') return escape(JSON.stringify(value));
  return escape(String(value));
};

async function copyRows(client: pg.PoolClient, batchId: string, rows: AsyncIterable<FeedStagedRow>): Promise<number> {
  const copy = client.query(copyFrom('copy comparison_rows (batch_id, row_no, id_number, name, town, errors, fact_value, warning_rule) from stdin'));
  const done = new Promise<void>((resolve, reject) => {
    copy.on('finish', resolve);
    copy.on('error', reject);
  });
  let staged = 0;
  let buffer = '';
  try {
    for await (const row of rows) {
      buffer += `${[batchId, row.rowNo, row.idNumber, row.name, row.town, row.errors.length ? row.errors.join('；') : null, row.factValue, row.warningRule].map(field).join('\t')}\n`;
      staged += 1;
      if (buffer.length > 64 * 1024) {
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
  return staged;
}

/** The set-based steps after the COPY, on the transaction's connection. */
async function compare(client: pg.PoolClient, run: ComparisonRun, sha: string): Promise<NewWarning[]> {
  const b = run.batchId;
  const sourceKey = `comparison:${run.feed}:${run.month}`;
  await client.query(
    `update comparison_rows r set errors = $2
       from (select row_no, row_number() over (partition by id_number order by row_no) as n
               from comparison_rows where batch_id = $1 and id_number is not null) d
      where r.batch_id = $1 and r.row_no = d.row_no and d.n > 1 and r.errors is null`,
    [b, run.duplicateReason],
  );
  await client.query(`update comparison_rows set outcome = 'rejected' where batch_id = $1 and errors is not null`, [b]);
  // The match by ID number against the county's present members, and in the same pass whether the household's consent,
  // not withdrawn, covers the feed (by the household, or by a present member's ID number): each staged row is rewritten
  // once, its foreign keys checked once. The rows left are persons not in the registry.
  await client.query(
    `with consented as (
       select c.household_id from data_consents c
        where c.withdrawn_at is null and c.signed_at <= $3 and $4 = any (c.covers) and c.household_id is not null
       union
       select p.household_id from data_consents c join household_members p on p.id_number = c.subject_id_number and p.left_at is null
        where c.withdrawn_at is null and c.signed_at <= $3 and $4 = any (c.covers))
     update comparison_rows r set member_id = m.id, household_id = m.household_id,
            outcome = case when m.household_id in (select household_id from consented) then 'matched' else 'no_consent' end
       from household_members m join households h on h.id = m.household_id
      where r.batch_id = $1 and r.outcome is null and m.id_number = r.id_number and m.left_at is null and h.county_id = $2`,
    [b, run.countyId, run.receivedAt, run.consentCover],
  );
  await client.query(`update comparison_rows set outcome = 'unknown' where batch_id = $1 and outcome is null`, [b]);
  // A rule that fires only on news: compared with the person's (or household's) latest earlier fact of the kind, from another feed month.
  await client.query(
    `with rules as (select * from jsonb_to_recordset($2::jsonb) as x(id text, "changeKey" text, previous text))
     update comparison_rows r set warning_rule = null
       from rules
      where r.batch_id = $1 and r.outcome = 'matched' and r.warning_rule = rules.id and rules."changeKey" is not null
        and not coalesce((
          select case when rules.previous is not null then f.value ->> rules."changeKey" = rules.previous
                      else (f.value ->> rules."changeKey") is distinct from (r.fact_value ->> rules."changeKey") end
            from household_facts f
           where f.household_id = r.household_id and f.kind = $3
             and (case when $4::boolean then f.member_id is null else f.member_id = r.member_id end)
             and f.source_key <> $5
           order by f.as_of desc, f.id desc limit 1), rules.previous is null)`,
    [b, JSON.stringify(run.rules), run.factKind, run.factOfHousehold, sourceKey],
  );
  await client.query(
    `insert into household_facts (household_id, member_id, kind, year, value, as_of, source, source_key, entry_key, recorded_by, recorded_at)
     select r.household_id, case when $2::boolean then null else r.member_id end, $3, $4, r.fact_value, $5, 'department', $6,
            $6 || ':' || $7 || ':' || r.id_number, $8, $9
       from comparison_rows r where r.batch_id = $1 and r.outcome = 'matched'
     on conflict (entry_key) do nothing`,
    [b, run.factOfHousehold, run.factKind, run.factYear, run.asOf, sourceKey, run.countyId, run.uploadedBy, run.receivedAt],
  );
  const warnings = await client.query<NewWarning>(
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
         from comparison_rows r join households h on h.id = r.household_id join rules on rules.id = r.warning_rule
        where r.batch_id = $1 and r.outcome = 'matched'
       on conflict (warning_key) do nothing
       returning id, county_id, town_id, village_id, household_id, member_id, rule_name, routed, due_item_key)
     select w.id, w.county_id as "countyId", w.town_id as "townId", w.village_id as "villageId", w.household_id as "householdId",
            h.head_name as "headName", m.id_number as "idNumber", w.rule_name as "ruleName", w.routed, w.due_item_key as "dueItemKey"
       from raised w join households h on h.id = w.household_id join household_members m on m.id = w.member_id`,
    [b, run.countyId, JSON.stringify(run.rules), run.feed, run.month, run.followUp?.days ?? null, run.receivedAt],
  );
  if (run.followUp) {
    await client.query(
      `insert into due_items (item_key, kind, county_id, town_id, village_id, household_id, responsible_user_id, period, due_at, opened_at)
       select w.due_item_key, 'comparison_follow_up', w.county_id, w.town_id, w.village_id, w.household_id, h.responsible_user_id, w.month, $2, w.raised_at
         from comparison_warnings w join households h on h.id = w.household_id
        where w.batch_id = $1 and w.due_item_key is not null
       on conflict (item_key) do nothing`,
      [b, run.followUp.dueAt],
    );
  }
  await client.query(
    `insert into household_events (household_id, event_key, kind, actor_user_id, occurred_at, payload)
     select r.household_id, 'comparison:' || $2 || ':' || $3 || ':' || $4 || ':' || r.household_id, 'comparison.matched', $5, $6,
            jsonb_build_object('feed', $3::text, 'month', $4::text, 'batchId', min(r.batch_id::text), 'rows',
              jsonb_agg(jsonb_build_object('rowNo', r.row_no, 'memberId', r.member_id, 'fact', r.fact_value, 'warning', r.warning_rule) order by r.row_no))
       from comparison_rows r
      where r.batch_id = $1 and r.outcome = 'matched'
      group by r.household_id
     on conflict (event_key) do nothing`,
    [b, run.countyId, run.feed, run.month, run.uploadedBy, run.receivedAt],
  );
  await client.query(
    `insert into comparison_batches (id, county_id, feed, department_id, month, file_name, file_sha256, uploaded_by, received_at,
                                     rows_received, matched, unknown, rejected, no_consent, warnings, households_affected)
     select $1, $2, $3, $4, $5, $6, $7, $8, $9, count(*),
            count(*) filter (where outcome = 'matched'), count(*) filter (where outcome = 'unknown'),
            count(*) filter (where outcome = 'rejected'), count(*) filter (where outcome = 'no_consent'), $10,
            count(distinct household_id) filter (where outcome = 'matched')
       from comparison_rows where batch_id = $1`,
    [b, run.countyId, run.feed, run.departmentId, run.month, run.fileName, sha, run.uploadedBy, run.receivedAt, warnings.rowCount ?? 0],
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
  notices: (warnings: readonly NewWarning[]) => WarningNotice[],
): Promise<RunResult> {
  const client = await poolOf(db).connect();
  try {
    await client.query('begin');
    try {
      // One upload of a feed and month at a time: the same file sent twice at once finds the first's batch by its hash.
      await client.query('select pg_advisory_xact_lock(hashtextextended($1, 0))', [`comparison:${run.countyId}:${run.feed}:${run.month}`]);
      await copyRows(client, run.batchId, rows);
      const sha = hash();
      const same = await client.query<{ id: string }>(`select id from comparison_batches where county_id = $1 and feed = $2 and month = $3 and file_sha256 = $4`, [run.countyId, run.feed, run.month, sha]);
      if (same.rows[0]) {
        await client.query('rollback');
        return { repeated: true, batchId: same.rows[0].id };
      }
      const warnings = await compare(client, run, sha);
      const messages = notices(warnings);
      for (let i = 0; i < messages.length; i += 1000) {
        await client.query(
          `insert into notifications (notification_key, county_id, recipient_jurisdiction_id, recipient_role, kind, title, body, household_id, due_item_key, created_at)
           select n.key, n."countyId", n."jurisdictionId", n.role, 'comparison.warning', n.title, n.body, n."householdId"::uuid, n."dueItemKey", $2
             from jsonb_to_recordset($1::jsonb) as n(key text, "countyId" text, "jurisdictionId" text, role text, title text, body text, "householdId" text, "dueItemKey" text)
           on conflict (notification_key) do nothing`,
          [JSON.stringify(messages.slice(i, i + 1000)), run.receivedAt],
        );
      }
      await client.query('commit');
      return { repeated: false, batchId: run.batchId, warnings };
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    }
  } finally {
    client.release();
  }
}
