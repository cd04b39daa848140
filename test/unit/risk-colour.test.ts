import { describe, expect, it } from 'vitest';
import { shifanV2 } from '../../domain/policy/counties/shifan.js';
import { profileProblems } from '../../domain/policy/profile.js';
import { riskColourOf, type RiskFacts } from '../../domain/monitoring/risk-colour.js';

const calm: RiskFacts = { openWarningDays: null, belowMonitoring: false, belowWarning: false, hasMeasure: false, overdueTask: false, overdueItem: false };
const rules = shifanV2.riskColours!;

describe('risk colours', () => {
  it('red before yellow before green, with every condition that holds at that colour', () => {
    expect(riskColourOf(calm, rules)).toEqual({ colour: 'green', because: [] });
    expect(riskColourOf({ ...calm, openWarningDays: 15 }, rules)).toEqual({ colour: 'yellow', because: ['warning_open'] });
    expect(riskColourOf({ ...calm, openWarningDays: 16, overdueTask: true }, rules)).toEqual({ colour: 'red', because: ['warning_past_clock'] });
    expect(riskColourOf({ ...calm, belowMonitoring: true, hasMeasure: true, overdueTask: true }, rules)).toEqual({ colour: 'yellow', because: ['overdue_task'] });
    expect(riskColourOf({ ...calm, belowMonitoring: true }, rules)).toEqual({ colour: 'red', because: ['below_line_without_measure'] });
  });

  it('grades nobody without rules; refuses unknown conditions and a clock rule without its days', () => {
    expect(riskColourOf(calm, undefined)).toBeNull();
    expect(profileProblems({ ...shifanV2, riskColours: { red: ['warning_past_clock'], yellow: [] } })).toEqual(['shifan v2: warning_past_clock needs warningClockDays']);
    expect(profileProblems({ ...shifanV2, riskColours: { red: ['purple' as never], yellow: [] } })).toEqual(['shifan v2: risk colour rules must list known conditions']);
  });
});
