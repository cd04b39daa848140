/**
 * The plain-SQL batch: the same record changes as the household workflow's
 * month — the month's items in the register, for 90 % the update closed with
 * its file entry, its income record, the re-assessment and what it suggested,
 * for the rest the item overdue with its file entry and the two inbox messages
 * — as a few set-based statements per phase, each phase one transaction. The
 * re-assessment's result is the one the workflow's activity wrote for the same
 * figures (the assessment is domain code, not SQL).
 */
import { formatLocalDate, toLocalDate } from '../../domain/calendar/dates.js';
import { dueItemKindNames, notificationMessages } from '../../domain/messages/catalogue.js';
import type { MonthPlan } from '../../domain/monitoring/month-plan.js';
import { isRest, withClient, type LoadedHousehold } from './load.js';

export interface BatchRun {
  readonly monthTurnS: number;
  readonly updatesS: number;
  readonly deadlineS: number;
}

export async function runSqlBatch(options: {
  ownerUrl: string;
  households: readonly LoadedHousehold[];
  month: string;
  lastMonth: string;
  plan: MonthPlan;
  deadline: number;
  /** The payloads the workflow's re-assessment wrote (monitoring.assessed, monitoring.elimination_suggested). */
  assessed: Record<string, unknown>;
  suggested: Record<string, unknown> | null;
}): Promise<BatchRun> {
  const o = options;
  const all = o.households.map((h) => h.id);
  const updated = o.households.filter((h) => !isRest(h.index)).map((h) => h.id);
  const rest = o.households.filter((h) => isRest(h.index)).map((h) => h.id);
  return withClient(o.ownerUrl, async (c) => {
    const phase = async (statements: ReadonlyArray<readonly [string, readonly unknown[]]>) => {
      const start = performance.now();
      await c.query('begin');
      for (const [text, params] of statements) await c.query(text, [...params]);
      await c.query('commit');
      return (performance.now() - start) / 1000;
    };
    const now = new Date();
    const monthTurnS = await phase(
      o.plan.items.map((item) => [
        `insert into due_items (item_key, kind, county_id, town_id, village_id, household_id, responsible_user_id, period, due_at, opened_at)
         select 'household:' || h.id || ':' || $2 || ':' || $3, $2, h.county_id, h.town_id, h.village_id, h.id, h.responsible_user_id, $3, $4, $5
         from households h where h.id = any($1::uuid[])`,
        [all, item.kind, o.month, new Date(item.dueAt), now],
      ]),
    );
    const at = new Date();
    const key = `'household:' || h.id || ':monthly_update:' || $2`;
    const updatesS = await phase([
      [
        `update due_items d set status = 'done', done_at = $3, done_by = h.responsible_user_id
         from households h where h.id = any($1::uuid[]) and d.item_key = ${key}`,
        [updated, o.lastMonth, at],
      ],
      [
        `insert into household_events (household_id, event_key, kind, actor_user_id, occurred_at, payload)
         select h.id, h.id || ':11:monthly_update.submitted', 'monthly_update.submitted', h.responsible_user_id, $3,
                jsonb_build_object('period', $2::text, 'late', false, 'note', '本月收入稳定', 'memberChanges', '无变化', 'policiesEnjoyed', '[]'::jsonb)
         from households h where h.id = any($1::uuid[])`,
        [updated, o.lastMonth, at],
      ],
      [
        `insert into household_income_records (household_id, source, submission_key, recorded_by, recorded_at, period, kind, amount_fen, entry_key)
         select h.id, 'monthly_update:' || $2, h.id || ':12:monitoring.assessed', h.responsible_user_id, $3, $2, 'wages', 3000000, h.id || ':12:monitoring.assessed:income:0'
         from households h where h.id = any($1::uuid[])`,
        [updated, o.lastMonth, at],
      ],
      [
        `insert into household_events (household_id, event_key, kind, actor_user_id, occurred_at, payload)
         select h.id, h.id || ':12:monitoring.assessed', 'monitoring.assessed', null, $2, $3::jsonb
         from households h where h.id = any($1::uuid[])`,
        [updated, at, JSON.stringify(o.assessed)],
      ],
      ...(o.suggested
        ? [
            [
              `insert into household_events (household_id, event_key, kind, actor_user_id, occurred_at, payload)
               select h.id, h.id || ':13:monitoring.elimination_suggested', 'monitoring.elimination_suggested', null, $2, $3::jsonb
               from households h where h.id = any($1::uuid[])`,
              [updated, at, JSON.stringify(o.suggested)],
            ] as const,
          ]
        : []),
    ]);
    const deadline = new Date(o.deadline);
    const what = dueItemKindNames.monthly_update ?? 'monthly_update';
    const due = formatLocalDate(toLocalDate(o.deadline - 1));
    const { rows: places } = await c.query<{ id: string; head_name: string; village_name: string; village_id: string; town_id: string; county_id: string }>(
      `select h.id, h.head_name, v.name as village_name, h.village_id, h.town_id, h.county_id
       from households h join jurisdictions v on v.id = h.village_id where h.id = any($1::uuid[]) order by h.id`,
      [rest],
    );
    const messages = places.flatMap((p) =>
      (['village', 'town'] as const).map((level) => ({
        key: `household:${p.id}:monthly_update:${o.lastMonth}:overdue:${level}`,
        county: p.county_id,
        place: level === 'village' ? p.village_id : p.town_id,
        role: level === 'village' ? 'village_cadre' : 'town_officer',
        body: notificationMessages.householdItemOverdue(p.village_name, p.head_name, o.lastMonth, what, due),
        household: p.id,
        item: `household:${p.id}:monthly_update:${o.lastMonth}`,
      })),
    );
    const deadlineS = await phase([
      [`update due_items d set overdue_at = $3 from households h where h.id = any($1::uuid[]) and d.item_key = ${key}`, [rest, o.lastMonth, deadline]],
      [
        `insert into household_events (household_id, event_key, kind, actor_user_id, occurred_at, payload)
         select h.id, h.id || ':11:monthly_update.overdue', 'monthly_update.overdue', null, $3, jsonb_build_object('period', $2::text, 'deadline', $4::text)
         from households h where h.id = any($1::uuid[])`,
        [rest, o.lastMonth, deadline, deadline.toISOString()],
      ],
      [
        `insert into notifications (notification_key, county_id, recipient_jurisdiction_id, recipient_role, kind, title, body, household_id, due_item_key, created_at)
         select k, c, p, r, 'due_item.overdue', $8, b, h, i, $9
         from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::uuid[], $7::text[]) as m(k, c, p, r, b, h, i)`,
        [
          messages.map((m) => m.key),
          messages.map((m) => m.county),
          messages.map((m) => m.place),
          messages.map((m) => m.role),
          messages.map((m) => m.body),
          messages.map((m) => m.household),
          messages.map((m) => m.item),
          notificationMessages.overdueTitle(what),
          deadline,
        ],
      ],
    ]);
    return { monthTurnS, updatesS, deadlineS };
  });
}

/** The rows a subject's households have in each table the month writes: the engine's and the batch's must match. */
export async function rowsWritten(ownerUrl: string, ids: readonly string[]): Promise<Record<string, number>> {
  return withClient(ownerUrl, async (c) => {
    const q = async (text: string) => Number((await c.query<{ n: string }>(text, [ids])).rows[0]?.n ?? 0);
    const kinds = await c.query<{ kind: string; n: string }>(`select kind, count(*) as n from household_events where household_id = any($1::uuid[]) group by kind order by kind`, [ids]);
    return {
      'due items open': await q(`select count(*) as n from due_items where household_id = any($1::uuid[]) and status = 'open' and overdue_at is null`),
      'due items done': await q(`select count(*) as n from due_items where household_id = any($1::uuid[]) and status = 'done'`),
      'due items overdue': await q(`select count(*) as n from due_items where household_id = any($1::uuid[]) and overdue_at is not null`),
      'income records': await q(`select count(*) as n from household_income_records where household_id = any($1::uuid[])`),
      notifications: await q(`select count(*) as n from notifications where household_id = any($1::uuid[])`),
      ...Object.fromEntries(kinds.rows.map((r) => [`file: ${r.kind}`, Number(r.n)])),
    };
  });
}
