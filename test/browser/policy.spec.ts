import { expect, test } from '@playwright/test';
import { addMonths, periodOf, toLocalDate } from '../../domain/calendar/dates.js';
import { choose, logIn, logOut } from './console.js';
import { monitoredHousehold } from './stage.js';

/**
 * The county bureau reads the profile in force, drafts a version with a
 * changed threshold, checks it (the checks and the diff), publishes it from
 * next month; enters next year's holiday notice and a holiday, is refused the
 * same day twice, and sees the year after marked provisional.
 */
test('the county bureau publishes a new threshold from next month and adds next year’s holidays to the calendar', async ({ page }) => {
  const current = periodOf(Date.now());
  const next = addMonths(current, 1);
  const year = toLocalDate(Date.now()).year + 1;

  await logIn(page, 'xian.xczx');
  await page.getByRole('link', { name: '政策版本' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: '现行政策' })).toBeVisible();
  const inForce = page.getByRole('table', { name: '现行政策' });
  await expect(inForce.getByRole('row', { name: /监测标准（2026-01起）/ })).toContainText('11520元/人·年');
  // The browser stack's demo county decides without a public notice (test/helpers/profiles.ts).
  await expect(inForce.getByRole('row', { name: /认定程序/ })).toContainText('农户申请 → 村组评议 → 乡镇审核 → 县级确定');

  await page.getByRole('button', { name: '起草新版本' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '起草新版本' })).toBeVisible();
  await expect(page.getByLabel('生效月份（YYYY-MM）')).toHaveValue(next);
  await page.getByRole('button', { name: '新增一条标准线' }).click();
  const line = `监测标准（${next}起）`;
  await page.getByLabel(`${line} 金额（元/人·年）`).fill('-1');
  await page.getByRole('button', { name: '检查' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '检查未通过' })).toContainText(`${line}的金额应为大于0的数字`);
  await expect(page.getByRole('button', { name: '发布' })).toBeDisabled();

  await page.getByLabel(`${line} 金额（元/人·年）`).fill('11880');
  await page.getByRole('button', { name: '检查' }).click();
  await expect(page.getByText('检查通过，可以发布')).toBeVisible();
  const diff = page.getByRole('table', { name: '与现行版本的差异' });
  await expect(diff.getByRole('row', { name: new RegExp(line) })).toContainText(`11880元/人·年，低于即纳入，${next}至长期`);
  await expect(diff.getByRole('row', { name: /监测标准（2026-01起）/ })).toContainText(`2026-01至${current}`);
  await page.getByRole('button', { name: '发布' }).click();

  await expect(page.getByRole('heading', { level: 1, name: '现行政策' })).toBeVisible();
  await expect(page.getByRole('table', { name: '全部版本' }).getByRole('row', { name: new RegExp(`2 ${next}`) })).toContainText('本县发布');
  await expect(page.getByText(/第1版，自2020-01起执行/)).toBeVisible();
  await page.getByLabel('查看月份').fill(next);
  await expect(page.getByText(`browser-no-notice 第2版，自${next}起执行`)).toBeVisible();
  await expect(page.getByRole('table', { name: '现行政策' }).getByRole('row', { name: new RegExp(line) })).toContainText('11880元/人·年');

  await page.getByRole('link', { name: '工作日历' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: /工作日历/ })).toBeVisible();
  await expect(page.getByRole('region', { name: `${year}年` })).toContainText('暂定');
  const yearForm = page.getByRole('form', { name: '录入某年放假安排通知' });
  await yearForm.getByLabel('年份').fill(String(year));
  await yearForm.getByLabel('通知名称和文号').fill(`国务院办公厅关于${year}年部分节假日安排的通知（测试数据）`);
  await yearForm.getByRole('button', { name: '添加' }).click();
  await expect(page.getByRole('region', { name: `${year}年` })).not.toContainText('暂定');

  const dayForm = page.getByRole('form', { name: '添加一天' });
  await dayForm.getByLabel('日期').fill(`${year}-01-01`);
  await dayForm.getByLabel('节日').fill('元旦');
  await dayForm.getByRole('button', { name: '添加' }).click();
  await expect(page.getByRole('region', { name: `${year}年` }).getByRole('row', { name: new RegExp(`${year}-01-01 放假 元旦`) })).toBeVisible();
  await dayForm.getByRole('button', { name: '添加' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '同一天不能录入两次' })).toHaveText(`${year}-01-01已经录入（元旦放假），同一天不能录入两次`);
  await expect(page.getByRole('region', { name: `${year + 1}年` })).toContainText('暂定');
  await expect(page.getByRole('region', { name: `${year + 1}年` })).toContainText(`${year + 1}年放假安排尚未录入`);

  // On a phone's width the calendar fits the screen.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect.poll(() => page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1366, height: 768 });
  await logOut(page);
});

/**
 * The profile screen says which rules come from the county's document and which
 * from practice, and asks for the figures no document gives: the demo county's
 * profile is the product's own; Xuwen's shipped profile, as a draft's basis,
 * shows its yearly line rule with 2022, 2023 and 2025 missing and its procedure
 * in the seed's words. Nothing is published.
 */
