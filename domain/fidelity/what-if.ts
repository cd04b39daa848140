/**
 * The what-if 试算 (issue 17, item 7): a draft policy version run in shadow
 * over the whole caseload before it takes effect. Each household's latest
 * assessment is re-run from its stored inputs for the draft's first month,
 * by the version in force and by the draft, and compared with the stored
 * assessment the way the monthly re-assessment does (domain/monitoring/risk-signal.ts):
 * who would enter, leave, or get a warning — by town and category, with the list.
 */
import type { Period } from '../calendar/dates.js';
import { riskSignal, type AssessmentSummary, type MonitoringStatus } from '../monitoring/risk-signal.js';
import type { PolicyProfile } from '../policy/profile.js';
import { deriveAssessment, incomeWindowEnd, type AssessmentInputs } from './summary.js';

export interface CaseloadRow {
  readonly householdId: string;
  readonly headName: string;
  readonly townId: string;
  readonly category: string;
  readonly stage: string;
  readonly summary: AssessmentSummary;
  readonly inputs: AssessmentInputs;
}

export type WhatIfChange = 'enter' | 'leave' | 'warn';

export interface WhatIfHit {
  readonly householdId: string;
  readonly headName: string;
  readonly townId: string;
  readonly category: string;
  readonly change: WhatIfChange;
  /** Whether the version in force would give the same answer that month: then the draft is not what causes it. */
  readonly alsoUnderCurrent: boolean;
  readonly perCapitaFen: number | null;
  readonly reasons: readonly string[];
}

export interface WhatIfResult {
  readonly period: Period;
  readonly households: number;
  readonly counts: Readonly<Record<WhatIfChange, number>>;
  /** `townId|category|change` → count. */
  readonly groups: readonly { readonly townId: string; readonly category: string; readonly change: WhatIfChange; readonly count: number }[];
  readonly hits: readonly WhatIfHit[];
}

const statusOf = (stage: string): MonitoringStatus => (stage === 'monitoring' ? 'monitored' : stage === 'eliminated' ? 'eliminated' : 'not_monitored');

/** The household's assessment for `period` by `profile`, on its stored records (the month not yet lived, as a re-assessment made in it). */
export function shadowAssessment(profile: PolicyProfile, row: CaseloadRow, period: Period): AssessmentSummary {
  const inputs: AssessmentInputs = {
    ...row.inputs,
    profileId: profile.id,
    profileVersion: profile.version,
    period,
    incomeWindowEnd: incomeWindowEnd(profile, period, true, row.inputs.incomeRecords),
  };
  return deriveAssessment(profile, inputs);
}

function changesOf(status: MonitoringStatus, stored: AssessmentSummary, next: AssessmentSummary): { change: WhatIfChange; reasons: readonly string[] }[] {
  const out: { change: WhatIfChange; reasons: readonly string[] }[] = [];
  const signal = riskSignal(status, next, stored);
  if (signal.kind === 'warning' || signal.kind === 'reentry') out.push({ change: 'warn', reasons: signal.reasons });
  if (status !== 'monitored' && next.conclusion === 'eligible' && stored.conclusion !== 'eligible') out.push({ change: 'enter', reasons: next.explanation.slice(-1) });
  if (status === 'monitored' && next.conclusion === 'not_eligible' && stored.conclusion === 'eligible') out.push({ change: 'leave', reasons: next.explanation.slice(-1) });
  return out;
}

/** Runs the draft (and the version in force, for comparison) over a batch of rows; `merge` adds batches up. */
export function whatIfBatch(rows: readonly CaseloadRow[], draft: PolicyProfile, current: PolicyProfile | null, period: Period): WhatIfHit[] {
  const hits: WhatIfHit[] = [];
  for (const row of rows) {
    const status = statusOf(row.stage);
    const next = shadowAssessment(draft, row, period);
    const found = changesOf(status, row.summary, next);
    if (found.length === 0) continue;
    const underCurrent = current ? changesOf(status, row.summary, shadowAssessment(current, row, period)).map((c) => c.change) : [];
    for (const { change, reasons } of found) {
      hits.push({ householdId: row.householdId, headName: row.headName, townId: row.townId, category: row.category, change, alsoUnderCurrent: underCurrent.includes(change), perCapitaFen: next.perCapitaFen, reasons });
    }
  }
  return hits;
}

export function whatIfResult(period: Period, households: number, hits: readonly WhatIfHit[]): WhatIfResult {
  const counts: Record<WhatIfChange, number> = { enter: 0, leave: 0, warn: 0 };
  const groups = new Map<string, { townId: string; category: string; change: WhatIfChange; count: number }>();
  for (const hit of hits) {
    counts[hit.change] += 1;
    const key = `${hit.townId}|${hit.category}|${hit.change}`;
    const group = groups.get(key) ?? { townId: hit.townId, category: hit.category, change: hit.change, count: 0 };
    group.count += 1;
    groups.set(key, group);
  }
  return { period, households, counts, groups: [...groups.values()].sort((a, b) => a.townId.localeCompare(b.townId) || a.category.localeCompare(b.category) || a.change.localeCompare(b.change)), hits };
}
