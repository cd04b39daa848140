/**
 * The monthly comparison of a county 月度部门数据比对 as a workflow: opened by
 * the first feed of the month, told of each feed as it is compared, closed by
 * the county bureau (or at the end of the following month) with its report
 * kept. The API imports this file only.
 */
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Actor } from '../../domain/access/roles.js';

export interface ComparisonMonthInput {
  readonly version: 1;
  readonly countyId: string;
  /** YYYY-MM. */
  readonly month: string;
}

export interface FeedReceived {
  readonly batchId: string;
  /** The feed's name, for the discoveries' reasons. */
  readonly feedName: string;
}

export interface CloseComparisonInput {
  readonly actor: Actor;
}

export interface ComparisonMonthView {
  readonly countyId: string;
  readonly month: string;
  readonly openedAt: number;
  readonly batches: readonly string[];
  /** Discoveries handed to their households' workflows so far. */
  readonly discoveriesHanded: number;
  readonly closedAt: number | null;
}

/** Discoveries handed over per activity, and the pause between two pages (the pace of the fan-out). */
export const DISCOVERY_PAGE = 50;
export const DISCOVERY_PAUSE_MS = 1000;

export const comparisonMonthWorkflowId = (countyId: string, month: string) => `comparison-${countyId}-${month}`;
export const feedReceived = defineSignal<[FeedReceived]>('feedReceived');
export const closeComparisonMonth = defineUpdate<{ closedAt: number }, [CloseComparisonInput]>('closeComparisonMonth');
export const getComparisonMonth = defineQuery<ComparisonMonthView>('getComparisonMonth');
