/**
 * The monthly comparison's steps 月度比对: the month opened and closed with its
 * report, and a batch's discoveries handed to their households' workflows a
 * page at a time — each once (the update id is the warning's), a household
 * that cannot take one (monitored meanwhile) marked not opened, one whose
 * workflow cannot be reached left pending for the API's sweep.
 */
import { refusedAsWrongStep } from '../workflow-refusals.js';
import { WorkflowNotFoundError, WorkflowUpdateStage, type Client } from '@temporalio/client';
import type { Kysely } from 'kysely';
import type { Actor } from '../../domain/access/roles.js';
import { comparisonMessages as m } from '../../domain/comparison/messages.js';
import type { Database } from '../../db/database.js';
import { comparisonMonthRepo } from '../../db/repositories/comparison-month.js';
import { comparisonRepo } from '../../db/repositories/comparison.js';

/** The household workflow's update by name (workflows/household/definitions.ts): activities do not import workflow code. */
const OPEN_IDENTIFICATION = 'openIdentification';
const householdWorkflowId = (householdId: string) => `household-${householdId}`;

export interface HandDiscoveriesInput {
  readonly batchId: string;
  readonly feedName: string;
  /** The last warning id of the previous page. */
  readonly after: string | null;
  readonly limit: number;
}

export interface HandDiscoveriesResult {
  readonly handed: number;
  readonly after: string | null;
  readonly more: boolean;
}

export function createComparisonMonthActivities(deps: { db: Kysely<Database>; client?: Client }) {
  const months = comparisonMonthRepo(deps.db);
  return {
    async openComparisonMonth(input: { countyId: string; month: string; at: number }): Promise<{ closedAt: number | null }> {
      const opened = await months.open(input.countyId, input.month, new Date(input.at));
      return { closedAt: opened.closedAt?.getTime() ?? null };
    },

    async closeComparisonMonthRecord(input: { countyId: string; month: string; closedBy: string | null; at: number }): Promise<{ closedAt: number }> {
      const closed = await months.close(input.countyId, input.month, input.closedBy, new Date(input.at));
      return { closedAt: closed.closedAt.getTime() };
    },

    async handComparisonDiscoveries(input: HandDiscoveriesInput): Promise<HandDiscoveriesResult> {
      const client = deps.client;
      if (!client) throw new Error('handComparisonDiscoveries needs a Temporal client');
      const page = await months.pendingDiscoveriesOfBatch(input.batchId, input.after, input.limit);
      let handed = 0;
      for (const w of page) {
        const actor: Actor = { userId: w.uploaded_by, role: w.role, jurisdictionId: w.jurisdiction_id ?? w.county_id, departmentId: w.department_id };
        const args = [{ actor, channel: 'department_warning', reason: m.discoveryReason(input.feedName, w.month, w.rule_name, w.row_no) }] as const;
        let outcome: 'opened' | 'joined' | 'not_opened';
        try {
          const update = await client.workflow
            .getHandle(householdWorkflowId(w.household_id))
            .startUpdate<{ merged?: boolean }, [(typeof args)[0]]>(OPEN_IDENTIFICATION, { args: [args[0]], updateId: `comparison-warning-${w.id}`, waitForStage: WorkflowUpdateStage.ACCEPTED });
          outcome = (await update.result()).merged ? 'joined' : 'opened';
        } catch (error) {
          if (error instanceof WorkflowNotFoundError) continue;
          if (!refusedAsWrongStep(error)) throw error;
          outcome = 'not_opened';
        }
        await comparisonRepo(deps.db).setDiscovery(w.id, outcome);
        handed += 1;
      }
      return { handed, after: page.at(-1)?.id ?? input.after, more: page.length === input.limit };
    },
  };
}
