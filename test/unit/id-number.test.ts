import { describe, expect, it } from 'vitest';
import { ageOn, checkCharacter, maskIdNumber, maskIdNumbersIn, parseIdNumber } from '../../domain/people/id-number.js';

describe('citizen identity number (GB 11643)', () => {
  it('accepts the standard’s own examples with their birth dates and sexes', () => {
    expect(parseIdNumber('11010519491231002X')).toEqual({
      ok: true,
      value: { idNumber: '11010519491231002X', birthDate: { year: 1949, month: 12, day: 31 }, sex: 'female' },
    });
    expect(parseIdNumber('440524188001010014')).toEqual({
      ok: true,
      value: { idNumber: '440524188001010014', birthDate: { year: 1880, month: 1, day: 1 }, sex: 'male' },
    });
  });

  it('reads the sex from the parity of the 17th digit', () => {
    const male = parseIdNumber('441322199003071233');
    const female = parseIdNumber('441322199003071241');
    expect(male.ok && male.value.sex).toBe('male');
    expect(female.ok && female.value.sex).toBe('female');
  });

  it('computes the check character with weights 7,9,10,… mod 11 into 10X98765432', () => {
    expect(checkCharacter('11010519491231002')).toBe('X');
    expect(checkCharacter('44052418800101001')).toBe('4');
    expect(checkCharacter('53252620000229001')).toBe('7');
  });

  it('normalises a lower-case x and surrounding spaces', () => {
    const result = parseIdNumber('  11010519491231002x ');
    expect(result).toMatchObject({ ok: true, value: { idNumber: '11010519491231002X' } });
  });

  it('refuses a wrong check character in words a clerk understands', () => {
    expect(parseIdNumber('110105194912310021')).toEqual({ ok: false, reason: '校验位不正确，请核对身份证号码是否填错' });
    expect(parseIdNumber('440524188001010015')).toMatchObject({ ok: false, reason: expect.stringContaining('校验位不正确') });
  });

  it('refuses the old 15-digit numbers and other lengths', () => {
    expect(parseIdNumber('110105491231002')).toEqual({ ok: false, reason: '这是15位旧版身份证号码，请填写18位身份证号码' });
    expect(parseIdNumber('11010519491231002')).toEqual({ ok: false, reason: '身份证号码应为18位，现填写了17位' });
    expect(parseIdNumber('')).toEqual({ ok: false, reason: '请填写身份证号码' });
  });

  it('refuses letters other than a final X', () => {
    expect(parseIdNumber('1101051949123100X2')).toEqual({ ok: false, reason: '身份证号码前17位应为数字，最后一位应为数字或字母X' });
    expect(parseIdNumber('11010519491231002Y')).toMatchObject({ ok: false });
  });

  it('refuses birth dates that do not exist, checking leap years', () => {
    // 1985 is a common year: 29 February 1985 does not exist (check character valid for the digits).
    expect(parseIdNumber('532526198502290013')).toEqual({ ok: false, reason: '出生日期 1985-02-29 不存在，请核对第7至14位' });
    // 2000 is a leap year (divisible by 400).
    expect(parseIdNumber('532526200002290017')).toMatchObject({ ok: true, value: { birthDate: { year: 2000, month: 2, day: 29 } } });
    expect(parseIdNumber('110105194913310021')).toMatchObject({ ok: false, reason: expect.stringContaining('1949-13-31 不存在') });
    expect(parseIdNumber('11010519490431002X')).toMatchObject({ ok: false, reason: expect.stringContaining('1949-04-31 不存在') });
  });

  it('refuses a birth date after today when today is given', () => {
    expect(parseIdNumber('441322202601150032', { year: 2026, month: 1, day: 14 })).toEqual({
      ok: false,
      reason: '出生日期 2026-01-15 晚于今天，请核对第7至14位',
    });
    expect(parseIdNumber('441322202601150032', { year: 2026, month: 1, day: 15 })).toMatchObject({ ok: true });
    expect(parseIdNumber('441322202601150032')).toMatchObject({ ok: true });
  });

  it('refuses an implausibly early birth year', () => {
    expect(parseIdNumber('110105174912310021')).toMatchObject({ ok: false, reason: '出生年份 1749 不合理，请核对第7至10位' });
  });
});

