/**
 * The household workflow's contract: its input, updates and queries. The API
 * imports this file and nothing else from workflows/.
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Actor, HouseholdPlace } from '../../domain/access.js';
import type { Period } from '../../domain/calendar.js';

export const DISCOVERY_CHANNELS = ['application', 'cadre_visit', 'department_warning'] as const;
export type DiscoveryChannel = (typeof DISCOVERY_CHANNELS)[number];

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

export interface HouseholdSnapshot {
  readonly openedAt: number;
  readonly monthlyUpdates: readonly MonthlyUpdateRecord[];
  readonly overduePeriods: readonly Period[];
}

export interface HouseholdView extends HouseholdSnapshot {
  readonly householdId: string;
  readonly stage: 'monitoring';
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

/** Failure types an update validator refuses with; the API maps each to an HTTP status. */
export const REFUSALS = {
  notAllowed: 'NotAllowed',
  wrongStep: 'WrongStep',
  invalidInput: 'InvalidInput',
} as const;

export const householdWorkflowId = (householdId: string): string => `household-${householdId}`;

export const submitMonthlyUpdate = defineUpdate<MonthlyUpdateResult, [MonthlyUpdateInput]>('submitMonthlyUpdate');
export const getHouseholdState = defineQuery<HouseholdView>('getHouseholdState');
