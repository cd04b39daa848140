import { describe, expect, it } from 'vitest';
import { policyProfiles, profileProblems } from '../../domain/policy/index.js';
import { parseProfile } from '../../domain/policy/parse.js';
import { shifanV1, shifanV2 } from '../../domain/policy/counties/shifan.js';
import {
  challengeFrom,
  codeFrom,
  hotlineOf,
  isReceiptNumber,
  isVillageCode,
  maskPhone,
  normalisePhone,
  receiptNumber,
  reportStatus,
  visitWorkingDaysOf,
  windowStart,
} from '../../domain/self-report/rules.js';

describe('self-report rules', () => {
  it('draws codes a person reads off a card without mixing up 0/O or 1/I', () => {
    const code = codeFrom(new Uint8Array([0, 31, 32, 8, 14, 200]));
    expect(code).toBe('A9AJQJ');
    expect(isVillageCode(code)).toBe(true);
    expect(isVillageCode('A0AJQJ')).toBe(false);
    expect(isVillageCode('AIAJQJ')).toBe(false);
    expect(() => codeFrom(new Uint8Array(3))).toThrow(RangeError);
    const receipt = receiptNumber('2026-12-01', new Uint8Array([1, 2, 3, 4, 5, 6]));
    expect(receipt).toBe('20261201-BCDEFG');
    expect(isReceiptNumber(receipt)).toBe(true);
    expect(isReceiptNumber('20261201-BCDEF0')).toBe(false);
  });

  it('takes a mobile or a landline as typed, and masks it for lists', () => {
    expect(normalisePhone('139 1234-5678')).toBe('13912345678');
    expect(normalisePhone('0755-12345678')).toBe('075512345678');
    expect(normalisePhone('12912345678')).toBeNull();
    expect(normalisePhone('1391234567')).toBeNull();
    expect(maskPhone('13912345678')).toBe('139****5678');
  });

  it('tells the household received, visited, under review, decided', () => {
    const base = { visitedAt: null, closedAt: null, householdStage: null, openedCase: false };
    expect(reportStatus(base)).toBe('received');
    expect(reportStatus({ ...base, householdStage: 'identifying', openedCase: true })).toBe('received');
    expect(reportStatus({ ...base, visitedAt: new Date() })).toBe('visited');
    expect(reportStatus({ ...base, visitedAt: new Date(), householdStage: 'identifying', openedCase: true })).toBe('under_review');
    expect(reportStatus({ ...base, visitedAt: new Date(), householdStage: 'monitoring', openedCase: true })).toBe('decided');
    expect(reportStatus({ ...base, householdStage: 'not_included', openedCase: true })).toBe('decided');
    // A monitored household's report opened no case: its stage says nothing of the report.
    expect(reportStatus({ ...base, visitedAt: new Date(), householdStage: 'monitoring', openedCase: false })).toBe('visited');
    expect(reportStatus({ ...base, closedAt: new Date() })).toBe('decided');
  });

  it('asks a small sum and counts hits in hour windows', () => {
    expect(challengeFrom(new Uint8Array([0, 0]))).toEqual({ a: 2, b: 1, answer: 3 });
    expect(challengeFrom(new Uint8Array([255, 255]))).toEqual({ a: 9, b: 4, answer: 13 });
    const at = Date.parse('2026-12-01T10:42:13Z');
    expect(new Date(windowStart(at)).toISOString()).toBe('2026-12-01T10:00:00.000Z');
  });
});

describe('the township’s visit clock in the profile', () => {
  it('is missing (未配置) in every seed county, and 2 working days in the demo county from 2026-12', () => {
    for (const [id, versions] of Object.entries(policyProfiles)) {
      for (const p of versions) if (!(id === 'shifan' && p.version === 2)) expect(visitWorkingDaysOf(p)).toBeNull();
    }
    expect(visitWorkingDaysOf(shifanV1)).toBeNull();
    expect(visitWorkingDaysOf(shifanV2)).toBe(2);
    expect(hotlineOf(shifanV2)).toBe('12317');
    expect(hotlineOf(undefined)).toBeNull();
  });

  it('refuses a visit clock or hotline that is no such thing', () => {
    expect(profileProblems(shifanV2)).toEqual([]);
    expect(profileProblems({ ...shifanV2, selfReport: { visitWorkingDays: 0 } })).toEqual(['shifan v2: the self-report visit must be 1–60 working days']);
    expect(profileProblems({ ...shifanV2, selfReport: { hotline: '请拨打' } })).toEqual(['shifan v2: the self-report hotline must be digits and dashes']);
    expect(parseProfile({ ...shifanV2, selfReport: 2 })).toEqual({ ok: false, problems: ['selfReport must be the self-report settings'] });
  });
});
