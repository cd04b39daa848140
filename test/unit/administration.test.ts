import { describe, expect, it } from 'vitest';
import { groupId, idFromOfficialCode, nextGroupNumber, officialCode, placementProblem } from '../../domain/administration/division-codes.js';
import { passwordProblem } from '../../domain/administration/passwords.js';

describe('official division codes 统计用区划代码', () => {
  it('gives each level the significant digits of its 12-digit code', () => {
    expect(idFromOfficialCode('440233000000', 'county')).toEqual({ id: '440233' });
    expect(idFromOfficialCode('440233100000', 'town')).toEqual({ id: '440233100' });
    expect(idFromOfficialCode('440233100201', 'village')).toEqual({ id: '440233100201' });
    expect(idFromOfficialCode('440000000000', 'province')).toEqual({ id: '44' });
    expect(officialCode('440233100')).toBe('440233100000');
  });

  it('refuses a code of the wrong shape or the wrong level', () => {
    expect(idFromOfficialCode('4402331', 'town')).toEqual({ problem: 'shape' });
    expect(idFromOfficialCode('440233100201', 'town')).toEqual({ problem: 'level' });
    expect(idFromOfficialCode('440233000000', 'town')).toEqual({ problem: 'level' });
    expect(idFromOfficialCode('440233100000', 'village')).toEqual({ problem: 'level' });
  });

  it('places a code only under its parent of the level above', () => {
    expect(placementProblem('440233100201', 'village', { id: '440233100', level: 'town' })).toBeNull();
    expect(placementProblem('440233200201', 'village', { id: '440233100', level: 'town' })).toBe('not_under_parent');
    expect(placementProblem('440233100202', 'village', { id: '440233100201', level: 'village' })).toBe('parent_level');
    expect(placementProblem('440233100', 'town', null)).toBe('parent_level');
  });

  it('numbers a village’s groups from the first free number', () => {
    expect(nextGroupNumber([])).toBe(1);
    expect(nextGroupNumber([groupId('440233100201', 1), groupId('440233100201', 3)])).toBe(2);
    expect(groupId('440233100201', 12)).toBe('440233100201012');
  });
});

describe('passwords', () => {
  it('needs ten characters of two kinds, without the username', () => {
    expect(passwordProblem('short1', 'wang')).toBe('too_short');
    expect(passwordProblem('abcdefghijkl', 'wang')).toBe('one_kind');
    expect(passwordProblem('wang-2026-spring', 'wang')).toBe('same_as_username');
    expect(passwordProblem('spring-2026-xf', 'wang')).toBeNull();
  });
});
