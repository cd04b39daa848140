/**
 * Re-derivation 复算 (issue 17, item 6): a recorded assessment or decision is
 * run again from what the file stored and the policy version it used, and
 * the answer is set beside the stored one. Pure: the caller loads the events
 * and the stored versions (which are immutable, migration 020).
 */
import { eliminationPolicy, identificationPolicy, type CasePolicy } from '../identification/case-policy.js';
import { fidelityMessages as m } from '../messages/fidelity.js';
import type { AssessmentSummary } from '../monitoring/risk-signal.js';
import { parseProfile } from '../policy/parse.js';
import type { PolicyProfile } from '../policy/profile.js';
import { deriveAssessment, summaryDifferences, type AssessmentInputs } from './summary.js';

export const ASSESSMENT_KINDS = ['identification.assessed', 'monitoring.assessed'] as const;
const DECISION_OUTCOMES = ['approved', 'confirmed', 'rejected', 'returned', 'step_approved'] as const;

export interface RecordedEvent {
  readonly kind: string;
  readonly occurredAt: string;
  readonly payload: Record<string, unknown>;
}

export interface Rederivation {
  readonly kind: string;
  readonly occurredAt: string;
  readonly subject: 'assessment' | 'decision';
  readonly profileId: string | null;
  readonly profileVersion: number | null;
  readonly stored: Record<string, unknown>;
  readonly derived: Record<string, unknown> | null;
  /** null when the record cannot be re-run (stored before its inputs were kept, or its version is missing). */
  readonly agree: boolean | null;
  readonly differences: readonly string[];
  readonly message: string;
}

/** A stored version's body by id and version; undefined when none is stored. */
export type VersionLookup = (id: string, version: number) => unknown;

export const isAssessment = (kind: string): boolean => (ASSESSMENT_KINDS as readonly string[]).includes(kind);
export function isDecision(kind: string): boolean {
  const [slot, outcome] = kind.split('.');
  return (slot === 'identification' || slot === 'elimination') && (DECISION_OUTCOMES as readonly string[]).includes(outcome ?? '');
}

function profileOf(lookup: VersionLookup, id: string, version: number): PolicyProfile | string {
  const body = lookup(id, version);
  if (body === undefined) return m.profileMissing(id, version);
  const parsed = parseProfile(body);
  return parsed.ok ? parsed.profile : m.profileMalformed(id, version);
}

const verdict = (differences: readonly string[]) => (differences.length === 0 ? m.agree : m.disagree(differences.map((f) => m.fieldNames[f] ?? f).join('、')));

export function rederiveAssessment(event: RecordedEvent, lookup: VersionLookup): Rederivation {
  const summary = event.payload.summary as AssessmentSummary;
  const inputs = event.payload.inputs as AssessmentInputs | undefined;
  const base = { kind: event.kind, occurredAt: event.occurredAt, subject: 'assessment' as const, profileId: summary.profileId, profileVersion: summary.profileVersion, stored: { ...summary } };
  if (!inputs) return { ...base, derived: null, agree: null, differences: [], message: m.notDerivable };
  const profile = profileOf(lookup, inputs.profileId, inputs.profileVersion);
  if (typeof profile === 'string') return { ...base, derived: null, agree: null, differences: [], message: profile };
  const derived = deriveAssessment(profile, inputs);
  const differences = summaryDifferences(summary, derived);
  return { ...base, derived: { ...derived }, agree: differences.length === 0, differences, message: verdict(differences) };
}

/** What a decision's rules give: the case's procedure from the version, whether the step decided, the outcome. */
function decisionFacts(policy: Pick<CasePolicy, 'steps' | 'publicNoticeDays'>, step: string, decision: string, approvedKind: string) {
  const deciding = policy.steps[policy.steps.length - 1] === step;
  const outcome = decision === 'reject' ? 'rejected' : decision === 'return' ? 'returned' : deciding ? approvedKind : 'step_approved';
  return { steps: [...policy.steps], publicNoticeDays: policy.publicNoticeDays, deciding, outcome };
}

/**
 * A step decision of an identification or elimination case, against the
 * policy its case opened with (`opening`: the case's `identification.opened`
 * or `elimination.proposed` event, which stored the policy).
 */
export function rederiveDecision(event: RecordedEvent, opening: RecordedEvent | undefined, lookup: VersionLookup): Rederivation {
  const [slot, storedOutcome] = event.kind.split('.') as [string, string];
  const approvedKind = slot === 'identification' ? 'approved' : 'confirmed';
  const policy = opening?.payload.policy as CasePolicy | undefined;
  const step = String(event.payload.step);
  const decision = String(event.payload.decision);
  const base = { kind: event.kind, occurredAt: event.occurredAt, subject: 'decision' as const, profileId: policy?.profileId ?? null, profileVersion: policy?.profileVersion ?? null };
  if (!policy) return { ...base, stored: { step, decision, outcome: storedOutcome }, derived: null, agree: null, differences: [], message: m.caseNotFound };
  const stored = { ...decisionFacts(policy, step, decision, approvedKind), outcome: storedOutcome, ...(typeof event.payload.deciding === 'boolean' ? { deciding: event.payload.deciding } : {}) };
  const profile = profileOf(lookup, policy.profileId, policy.profileVersion);
  if (typeof profile === 'string') return { ...base, stored, derived: null, agree: null, differences: [], message: profile };
  const derivedPolicy = slot === 'identification' ? identificationPolicy(profile) : eliminationPolicy(profile, null).policy;
  const derived = decisionFacts(derivedPolicy, step, decision, approvedKind);
  const differences = (['steps', 'publicNoticeDays', 'deciding', 'outcome'] as const).filter(
    (f) => JSON.stringify((stored as Record<string, unknown>)[f]) !== JSON.stringify(derived[f]),
  );
  return { ...base, stored, derived, agree: differences.length === 0, differences, message: verdict(differences) };
}

/** The stored versions a file's re-derivation reads: each assessment's, and each case's (stored on the event that opened it). */
export function versionsUsed(events: readonly RecordedEvent[]): { id: string; version: number }[] {
  return events.flatMap((e) => {
    const used = (isAssessment(e.kind) ? e.payload.inputs : isDecision(e.kind) ? undefined : e.payload.policy) as { profileId: string; profileVersion: number } | undefined;
    return used ? [{ id: used.profileId, version: used.profileVersion }] : [];
  });
}

/** Every assessment and decision of a household's file, re-derived, in the file's order. */
export function rederiveFile(events: readonly RecordedEvent[], lookup: VersionLookup): Rederivation[] {
  const out: Rederivation[] = [];
  for (const event of events) {
    if (isAssessment(event.kind)) out.push(rederiveAssessment(event, lookup));
    else if (isDecision(event.kind)) {
      const slot = event.kind.split('.')[0];
      const openingKind = slot === 'identification' ? 'identification.opened' : 'elimination.proposed';
      const opening = events.find((e) => e.kind === openingKind && e.payload.caseNo === event.payload.caseNo);
      out.push(rederiveDecision(event, opening, lookup));
    }
  }
  return out;
}