test('the county bureau sees where each rule comes from, and which figures the county must enter', async ({ page }) => {
  await logIn(page, 'xian.xczx');
  await page.getByRole('link', { name: '政策版本' }).first().click();
  const origins = page.getByRole('table', { name: '规则来源' });
  await expect(origins.getByRole('row', { name: /^监测程序/ })).toContainText('通行做法（文件未规定）');
  await expect(origins.getByRole('row', { name: /^监测程序/ })).toContainText('本配置不出自县级文件');

  await page.getByRole('button', { name: '起草新版本' }).click();
  // The basis is a plain select (no typing): opened and picked as a mouse user does.
  await page.locator('.ant-select-selection-item[title="本县现行版本"]').click();
  await page.locator('.ant-select-item-option', { hasText: '内置政策：徐闻县（xuwen）' }).click();
  const draftOrigins = page.getByRole('table', { name: '规则来源' });
  await expect(draftOrigins.getByRole('row', { name: /^2022年监测标准/ })).toContainText('缺少数据，请录入');
  await expect(draftOrigins.getByRole('row', { name: /^2022年监测标准/ })).toContainText('文件未给出2021年广东省农村四类地区低保标准，请县里录入');
  await expect(draftOrigins.getByRole('row', { name: /^2025年监测标准/ })).toBeVisible();
  await expect(draftOrigins.getByRole('row', { name: /^2024年监测标准/ })).toHaveCount(0);
  // “从 2021 年开始至 2025 年”: after the rule's last year no line either.
  await expect(draftOrigins.getByRole('row', { name: /^2026年起的监测标准/ })).toContainText('2026年起的监测标准未配置');
  await expect(page.getByRole('alert').filter({ hasText: '系统不作推算' })).toContainText('有4项数据文件未给出');
  await expect(draftOrigins.getByRole('row', { name: /^监测程序/ })).toContainText('农户申报 → 镇、村、帮扶驻村干部核查 → 比对筛查 → 确认对象');
  await expect(draftOrigins.getByRole('row', { name: /^每月走访/ })).toContainText('通行做法（文件未规定）');
  const procedure = page.getByRole('region', { name: '监测程序（按文件原文）' });
  await expect(procedure).toContainText('4. 确认对象（由镇农业农村部门确定）');
  await expect(procedure).toContainText('参与：驻村帮扶干部、村“两委”干部、镇干部');

  await page.setViewportSize({ width: 390, height: 844 });
  await expect.poll(() => page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1366, height: 768 });
  await logOut(page);
});

/**
 * 复核 on the household page: a household just identified over the API shows
 * its assessment and each step decision beside what its stored inputs and
 * policy version give today, agreeing in words. Then the county bureau runs a
 * draft that lowers the line to 100 yuan for this month in shadow (试算):
 * the household is on the list of those who would no longer qualify, caused by
 * the draft alone; nothing is published. Last, the household search's focus
 * filter: the demo county's profile has no focus criteria, so no household is
 * flagged and the filter lists none, until it is cleared.
 */
test('the county bureau re-checks a household’s records, runs a draft in shadow over the caseload, and filters by focus analysis', async ({ page, baseURL }) => {
  const head = '复核试算户';
  const id = await monitoredHousehold(baseURL!, head, '东岗村四组18号');
  const current = periodOf(Date.now());

  await logIn(page, 'xian.xczx');
  await page.goto(`/households/${id}`);
  const recheck = page.getByRole('region', { name: '复核' }).getByRole('table', { name: '复核' });
  const assessed = recheck.getByRole('row', { name: /收支测算与研判/ });
  await expect(assessed).toContainText(/符合纳入监测条件；人均 [\d,.]+ 元；监测标准 11,520 元/);
  await expect(assessed).toContainText('一致');
  await expect(assessed).toContainText('复算结果与保存的结果一致');
  const decided = recheck.getByRole('row', { name: /确定为监测对象/ });
  await expect(decided).toContainText('认定通过（决定环节）');
  await expect(decided).toContainText('复算结果与保存的结果一致');
  await expect(recheck.getByText('不一致')).toHaveCount(0);
  await page.setViewportSize({ width: 390, height: 844 });
  await expect.poll(() => page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1366, height: 768 });

  await page.getByRole('link', { name: '政策版本' }).first().click();
  await page.getByRole('button', { name: '起草新版本' }).click();
  await page.getByLabel('生效月份（YYYY-MM）').fill(current);
  await page.getByLabel('监测标准（2026-01起） 金额（元/人·年）').fill('100');
  const whatIf = page.getByRole('region', { name: '试算' });
  await whatIf.getByRole('button', { name: '试算' }).click();
  await expect(whatIf).toContainText(`（${current}）`);
  await expect(whatIf.getByRole('table', { name: '按乡镇和类别' }).getByRole('row', { name: /东城镇 .*将不再符合监测条件/ })).toBeVisible();
  await whatIf.getByLabel('在名单中查找户主').fill(head);
  await whatIf.getByLabel('在名单中查找户主').press('Enter');
  const hit = whatIf.getByRole('table', { name: '名单' }).getByRole('row', { name: new RegExp(head) });
  await expect(hit).toContainText('将不再符合监测条件');
  await expect(hit).toContainText('仅草稿');
  // The result belongs to the draft it ran on: changing the draft clears it.
  await page.getByLabel('监测标准（2026-01起） 金额（元/人·年）').fill('200');
  await expect(whatIf.getByRole('table', { name: '名单' })).toHaveCount(0);

  await page.getByRole('link', { name: '农户查询' }).first().click();
  await page.getByLabel('按姓名查询').fill(head);
  await page.getByLabel('按姓名查询').press('Enter');
  await expect(page.getByRole('link', { name: head, exact: true })).toBeVisible();
  await choose(page, '重点分析', '任一重点分析情形');
  await expect(page.getByRole('link', { name: head, exact: true })).toHaveCount(0);
  const focus = page.locator('.ant-select', { has: page.getByRole('combobox', { name: '重点分析' }) });
  await focus.hover();
  await focus.locator('.ant-select-clear').click();
  await expect(page.getByRole('link', { name: head, exact: true })).toBeVisible();
  await logOut(page);
});
