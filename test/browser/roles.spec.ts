import { expect, test } from '@playwright/test';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { logIn, logOut } from './console.js';

const SCREENSHOTS = path.resolve(import.meta.dirname, '../../docs/screenshots');

/** Each role's home page: who is logged in, the role's menu, the page's own heading. */
const ROLES = [
  { role: 'village_cadre', username: 'cun.donggang', name: '东岗村 村干部', roleName: '村干部', menu: ['今日工作', '农户建档', '农户查询', '明白卡', '导入导出', '专项督查'], heading: '今日工作' },
  { role: 'town_officer', username: 'zhen.dongcheng', name: '东城镇 乡村振兴办', roleName: '乡镇干部', menu: ['今日工作', '农户查询', '农户建档', '明白卡', '月度上报', '导入导出', '专项督查', '部门比对', '待办审核', '季度事项'], heading: '今日工作' },
  { role: 'county_bureau', username: 'xian.xczx', name: '县乡村振兴局', roleName: '县乡村振兴局', menu: ['今日工作', '农户查询', '工作总览', '导入导出', '专项督查', '政策版本', '工作日历', '地区管理', '用户管理', '部门与消息推送', '管理操作记录', '考核排名', '部门比对', '待办审核'], heading: '今日工作' },
  { role: 'department', username: 'bumen.mz', name: null, roleName: '行业部门', menu: ['今日工作', '帮扶任务', '专项督查', '部门比对'], heading: '今日工作' },
  { role: 'supervisor', username: 'ducha', name: null, roleName: '督查人员', menu: ['逾期事项', '农户查询', '工作总览', '专项督查', '考核排名', '台账导出'], heading: '逾期事项' },
  { role: 'leadership_group', username: 'lingdao', name: null, roleName: '领导小组', menu: ['工作总览', '农户查询', '专项督查', '考核排名', '台账导出'], heading: '工作总览' },
] as const;

test.beforeAll(() => mkdir(SCREENSHOTS, { recursive: true }));

for (const r of ROLES) {
  test(`${r.roleName}（${r.username}）logs in to the role's home page and out again`, async ({ page }) => {
    await logIn(page, r.username);
    const nav = page.getByRole('navigation', { name: '导航菜单' });
    await expect(nav.getByRole('menuitem')).toHaveText([...r.menu]);
    await expect(page.getByRole('heading', { level: 1, name: r.heading })).toBeVisible();
    await expect(page.getByLabel(new RegExp(`^当前用户：.+（${r.roleName}）$`))).toBeVisible();
    if (r.name) await expect(page.getByLabel(`当前用户：${r.name}（${r.roleName}）`)).toBeVisible();
    // The page has finished loading: no spinner, no error.
    await expect(page.getByRole('status')).toHaveCount(0);
    await expect(page.getByRole('alert')).toHaveCount(0);
    if (r.role === 'leadership_group') {
      // The chart says its figures to a screen reader.
      await expect(page.getByRole('img', { name: /^各阶段农户数：已建档 \d+，认定中 \d+，监测对象 \d+，/ })).toBeVisible();
    }
    await page.screenshot({ path: path.join(SCREENSHOTS, `${r.role}.png`) });
    await logOut(page);
    await page.reload();
    await expect(page.getByRole('heading', { name: '用户登录' })).toBeVisible();
  });
}

test('a wrong password is refused with the server’s words, and no session starts', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('用户名').fill('cun.donggang');
  await page.getByLabel('密码').fill('wrong-password');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('alert')).toContainText('用户名或密码');
  await expect(page.getByRole('button', { name: '退出登录' })).toHaveCount(0);
});

test('the menu works at a phone’s width, by keyboard', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await logIn(page, 'cun.donggang');
  await expect(page.getByRole('heading', { level: 1, name: '今日工作' })).toBeVisible();
  const nav = page.getByRole('navigation', { name: '导航菜单' });
  await expect(nav.getByRole('link', { name: '农户查询' })).toBeHidden();
  await page.getByRole('button', { name: '展开菜单' }).click();
  await nav.getByRole('link', { name: '农户查询' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: '农户查询' })).toBeVisible();
});
