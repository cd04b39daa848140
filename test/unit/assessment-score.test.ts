import { describe, expect, it } from 'vitest';
import { shifanV1, shifanV2 } from '../../domain/policy/counties/shifan.js';
import { parseProfile } from '../../domain/policy/parse.js';
import { profileProblems } from '../../domain/policy/profile.js';
import { missingSettings, rankUnits, scoreUnit, type AssessmentPolicy } from '../../domain/supervision/assessment.js';

const policy: AssessmentPolicy = { weights: { monthlyUpdates: 30, tasks: 30, warnings: 20, rectifications: 20 }, pointsPerOverdueDay: 0.5, warningActionDays: 15 };

describe('the monthly assessment score', () => {
  it('weighs the rates over the components with something due, less the overdue days’ points, never below 0', () => {
    const s = scoreUnit({ monthlyUpdates: { due: 4, met: 3 }, tasks: { due: 2, met: 1 }, warnings: { due: 0, met: 0 }, rectifications: { due: 0, met: 0 }, overdueDays: 3 }, policy);
    // (30 × ¾ + 30 × ½) / 60 = 62.5, less 1.5.
    expect(s.score).toBe(61);
    expect(s.components.find((c) => c.component === 'warnings')).toMatchObject({ rate: null, points: null });
    expect(scoreUnit({ tasks: { due: 1, met: 0 }, overdueDays: 400 }, policy).score).toBe(0);
  });

  it('scores nothing when nothing was due, or when a setting is missing, and says which', () => {
    expect(scoreUnit({ tasks: { due: 0, met: 0 }, overdueDays: 0 }, policy).score).toBeNull();
    const missing = scoreUnit({ tasks: { due: 2, met: 2 }, rectifications: { due: 1, met: 1 }, overdueDays: 0 }, { weights: { tasks: 50 } });
    expect(missing.score).toBeNull();
    expect(missing.missing).toEqual(['rectifications', 'pointsPerOverdueDay']);
    expect(missingSettings(undefined, ['warnings'])).toEqual(['warnings', 'warningActionDays']);
  });

  it('ranks best first, equal scores by fewer overdue days, one rank for a full tie, the unscored last without a rank', () => {
    const unit = (score: number | null, overdueDays: number) => ({ components: [], overdueDays, deducted: 0, score, missing: [] });
    const ranked = rankUnits([
      { unit: 'a', score: unit(80, 2) },
      { unit: 'b', score: unit(null, 0) },
      { unit: 'c', score: unit(80, 0) },
      { unit: 'd', score: unit(90, 9) },
      { unit: 'e', score: unit(80, 2) },
    ]);
    expect(ranked.map((r) => [r.unit, r.rank])).toEqual([
      ['d', 1],
      ['c', 2],
      ['a', 3],
      ['e', 3],
      ['b', null],
    ]);
  });

  it('the demo county carries demo weights from its v2, marked as such; v1 has none; bad settings are refused', () => {
    expect(shifanV1.assessment).toBeUndefined();
    expect(shifanV2.assessment?.note).toContain('演示数据');
    expect(profileProblems(shifanV2)).toEqual([]);
    expect(profileProblems({ ...shifanV2, assessment: { weights: { tasks: -1 }, warningActionDays: 0 } })).toEqual([
      'shifan v2: assessment weight tasks must be 0–100',
      'shifan v2: warningActionDays must be 1–90 days',
    ]);
    expect(parseProfile({ ...shifanV2, assessment: 3 })).toEqual({ ok: false, problems: ['assessment must be the assessment settings'] });
  });
});
