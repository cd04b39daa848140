/**
 * The household workflow's contract: its input, updates and queries. The API
 * imports this file and nothing else from workflows/.
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Actor, HouseholdPlace } from '../../domain/access.js';
import type { Period } from '../../domain/calendar.js';
import type {
  CaseProgress,
  Decision,
  IdentificationStep,
  MonitoringCategory,
  RiskCause,
} from '../../domain/identification.js';

export const DISCOVERY_CHANNELS = ['application', 'cadre_visit', 'department_warning'] as const;
export type DiscoveryChannel = (typeof DISCOVERY_CHANNELS)[number];

export type HouseholdStage = 'registered' | 'identifying' | 'monitoring' | 'not_included';

export interface HouseholdWorkflowInput {
  readonly version: 1;
  readonly householdId: string;
  readonly place: HouseholdPlace;
  readonly channel: DiscoveryChannel;
  readonly openedBy: Actor;
  /** Carried over by continue-as-new; absent on the first run. */
  readonly carried?: HouseholdSnapshot;
}

export interface MonthlyUpdateRecord {
  readonly period: Period;
  readonly submittedAt: number;
  readonly late: boolean;
  readonly byUserId: string;
}

/** The policy an identification case follows, fixed when the case opens. */
export type { CasePolicy } from '../../activities/policy.js';
import type { CasePolicy } from '../../activities/policy.js';
export type { AssessmentSummary } from '../../activities/assessment.js';
import type { AssessmentSummary } from '../../activities/assessment.js';
import type { Threats } from '../../domain/assessment.js';

export interface IdentificationCase {
  readonly caseNo: number;
  readonly openedAt: number;
  readonly channels: readonly DiscoveryChannel[];
  readonly policy: CasePolicy;
  readonly progress: CaseProgress;
  /** Increments each time a public notice starts, so a timer knows its own notice. */
  readonly noticeRound: number;
  readonly noticeEndsAt: number | null;
  readonly lastReturnReason: string | null;
  /** The income and expenditure assessment of the latest application (absent on cases opened before it existed). */
  readonly assessment?: AssessmentSummary | null;
}

export interface HouseholdSnapshot {
  readonly openedAt: number;
  readonly stage: HouseholdStage;
  readonly category: MonitoringCategory | null;
  readonly riskCauses: readonly RiskCause[];
  readonly eventSeq: number;
  readonly casesOpened: number;
  readonly currentCase: IdentificationCase | null;
  readonly monthlyUpdates: readonly MonthlyUpdateRecord[];
  readonly overduePeriods: readonly Period[];
}

export interface HouseholdView extends HouseholdSnapshot {
  readonly householdId: string;
}

/** Supporting material: a file reference or a description of what was seen. */
export interface Evidence {
  readonly title: string;
  readonly reference?: string;
}

export interface MonthlyUpdateInput {
  readonly actor: Actor;
  readonly period: Period;
  readonly note?: string;
}

export interface MonthlyUpdateResult {
  readonly period: Period;
  readonly late: boolean;
}

export interface OpenCaseInput {
  readonly actor: Actor;
  readonly channel: DiscoveryChannel;
  readonly reason: string;
}

export interface CaseResult {
  readonly caseNo: number;
  readonly status: CaseProgress['status'];
  readonly current: IdentificationStep | null;
  /** True when the household already had a case in progress and this discovery joined it. */
  readonly merged?: boolean;
}

export type { IncomeRecord as IncomeLine, SpendingRecord as SpendingLine } from '../../domain/income.js';
import type { IncomeRecord, SpendingRecord } from '../../domain/income.js';

/** The application with the household survey 返贫致贫风险户调查表 and income/expenditure calculation 收支测算表. */
export interface ApplicationInput {
  readonly actor: Actor;
  readonly statement: string;
  readonly riskCauses: readonly RiskCause[];
  readonly survey: {
    readonly memberCount: number;
    readonly income: readonly IncomeRecord[];
    readonly spending: readonly SpendingRecord[];
    readonly lastYearIncomePerCapita?: number;
    /** Threats to “两不愁三保障” and drinking water found in the survey. */
    readonly threats?: Partial<Threats>;
  };
  readonly evidence: readonly Evidence[];
}

export interface StepDecisionInput {
  readonly actor: Actor;
  readonly step: Exclude<IdentificationStep, 'application' | 'public_notice'>;
  readonly decision: Decision;
  readonly opinion: string;
  /** Who took part (村组评议: village group, village committee, resident team, contact cadres) [001]. */
  readonly participants?: readonly string[];
  readonly evidence?: readonly Evidence[];
  /** Required when approving on the deciding step. */
  readonly category?: MonitoringCategory;
  readonly riskCauses?: readonly RiskCause[];
}

export interface ObjectionInput {
  readonly actor: Actor;
  readonly objector: string;
  readonly content: string;
}

/** Failure types an update validator refuses with; the API maps each to an HTTP status. */
export const REFUSALS = {
  notAllowed: 'NotAllowed',
  wrongStep: 'WrongStep',
  invalidInput: 'InvalidInput',
} as const;

export const householdWorkflowId = (householdId: string): string => `household-${householdId}`;

export const submitMonthlyUpdate = defineUpdate<MonthlyUpdateResult, [MonthlyUpdateInput]>('submitMonthlyUpdate');
export const openIdentification = defineUpdate<CaseResult, [OpenCaseInput]>('openIdentification');
export const submitApplication = defineUpdate<CaseResult, [ApplicationInput]>('submitApplication');
export const decideStep = defineUpdate<CaseResult, [StepDecisionInput]>('decideStep');
export const raiseObjection = defineUpdate<CaseResult, [ObjectionInput]>('raiseObjection');
export const getHouseholdState = defineQuery<HouseholdView>('getHouseholdState');
