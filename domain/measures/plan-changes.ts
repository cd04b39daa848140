/**
 * What a person changed in the suggested assistance plan 帮扶措施表 before
 * confirming it, each with its reason: a suggested measure left out, a measure
 * added from the county's catalogue, a measure given to another department
 * than the catalogue's lead. The console lists them as the officer edits (one
 * rule, run in the browser and checked again by the API and the workflow).
 */
import type { PlanMeasureChoice } from './tasks.js';

export const PLAN_CHANGE_KINDS = ['added', 'removed', 'department'] as const;
export type PlanChangeKind = (typeof PLAN_CHANGE_KINDS)[number];

export const PLAN_CHANGE_NAMES: Readonly<Record<PlanChangeKind, string>> = {
  added: '增加措施',
  removed: '不采纳建议措施',
  department: '改由其他部门牵头',
};

export interface PlanChange {
  readonly measure: string;
  /** The measure's name as the catalogue gives it, for the household file. */
  readonly measureName: string;
  readonly change: PlanChangeKind;
  readonly reason: string;
}

/** A suggested measure as the draft gives it: its code and the lead's department. */
export interface SuggestedMeasure {
  readonly code: string;
  readonly lead: { readonly departmentId: string | null };
}

/** The changes that need a reason, in the order of the suggestion, then the additions. */
export function planChanges(suggested: readonly SuggestedMeasure[], chosen: readonly PlanMeasureChoice[]): { measure: string; change: PlanChangeKind }[] {
  const changes: { measure: string; change: PlanChangeKind }[] = [];
  for (const s of suggested) {
    const kept = chosen.find((c) => c.code === s.code);
    if (!kept) changes.push({ measure: s.code, change: 'removed' });
    else if (kept.departmentId !== undefined && kept.departmentId !== s.lead.departmentId) changes.push({ measure: s.code, change: 'department' });
  }
  for (const c of chosen) if (!suggested.some((s) => s.code === c.code)) changes.push({ measure: c.code, change: 'added' });
  return changes;
}

export type PlanChangeProblem =
  | { readonly kind: 'reason_required'; readonly measureName: string }
  | { readonly kind: 'duplicate'; readonly measureName: string }
  | { readonly kind: 'inconsistent'; readonly measureName: string };

/**
 * Whether the stated changes fit the plan confirmed: each with its reason,
 * once per measure, an added or re-assigned measure in the plan and a left-out
 * one not in it. Null when they do.
 */
export function planChangeProblem(measures: readonly PlanMeasureChoice[], changes: readonly PlanChange[]): PlanChangeProblem | null {
  const seen = new Set<string>();
  for (const c of changes) {
    if (seen.has(c.measure)) return { kind: 'duplicate', measureName: c.measureName };
    seen.add(c.measure);
    if (c.reason.trim() === '') return { kind: 'reason_required', measureName: c.measureName };
    const inPlan = measures.some((m) => m.code === c.measure);
    if ((c.change === 'removed') === inPlan) return { kind: 'inconsistent', measureName: c.measureName };
  }
  return null;
}

export const planChangeMessages = {
  problem: (p: PlanChangeProblem): string => {
    switch (p.kind) {
      case 'reason_required':
        return `请填写调整“${p.measureName}”的理由`;
      case 'duplicate':
        return `“${p.measureName}”的调整填写了两次`;
      case 'inconsistent':
        return `“${p.measureName}”的调整与确定的措施不一致`;
    }
  },
  line: (c: Pick<PlanChange, 'change' | 'measureName' | 'reason'>) => `${PLAN_CHANGE_NAMES[c.change]}：${c.measureName}（${c.reason}）`,
} as const;
