/**
 * The household file's entry for what a re-assessment or a visit showed
 * (domain/monitoring/risk-signal.ts), and the file's event keys. Pure: the
 * workflow writes the entry step by step, the monthly update's one activity
 * (activities/monthly-steps.ts) in its transaction — both the same entry.
 */
import type { Period } from '../calendar/dates.js';
import { stageAfter } from '../identification/stages.js';
import type { RiskSignal } from './risk-signal.js';

export interface SignalEntry {
  readonly kind: string;
  /** Who the entry names as its actor (none: the system raised it). */
  readonly actorUserId: null;
  readonly payload: Record<string, unknown>;
  /** The household's stage after the entry, when it changes. */
  readonly stage?: string;
}

/** The entry for the signal, or none. `actorUserId` is who reported what the signal came from. */
export function signalEntry(signal: RiskSignal, period: Period, actorUserId: string): SignalEntry | null {
  switch (signal.kind) {
    case 'none':
      return null;
    case 'warning':
      return { kind: 'monitoring.warning_raised', actorUserId: null, payload: { period, reasons: signal.reasons } };
    case 'elimination_suggested':
      return { kind: 'monitoring.elimination_suggested', actorUserId: null, payload: { period, reasons: signal.reasons } };
    case 'reentry':
      return { kind: 'monitoring.reentered', actorUserId: null, payload: { period, reasons: signal.reasons, reportedBy: actorUserId }, stage: stageAfter('riskReturned') };
  }
}

/** A run-independent key of an entry in the household file: the household's running number of entries and the entry's kind. */
export const householdEventKey = (householdId: string, seq: number, kind: string): string => `${householdId}:${seq}:${kind}`;
