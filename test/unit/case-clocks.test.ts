import { describe, expect, it } from 'vitest';
import { clockChanges, clockLevels, clockName, clockProblems, clocksDue, type CaseClock } from '../../domain/identification/clocks.js';
import { DEFAULT_IDENTIFICATION_STEPS, openCase, submitApplication } from '../../domain/identification/steps.js';
import { shifanV1 } from '../../domain/policy/counties/shifan.js';
import { profileProblems } from '../../domain/policy/profile.js';

const clocks = { steps: { town_audit: 2, village_review: 3 }, wholeCase: 20 };
const clock = (scope: CaseClock['scope'], doneAt: number | null = null): CaseClock => ({
  key: `k:${scope}:${doneAt ?? 'open'}`,
  procedure: 'identification',
  caseNo: 1,
  scope,
  workingDays: 2,
  startedAt: 0,
  dueAt: 10,
  doneAt,
  overdue: false,
});

describe('working-day clocks on the procedure', () => {
  it('runs the whole case’s clock and the current step’s, none on the public notice and none once the case ended', () => {
    const progress = submitApplication(openCase(DEFAULT_IDENTIFICATION_STEPS));
    expect(progress.current).toBe('village_review');
    expect(clocksDue(progress, clocks)).toEqual([
      { scope: 'whole', workingDays: 20 },
      { scope: 'village_review', workingDays: 3 },
    ]);
    expect(clocksDue({ ...progress, current: 'public_notice' }, clocks)).toEqual([{ scope: 'whole', workingDays: 20 }]);
    expect(clocksDue({ ...progress, status: 'approved', current: null }, clocks)).toEqual([]);
    expect(clocksDue(progress, null)).toEqual([]);
    expect(clocksDue(progress, undefined)).toEqual([]);
  });

  it('stops the clock of a step acted on, keeps the one still running, numbers a step reached again', () => {
    const running = [clock('whole'), clock('town_audit', 5)];
    expect(clockChanges(running, [{ scope: 'whole', workingDays: 20 }, { scope: 'town_audit', workingDays: 2 }])).toEqual({
      stop: [],
      start: [{ scope: 'town_audit', workingDays: 2, entry: 2 }],
    });
    const afterDecision = clockChanges([clock('whole'), clock('village_review')], [{ scope: 'whole', workingDays: 20 }]);
    expect(afterDecision.stop.map((c) => c.scope)).toEqual(['village_review']);
    expect(afterDecision.start).toEqual([]);
    expect(clockChanges([clock('whole')], []).stop.map((c) => c.scope)).toEqual(['whole']);
  });

  it('names the clock and tells those who act on the step; the whole case, the town and the county', () => {
    expect(clockName({ procedure: 'identification', scope: 'town_audit', workingDays: 2 })).toBe('监测识别“乡镇审核”环节（2个工作日）');
    expect(clockName({ procedure: 'identification', scope: 'whole', workingDays: 20 })).toBe('监测识别全程办理（20个工作日）');
    expect(clockLevels('town_audit')).toEqual(['town']);
    expect(clockLevels('county_decision')).toEqual(['county']);
    expect(clockLevels('whole')).toEqual(['town', 'county']);
  });

  it('refuses clocks on steps the county does not have, on the public notice, and of impossible lengths', () => {
    expect(clockProblems(clocks, DEFAULT_IDENTIFICATION_STEPS, 'x')).toEqual([]);
    expect(clockProblems({ steps: { department_comparison: 2 } }, DEFAULT_IDENTIFICATION_STEPS, 'x')).toEqual([
      'x: a clock on department_comparison, which is not one of the identification steps',
    ]);
    expect(clockProblems({ steps: { public_notice: 5 } }, DEFAULT_IDENTIFICATION_STEPS, 'x')).toHaveLength(1);
    expect(clockProblems({ steps: { town_audit: 0 }, wholeCase: 61 }, DEFAULT_IDENTIFICATION_STEPS, 'x')).toEqual([
      'x: the clock on town_audit must be 1–60 working days',
      'x: the whole-case clock must be 1–60 working days',
    ]);
    expect(clockProblems({ steps: { town_audit: 1.5 } }, DEFAULT_IDENTIFICATION_STEPS, 'x')).toHaveLength(1);
    expect(profileProblems(shifanV1)).toEqual([]);
    expect(profileProblems({ ...shifanV1, identificationClocks: { wholeCase: 0 } })).toEqual(['shifan v1: the whole-case clock must be 1–60 working days']);
  });
});
