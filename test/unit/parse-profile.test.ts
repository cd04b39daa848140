import { describe, expect, it } from 'vitest';
import { shifanV1 } from '../../domain/policy/counties/shifan.js';
import { policyProfiles } from '../../domain/policy/index.js';
import { parseProfile } from '../../domain/policy/parse.js';

describe('parseProfile, the one reader of a stored profile body', () => {
  it('reads every shipped version as it is', () => {
    for (const profile of Object.values(policyProfiles).flat()) {
      const parsed = parseProfile(JSON.parse(JSON.stringify(profile)));
      expect(parsed).toEqual({ ok: true, profile: JSON.parse(JSON.stringify(profile)) });
    }
  });

  it('names each field missing or of the wrong kind before checking any rule', () => {
    expect(parseProfile(null)).toEqual({ ok: false, problems: ['the profile is not an object'] });
    expect(parseProfile([shifanV1])).toEqual({ ok: false, problems: ['the profile is not an object'] });
    expect(parseProfile({ ...shifanV1, thresholds: undefined, monthlyUpdateDay: '20', identificationSteps: ['application', 'poll'] })).toEqual({
      ok: false,
      problems: ['thresholds must be a list of lines', 'identificationSteps must be a list of known steps', 'monthlyUpdateDay must be a day of the month'],
    });
  });

  it('refuses a body whose rules are unsound, with the rule checks’ own words', () => {
    const parsed = parseProfile({ ...shifanV1, monthlyUpdateDay: 31 });
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.problems).toContain('shifan v1: monthlyUpdateDay must be a day that every month has (1–28)');
  });

  it('refuses a body with a part it cannot read, instead of throwing', () => {
    const parsed = parseProfile({ ...shifanV1, thresholds: [{ kind: 'monitoring' }] });
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.problems.length).toBeGreaterThan(0);
  });
});
