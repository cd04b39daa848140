/**
 * The special inspection campaign's contract 专项督查: its input, updates and
 * query. The API imports this file and nothing else of the campaign workflow.
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Actor } from '../../domain/access/roles.js';
import type { CheckItem, Responsible } from '../../domain/campaigns/checklist.js';
import type { CampaignReport } from '../../domain/campaigns/report.js';
import type { TaskDocument } from '../../domain/measures/tasks.js';
import type { AnsweredUpdate } from '../shared/answered-updates.js';

export type { CampaignReport } from '../../domain/campaigns/report.js';

/** At most this many households' checks go into the register per activity. */
export const DEFAULT_PAGE_SIZE = 500;
/** Pages per run before it continues as new: a run's history stays far below Temporal's limits however large the cohort. */
export const DEFAULT_PAGES_PER_RUN = 40;

export interface CampaignInput {
  readonly version: 1;
  readonly campaignId: string;
  readonly responsible: Responsible;
  readonly departmentId: string | null;
  readonly checklist: readonly CheckItem[];
  /** Epoch ms: the checks' deadline. */
  readonly dueAt: number;
  readonly pageSize: number;
  readonly pagesPerRun: number;
  /** The fan-out's cursor: households of the cohort up to this number are in the register. */
  readonly afterSeq: number;
  readonly fannedOut: boolean;
  readonly answered?: readonly AnsweredUpdate[];
}

export const campaignWorkflowId = (campaignId: string): string => `campaign-${campaignId}`;

export interface FoundProblemInput {
  readonly kind: string;
  readonly description: string;
  /** The local date (YYYY-MM-DD) the rectification is required by. */
  readonly rectifyBy: string;
}

export interface RecordCheckInput {
  readonly actor: Actor;
  readonly householdId: string;
  /** The checklist items done (each of the campaign's checklist). */
  readonly checked: readonly string[];
  readonly note: string | null;
  /** None: no problem found. */
  readonly problems: readonly FoundProblemInput[];
}

export interface RectifyInput {
  readonly actor: Actor;
  readonly problemId: string;
  readonly evidence: { readonly whatWasDone: string; readonly date: string; readonly documents: readonly TaskDocument[] };
}

export interface PublishNoticeInput {
  readonly actor: Actor;
}

export interface CheckResult {
  readonly recorded: boolean;
  readonly late: boolean;
  readonly problems: number;
}

export interface CampaignView {
  readonly campaignId: string;
  readonly fannedOut: boolean;
  readonly afterSeq: number;
  readonly closed: boolean;
}

export const recordCampaignCheck = defineUpdate<CheckResult, [RecordCheckInput]>('recordCampaignCheck');
export const rectifyCampaignProblem = defineUpdate<{ late: boolean }, [RectifyInput]>('rectifyCampaignProblem');
export const publishCampaignNotice = defineUpdate<CampaignReport, [PublishNoticeInput]>('publishCampaignNotice');
export const getCampaignState = defineQuery<CampaignView>('getCampaignState');
