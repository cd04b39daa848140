import { describe, expect, it } from 'vitest';
import { ACTIONS, mayDo, roleRefusal, type Action } from '../../domain/access/actions.js';
import { sameLine, townRefusal } from '../../domain/access/reach.js';
import { COUNTY_ITEM_ROLES, MONTHLY_ROLES, RESPONSIBLE_ASSIGNERS, ROLES } from '../../domain/access/roles.js';
import { registerItemOverdue, screeningDueAt } from '../../domain/deadlines/register-items.js';

describe('who may do what 权限', () => {
  it('names every action in Chinese and gives it at least one known role', () => {
    for (const [action, rule] of Object.entries(ACTIONS)) {
      expect(rule.name, action).toMatch(/[\u4e00-\u9fff]/);
      expect(rule.roles.length, action).toBeGreaterThan(0);
      expect(rule.roles.every((r) => (ROLES as readonly string[]).includes(r)), action).toBe(true);
    }
  });

  it('keeps the rules the workflows already use', () => {
    expect(ACTIONS.monthlyUpdate.roles).toBe(MONTHLY_ROLES);
    expect(ACTIONS.assignResponsible.roles).toBe(RESPONSIBLE_ASSIGNERS);
    expect(ACTIONS.completeCountyItem.roles).toBe(COUNTY_ITEM_ROLES);
  });

  it.each<[Action, string, boolean]>([
    ['registerHousehold', 'village_cadre', true],
    ['registerHousehold', 'department', false],
    ['orderScreening', 'county_bureau', true],
    ['orderScreening', 'town_officer', true],
    ['orderScreening', 'village_cadre', false],
    ['viewOverdueTasks', 'supervisor', true],
    ['readTownReports', 'supervisor', true],
    ['readTownReports', 'leadership_group', true],
    ['readTownReports', 'village_cadre', false],
    ['readTownReports', 'department', false],
    ['submitTownReport', 'supervisor', false],
    ['actOnTask', 'department', true],
    ['completeCountyItem', 'town_officer', false],
    ['completeCountyItem', 'department', true],
  ])('%s by a %s: %s', (action, role, allowed) => {
    const actor = { role: role as (typeof ROLES)[number] };
    expect(mayDo(actor, action)).toBe(allowed);
    expect(roleRefusal(actor, action) === null).toBe(allowed);
  });

  it('refuses in the words of the catalogue, naming the role and the action', () => {
    expect(roleRefusal({ role: 'village_cadre' }, 'orderScreening')).toBe('“村干部”不能办理“部署突发情况排查”');
  });
});

describe('where a person may act 管辖范围', () => {
  const town = { id: '990101001', parentId: '990101' };
  it('lets a town officer reach their own town, the county its towns, no one else', () => {
    expect(townRefusal({ role: 'town_officer', jurisdictionId: '990101001' }, town)).toBeNull();
    expect(townRefusal({ role: 'town_officer', jurisdictionId: '990101002' }, town)).toBe('not_own_town');
    expect(townRefusal({ role: 'supervisor', jurisdictionId: '990101' }, town)).toBeNull();
    expect(townRefusal({ role: 'county_bureau', jurisdictionId: '990102' }, town)).toBe('outside');
  });

  it('puts an area and a jurisdiction in one line when either lies within the other', () => {
    const village = ['990101001201', '990101001', '990101'];
    expect(sameLine(village, ['990101'])).toBe(true);
    expect(sameLine(['990101'], village)).toBe(true);
    expect(sameLine(village, ['990101002201', '990101002', '990101'])).toBe(false);
  });
});

describe('register items and screenings 台账期限', () => {
  const due = Date.parse('2026-11-20T16:00:00Z');
  it('counts an open item overdue after its deadline, or once marked, in whole days', () => {
    expect(registerItemOverdue({ status: 'open', dueAt: due, overdueAt: null }, due - 1)).toEqual({ overdue: false, overdueDays: 0 });
    expect(registerItemOverdue({ status: 'open', dueAt: due, overdueAt: null }, due + 2.5 * 86_400_000)).toEqual({ overdue: true, overdueDays: 2 });
    expect(registerItemOverdue({ status: 'open', dueAt: due, overdueAt: due - 1000 }, due - 1)).toEqual({ overdue: true, overdueDays: 0 });
    expect(registerItemOverdue({ status: 'done', dueAt: due, overdueAt: due }, due + 5 * 86_400_000)).toEqual({ overdue: false, overdueDays: 0 });
  });

  it('gives a screening its days from the moment it is ordered', () => {
    expect(screeningDueAt(due, 3)).toBe(due + 3 * 86_400_000);
  });
});
