import { describe, expect, it } from 'vitest';
import { deriveAssessment, type AssessmentInputs } from '../../domain/fidelity/summary.js';
import { rederiveAssessment, rederiveDecision, versionsUsed } from '../../domain/fidelity/rederive.js';
import { identificationPolicy } from '../../domain/identification/case-policy.js';
import { shifanV1 } from '../../domain/policy/counties/shifan.js';

const inputs: AssessmentInputs = {
  profileId: 'shifan',
  profileVersion: 1,
  period: '2026-10',
  incomeWindowEnd: '2026-10',
  membersSource: 'survey',
  labour: ['full', 'full'],
  incomeRecords: [{ period: '2026-10', kind: 'wages', yuan: 6000 }],
  spendingRecords: [],
  lastYearIncomePerCapita: 12000,
  threats: { food: false, clothing: false, compulsoryEducation: false, basicMedical: false, safeHousing: false, drinkingWater: false },
  riskCauses: ['illness'],
};
const lookup = (id: string, version: number) => (id === 'shifan' && version === 1 ? shifanV1 : undefined);

describe('re-derivation compares, it does not copy', () => {
  it('names the field where a stored assessment differs from what its inputs and version give', () => {
    const summary = deriveAssessment(shifanV1, inputs);
    const event = (s: unknown) => ({ kind: 'monitoring.assessed', occurredAt: '2026-10-25T00:00:00.000Z', payload: { summary: s, inputs } });
    expect(rederiveAssessment(event(summary), lookup)).toMatchObject({ agree: true, differences: [] });
    const tampered = rederiveAssessment(event({ ...summary, conclusion: 'not_eligible' }), lookup);
    expect(tampered).toMatchObject({ agree: false, differences: ['conclusion'], message: '复算结果与保存的结果不一致：结论' });
  });

  it('cannot re-run an assessment stored without its inputs, or one whose version is not stored', () => {
    const summary = deriveAssessment(shifanV1, inputs);
    expect(rederiveAssessment({ kind: 'monitoring.assessed', occurredAt: '', payload: { summary } }, lookup)).toMatchObject({ agree: null, derived: null });
    expect(rederiveAssessment({ kind: 'monitoring.assessed', occurredAt: '', payload: { summary, inputs: { ...inputs, profileVersion: 9 } } }, lookup)).toMatchObject({
      agree: null,
      message: '找不到政策版本 shifan v9，无法复算',
    });
  });

  it('a decision whose case recorded other steps than its version has is told apart', () => {
    const policy = identificationPolicy(shifanV1);
    const opening = (steps: readonly string[]) => ({ kind: 'identification.opened', occurredAt: '', payload: { caseNo: 1, policy: { ...policy, steps } } });
    const decision = { kind: 'identification.approved', occurredAt: '', payload: { caseNo: 1, step: 'county_decision', decision: 'approve', deciding: true } };
    expect(rederiveDecision(decision, opening(policy.steps), lookup)).toMatchObject({ agree: true });
    expect(rederiveDecision(decision, opening(['application', 'county_decision']), lookup)).toMatchObject({ agree: false, differences: ['steps'] });
  });

  it('reads the versions its records used: each assessment’s inputs and each case’s opening, not the decisions', () => {
    const policy = identificationPolicy(shifanV1);
    const events = [
      { kind: 'identification.opened', occurredAt: '', payload: { caseNo: 1, policy: { ...policy, profileVersion: 2 } } },
      { kind: 'identification.assessed', occurredAt: '', payload: { summary: {}, inputs } },
      { kind: 'identification.approved', occurredAt: '', payload: { caseNo: 1, policy: { ...policy, profileVersion: 7 } } },
      { kind: 'monitoring.assessed', occurredAt: '', payload: { summary: {} } },
    ];
    expect(versionsUsed(events)).toEqual([
      { id: policy.profileId, version: 2 },
      { id: 'shifan', version: 1 },
    ]);
  });
});
