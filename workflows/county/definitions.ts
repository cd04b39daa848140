/**
 * The county's own cadence: the county bureau's and the departments' items of
 * the profile's cadence (monthly data comparison, quarter-end export, 人社局's
 * quarterly summary, 医保局's mid-December tally …) and the monthly overdue
 * digest to each department. The API imports this file only.
 */
import type { AnsweredUpdate } from '../shared/answered-updates.js';
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Actor } from '../../domain/access/roles.js';

export interface CountyItemRecord {
  readonly key: string;
  readonly kind: string;
  readonly periodKey: string;
  readonly dueAt: number;
  /** Null for the county bureau's own items. */
  readonly departmentId: string | null;
  readonly doneAt: number | null;
  readonly late: boolean;
  readonly overdue: boolean;
}

export interface CountyCarried {
  /** The last month whose digest went out. */
  readonly lastDigest?: string;
  /** Items are planned up to this instant. */
  readonly plannedUntil?: number;
  readonly items?: readonly CountyItemRecord[];
  /** The latest updates' ids and results (see shared/answered-updates.ts). */
  readonly answeredUpdates?: readonly AnsweredUpdate[];
}

export interface CountyWorkflowInput {
  readonly version: 1;
  readonly countyId: string;
  /** Carried over by continue-as-new: the last month whose digest went out. */
  readonly lastDigest?: string;
  readonly carried?: CountyCarried;
}

export interface CompleteCountyItemInput {
  readonly actor: Actor;
  readonly kind: string;
  /** `2026-11`, `2026-Q4` or `2026`. */
  readonly period: string;
  readonly summary: string;
}

export interface CompleteCountyItemResult {
  readonly kind: string;
  readonly period: string;
  readonly doneAt: number;
  readonly late: boolean;
}

export const countyWorkflowId = (countyId: string): string => `county-${countyId}`;

/** Local hour of the 1st at which the month's digest goes out. */
export const DIGEST_HOUR = 9;

export const completeCountyItem = defineUpdate<CompleteCountyItemResult, [CompleteCountyItemInput]>('completeCountyItem');
export const getCountyState = defineQuery<{ readonly items: readonly CountyItemRecord[]; readonly lastDigest: string | null }>('getCountyState');
