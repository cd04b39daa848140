/**
 * After the kills: what the database and Temporal hold against what the
 * clients were told. Every accepted step left its file entry exactly once
 * (lost: none; duplicated: none), each household exists once, its plan and its
 * task once, no notification or register item twice, and each household's and
 * task's workflow runs and says what the database says.
 */
import { sql } from 'kysely';
import { getHouseholdState, householdWorkflowId } from '../../workflows/household/definitions.js';
import { getTaskState } from '../../workflows/measure-task/definitions.js';
import type { Journey } from './journeys.js';
import type { ChaosSystem } from './system.js';

/** The file entries each step leaves (household_events.kind): a kind appears as often as the accepted steps that leave it. */
export const STEP_EVENTS: Record<string, readonly string[]> = {
  register: ['household.registered'],
  visit: ['monitoring.visited'],
  'open identification': ['identification.opened'],
  application: ['identification.application_submitted'],
  'village review': ['identification.step_approved'],
  'town audit': ['identification.step_approved'],
  'county decision': ['identification.approved'],
  plan: ['assistance_plan.confirmed'],
  'accept task': ['measure_task.accepted'],
};

export interface Audit {
  readonly accepted: number;
  readonly lost: string[];
  readonly duplicated: string[];
  /** What Temporal says that the database does not (or a workflow not running). */
  readonly disagreements: string[];
}

export async function audit(system: ChaosSystem, journeys: readonly Journey[]): Promise<Audit> {
  const lost: string[] = [];
  const duplicated: string[] = [];
  const disagreements: string[] = [];
  const db = system.owner;
  const names = journeys.map((j) => j.headName);

  const households = await db.selectFrom('households').select(['id', 'head_name', 'stage']).where('head_name', 'in', names).execute();
  const byName = new Map<string, typeof households>();
  for (const h of households) byName.set(h.head_name, [...(byName.get(h.head_name) ?? []), h]);
  const events = await db.selectFrom('household_events').select(['household_id', 'kind']).where('household_id', 'in', households.length ? households.map((h) => h.id) : ['00000000-0000-0000-0000-000000000000']).execute();
  const kinds = new Map<string, Map<string, number>>();
  for (const e of events) {
    const of = kinds.get(e.household_id) ?? new Map<string, number>();
    of.set(e.kind, (of.get(e.kind) ?? 0) + 1);
    kinds.set(e.household_id, of);
  }

  for (const j of journeys) {
    const rows = byName.get(j.headName) ?? [];
    if (rows.length > 1) duplicated.push(`${j.headName}: ${rows.length} households registered`);
    const row = rows.find((r) => r.id === j.householdId) ?? rows[0];
    const expected = new Map<string, number>();
    for (const step of j.accepted) for (const kind of STEP_EVENTS[step] ?? []) expected.set(kind, (expected.get(kind) ?? 0) + 1);
    for (const [kind, want] of expected) {
      const n = row ? (kinds.get(row.id)?.get(kind) ?? 0) : 0;
      if (n < want) lost.push(`${j.headName}: ${n} × ${kind}, ${want} accepted`);
      if (n > want) duplicated.push(`${j.headName}: ${n} × ${kind}, ${want} accepted`);
    }
  }

  const ids = households.map((h) => h.id);
  if (ids.length > 0) {
    const repeated = async (label: string, query: Promise<{ rows: unknown[] }>) => {
      for (const r of (await query).rows) duplicated.push(`${label}: ${JSON.stringify(r)}`);
    };
    await repeated('plans', sql`select household_id, count(*)::int as n from assistance_plans where household_id = any(${ids}) group by household_id having count(*) > 1`.execute(db));
    await repeated('tasks', sql`select household_id, measure, count(*)::int as n from measure_tasks where household_id = any(${ids}) group by household_id, measure having count(*) > 1`.execute(db));
    await repeated(
      'notifications',
      sql`select household_id, kind, recipient_jurisdiction_id, recipient_role, recipient_department_id, due_item_key, title, count(*)::int as n from notifications
          where household_id = any(${ids}) group by 1, 2, 3, 4, 5, 6, 7 having count(*) > 1`.execute(db),
    );
    await repeated(
      'register items',
      sql`select household_id, kind, period, department_id, count(*)::int as n from due_items
          where household_id = any(${ids}) and status <> 'done' group by 1, 2, 3, 4 having count(*) > 1`.execute(db),
    );
  }

  const { client, close } = await system.temporal();
  try {
    for (const j of journeys) {
      const row = (byName.get(j.headName) ?? []).find((r) => r.id === j.householdId);
      if (!row) continue;
      const handle = client.workflow.getHandle(householdWorkflowId(row.id));
      const described = await handle.describe();
      if (described.status.name !== 'RUNNING') disagreements.push(`${j.headName}: household workflow ${described.status.name}`);
      const state = await handle.query(getHouseholdState);
      if (state.stage !== row.stage) disagreements.push(`${j.headName}: workflow says ${state.stage}, the database ${row.stage}`);
      if (j.taskKey) {
        // A task's key is its workflow's id (measureTaskWorkflowId).
        const task = await client.workflow.getHandle(j.taskKey).query(getTaskState);
        const stored = await db.selectFrom('measure_tasks').select('status').where('task_key', '=', j.taskKey).executeTakeFirst();
        if (task.status !== stored?.status) disagreements.push(`${j.headName}: task workflow says ${task.status}, the database ${stored?.status}`);
      }
    }
  } finally {
    await close();
  }

  return { accepted: journeys.reduce((n, j) => n + j.accepted.length, 0), lost, duplicated, disagreements };
}

/** Every file entry kind of the run's households, for reading a failed run. */
export async function eventKindsOf(system: ChaosSystem, householdId: string): Promise<string[]> {
  const rows = await system.owner.selectFrom('household_events').select('kind').where('household_id', '=', householdId).orderBy('recorded_at').execute();
  return rows.map((r) => r.kind);
}
