/**
 * A warning routed 预警 → 跟进 (issue 15, item 5): a monitored household's
 * warning, once kept in comparison_warnings, opens its follow-up item in the
 * register with the profile's clock (the household's 帮扶责任人 responsible)
 * and tells the town's officers and the village's cadres, in the caller's
 * transaction. One routing for both kinds of warning: a department feed's
 * (db/repositories/comparison-run.ts, set-based over a batch's warnings on its
 * pg connection) and the monthly re-assessment's (activities/monthly-steps.ts,
 * one warning in the update's Kysely transaction) — each passes how it runs SQL.
 * The item stays open until someone records what was done
 * (comparisonRepo.recordFollowUp closes both kinds alike).
 */
import { CompiledQuery, type Kysely } from 'kysely';
import type { Database } from '../database.js';

/** A warning just kept, as routing needs it. */
export interface RaisedWarning {
  readonly id: string;
  readonly countyId: string;
  readonly townId: string;
  readonly villageId: string;
  readonly householdId: string;
  /** The follow-up item's key; null when the profile gives no clock (the warning is told, its follow-up has no item). */
  readonly dueItemKey: string | null;
}

export interface WarningMessage {
  readonly title: string;
  readonly body: string;
}

export interface Routing<W extends RaisedWarning> {
  /** The notification's kind: where the warning came from. */
  readonly kind: 'comparison.warning' | 'monitoring.warning';
  /** The follow-up's deadline; null: no clock. */
  readonly dueAt: Date | null;
  /** The period the item belongs to (the feed's month, the update's period). */
  readonly period: string;
  readonly at: Date;
  readonly message: (warning: W) => WarningMessage;
}

/** Runs one statement on the caller's connection or transaction. */
export type RunSql = (text: string, values: readonly unknown[]) => Promise<unknown>;

/** A Kysely transaction (or database) as a RunSql. */
export const kyselySql =
  (db: Kysely<any>): RunSql =>
  (text, values) =>
    db.executeQuery(CompiledQuery.raw(text, [...values]));

/** Who is told of a warning: the town's officers and the village's cadres (the 帮扶责任人 among them). */
const RECIPIENTS = ['town_officer', 'village_cadre'] as const;

export async function routeWarnings<W extends RaisedWarning>(run: RunSql, warnings: readonly W[], routing: Routing<W>): Promise<void> {
  if (warnings.length === 0) return;
  const clocked = warnings.filter((w) => w.dueItemKey !== null).map((w) => w.id);
  if (routing.dueAt && clocked.length > 0) {
    await run(
      `insert into due_items (item_key, kind, county_id, town_id, village_id, household_id, responsible_user_id, period, due_at, opened_at)
       select w.due_item_key, 'comparison_follow_up', w.county_id, w.town_id, w.village_id, w.household_id, h.responsible_user_id, $3, $2, $4
         from comparison_warnings w join households h on h.id = w.household_id
        where w.id = any ($1::bigint[]) and w.due_item_key is not null
       on conflict (item_key) do nothing`,
      [clocked, routing.dueAt, routing.period, routing.at],
    );
  }
  const notices = warnings.flatMap((w) => {
    const { title, body } = routing.message(w);
    return RECIPIENTS.map((role) => ({
      key: `${routing.kind === 'comparison.warning' ? 'comparison-warning' : 'monitoring-warning'}:${w.id}:${role}`,
      countyId: w.countyId,
      jurisdictionId: role === 'town_officer' ? w.townId : w.villageId,
      role,
      title,
      body,
      householdId: w.householdId,
      dueItemKey: w.dueItemKey,
    }));
  });
  for (let i = 0; i < notices.length; i += 1000) {
    await run(
      `insert into notifications (notification_key, county_id, recipient_jurisdiction_id, recipient_role, kind, title, body, household_id, due_item_key, created_at)
       select n.key, n."countyId", n."jurisdictionId", n.role, $2, n.title, n.body, n."householdId"::uuid, n."dueItemKey", $3
         from jsonb_to_recordset($1::jsonb) as n(key text, "countyId" text, "jurisdictionId" text, role text, title text, body text, "householdId" text, "dueItemKey" text)
       on conflict (notification_key) do nothing`,
      [JSON.stringify(notices.slice(i, i + 1000)), routing.kind, routing.at],
    );
  }
}

/** A warning the household's monthly re-assessment raised, to be kept beside the feeds' (source monthly_update). */
export interface MonthlyWarning {
  readonly householdId: string;
  readonly countyId: string;
  readonly period: string;
  /** The running number of the warning's entry in the household file: one warning (and follow-up) per entry. */
  readonly seq: number;
  readonly rule: string;
  /** The re-assessment's reasons, in a clerk's words. */
  readonly ruleName: string;
  readonly factValue: Readonly<Record<string, unknown>>;
  readonly followUpDays: number | null;
  readonly at: Date;
}

/**
 * Keeps a monthly re-assessment's warning of a monitored household, once by
 * its key (a retried step finds it kept); answers it as routing needs it,
 * with the household's head, or undefined when the household is unknown.
 */
export async function keepMonthlyWarning(db: Kysely<Database>, w: MonthlyWarning): Promise<(RaisedWarning & { readonly headName: string }) | undefined> {
  const household = await db.selectFrom('households').select(['county_id', 'town_id', 'village_id', 'head_name']).where('id', '=', w.householdId).executeTakeFirst();
  if (!household) return undefined;
  const key = `${w.countyId}:monthly_update:${w.period}:${w.householdId}:${w.seq}`;
  const dueItemKey = w.followUpDays ? `monthly-warning:${w.householdId}:${w.seq}` : null;
  await db
    .insertInto('comparison_warnings')
    .values({
      warning_key: key,
      source: 'monthly_update',
      batch_id: null,
      row_no: null,
      county_id: household.county_id,
      town_id: household.town_id,
      village_id: household.village_id,
      household_id: w.householdId,
      member_id: null,
      feed: 'monthly_update',
      month: w.period,
      rule: w.rule,
      rule_name: w.ruleName,
      fact_value: JSON.stringify(w.factValue),
      routed: 'follow_up',
      discovery: null,
      due_item_key: dueItemKey,
      follow_up_days: w.followUpDays,
      raised_at: w.at,
    })
    .onConflict((oc) => oc.column('warning_key').doNothing())
    .execute();
  const kept = await db.selectFrom('comparison_warnings').select(['id', 'due_item_key']).where('warning_key', '=', key).executeTakeFirstOrThrow();
  return {
    id: kept.id,
    countyId: household.county_id,
    townId: household.town_id,
    villageId: household.village_id,
    householdId: w.householdId,
    dueItemKey: kept.due_item_key,
    headName: household.head_name,
  };
}
