import { describe, expect, it } from 'vitest';
import { HOUSEHOLD_STAGES, mayMove, STAGE_MOVES, stageAfter } from '../../domain/identification/stages.js';

describe('the household’s stage machine', () => {
  it('opens a case for any household not already monitored', () => {
    expect(HOUSEHOLD_STAGES.filter((s) => mayMove(s, 'caseOpened'))).toEqual(['registered', 'identifying', 'eliminated', 'not_included']);
    expect(stageAfter('caseOpened')).toBe('identifying');
  });

  it('decides only a case being identified, into monitoring or not included', () => {
    expect(HOUSEHOLD_STAGES.filter((s) => mayMove(s, 'caseApproved'))).toEqual(['identifying']);
    expect([stageAfter('caseApproved'), stageAfter('caseRejected')]).toEqual(['monitoring', 'not_included']);
  });

  it('marks only a monitored household eliminated, and takes back only a mark', () => {
    expect(HOUSEHOLD_STAGES.filter((s) => mayMove(s, 'eliminationConfirmed'))).toEqual(['monitoring']);
    expect(HOUSEHOLD_STAGES.filter((s) => mayMove(s, 'eliminationRolledBack'))).toEqual(['eliminated']);
    expect(stageAfter('riskReturned')).toBe('monitoring');
  });

  it('leads every move to a stage of the machine', () => {
    for (const move of Object.values(STAGE_MOVES)) expect(HOUSEHOLD_STAGES).toContain(move.to);
  });
});