describe('masking', () => {
  it('keeps the first 6 characters only', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105************');
    expect(maskIdNumber('11010519491231002x')).toBe('110105************');
    expect(maskIdNumber('440524188001010014')).toHaveLength(18);
  });

  it('with the birth date and the sex shown beside it, still leaves hundreds of numbers possible (issue 18, defect 9)', () => {
    // What a member's row shows: the masked number, the birth date, the sex. Count every number that fits all three.
    const shown = { masked: maskIdNumber('11010519491231002X'), birth: '19491231', male: false };
    const fitting: string[] = [];
    for (let sequence = 0; sequence < 1000; sequence++) {
      const first17 = `${shown.masked.slice(0, 6)}${shown.birth}${String(sequence).padStart(3, '0')}`;
      const candidate = `${first17}${checkCharacter(first17)}`;
      if ((sequence % 2 === 1) === shown.male && maskIdNumber(candidate) === shown.masked) fitting.push(candidate);
    }
    expect(fitting).toContain('11010519491231002X');
    expect(fitting.length).toBeGreaterThanOrEqual(500);
    // The old mask (first 6 and last 4) beside the same birth date gave exactly one.
    const oldMask = (id: string) => `${id.slice(0, 6)}********${id.slice(14)}`;
    expect(fitting.filter((c) => oldMask(c) === oldMask('11010519491231002X'))).toEqual(['11010519491231002X']);
  });

  it('stars out anything that is not 18 characters whole', () => {
    expect(maskIdNumber('110105491231002')).toBe('***************');
  });

  it('masks every ID number in a logged URL, whatever escape or character stands beside it', () => {
    const id = '11010519491231002X';
    const urls = [
      `/api/households?idNumber=${id}`,
      `/api/households?idNumber=%20${id}`, // the space's escape ends in a digit
      `/api/households?idNumber=${id.toLowerCase()}%20`,
      `/api/households?idNumber=+${id}`,
      `/api/households?idNumber=a${id}b`,
      `/api/households/${id}/file`,
    ];
    for (const url of urls) {
      const logged = maskIdNumbersIn(url);
      expect(logged).not.toContain('19491231');
      expect(logged).toContain('110105************');
    }
    // A malformed escape: the rest is still read, and the run it leaves is starred whole.
    expect(maskIdNumbersIn(`/api/households?idNumber=%E5%${id}`)).not.toContain('19491231');
    expect(maskIdNumbersIn('/api/households?idNumber=0110105194912310021')).toBe('/api/households?idNumber=*******************');
    expect(maskIdNumbersIn('/api/households?idNumber=110105491231002')).toBe('/api/households?idNumber=***************');
    expect(maskIdNumbersIn('/api/households?name=%E5%BC%A0&limit=20')).toBe('/api/households?name=张&limit=20');
  });
});

describe('age in full years', () => {
  const birth = { year: 1990, month: 3, day: 7 };
  it('completes a year on the birthday', () => {
    expect(ageOn(birth, { year: 2026, month: 3, day: 6 })).toBe(35);
    expect(ageOn(birth, { year: 2026, month: 3, day: 7 })).toBe(36);
    expect(ageOn(birth, { year: 2026, month: 12, day: 31 })).toBe(36);
    expect(ageOn(birth, birth)).toBe(0);
  });

  it('completes a 29 February birthday on 1 March in common years', () => {
    const leapling = { year: 2000, month: 2, day: 29 };
    expect(ageOn(leapling, { year: 2018, month: 2, day: 28 })).toBe(17);
    expect(ageOn(leapling, { year: 2018, month: 3, day: 1 })).toBe(18);
    expect(ageOn(leapling, { year: 2024, month: 2, day: 29 })).toBe(24);
  });

  it('refuses a date before the birth', () => {
    expect(() => ageOn(birth, { year: 1990, month: 3, day: 6 })).toThrow(RangeError);
  });
});
