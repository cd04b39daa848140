import { expect, test } from '@playwright/test';
import { choose, idNumber, logIn, logOut, tick } from './console.js';
import { call, login } from './stage.js';

/** A birth date that makes the member 59 today (Asia/Shanghai). */
function fiftyNine(): string {
  const now = new Date(Date.now() + 8 * 3600_000);
  return new Date(Date.UTC(now.getUTCFullYear() - 59, now.getUTCMonth(), now.getUTCDate() - 1)).toISOString().slice(0, 10);
}

const HEAD = '鲁长根';

test('the cadre enters the housing facts with the application, corrects a member and records another leaving; the town officer sees housing and pension suggested with their reasons, and confirms the plan', async ({ page, baseURL }) => {
  const [cadre, town, county] = [await login(baseURL!, 'cun.donggang'), await login(baseURL!, 'zhen.dongcheng'), await login(baseURL!, 'xian.xczx')];
  const { id } = await call(baseURL!, 'POST', '/households', cadre, { villageId: '990101001201', address: '东岗村五组8号', headName: HEAD, category: 'lifted_out' });
  const birth = fiftyNine();
  await call(baseURL!, 'POST', `/households/${id}/members`, cadre, { name: HEAD, idNumber: idNumber(birth.replaceAll('-', ''), '031'), relation: 'head', labourAbility: 'capable' });
  await call(baseURL!, 'POST', `/households/${id}/members`, cadre, { name: '鲁老太', idNumber: idNumber('19400101', '042'), relation: 'parent', labourAbility: 'none' });

  // The village cadre: the application with the facts the rules need.
  await logIn(page, 'cun.donggang');
  await page.goto(`/households/${id}`);
  await expect(page.getByRole('heading', { level: 1, name: `${HEAD} · 农户详情` })).toBeVisible();
  await page.getByRole('button', { name: '申请纳入监测' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${HEAD} · 纳入监测申请` })).toBeVisible();
  await page.getByLabel('申请理由').fill('住房鉴定为D级危房，唯一住房，收入低');
  await tick(page.getByRole('checkbox', { name: '因灾' }));
  await page.getByLabel('收入金额（第1行）').fill('500');
  const facts = page.getByRole('region', { name: '住房、饮水、医疗、就学、就业情况（用于研判帮扶措施，不清楚的可不填）' });
  await choose(page, '住房安全等级', 'D级');
  await facts.getByRole('radio', { name: '是' }).first().check();
  await choose(page, '饮水检测结果', '检测合格');
  await page.getByRole('button', { name: '提交' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${HEAD} · 农户详情` })).toBeVisible();

  // The file has the facts as entered.
  await page.getByRole('link', { name: '一户一档' }).click();
  await expect(page.getByRole('region', { name: '办理记录' })).toContainText('住房安全等级D级，为唯一住房；饮用水检测合格');

  // The register said the mother had no chronic illness and no disability: corrected, nothing else sent; the file says what.
  await page.goto(`/households/${id}`);
  await page.getByRole('button', { name: '更正 鲁老太' }).click();
  const correction = page.getByRole('form', { name: '更正成员信息：鲁老太' });
  await correction.getByRole('button', { name: '保存更正' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '没有修改任何信息' })).toBeVisible();
  await choose(page, '残疾等级', '二级残疾');
  await tick(correction.getByRole('checkbox', { name: '慢性病' }));
  await correction.getByRole('button', { name: '保存更正' }).click();
  await expect(page.getByText('已更正 鲁老太 的信息，已记入一户一档')).toBeVisible();
  await expect(correction).toHaveCount(0);
  await page.getByRole('link', { name: '一户一档' }).click();
  await expect(page.getByRole('region', { name: '办理记录' })).toContainText('更正鲁老太的残疾等级、是否患慢性病');
  await page.goto(`/households/${id}`);
  await page.getByRole('button', { name: '更正 鲁老太' }).click();
  await expect(page.getByRole('form', { name: '更正成员信息：鲁老太' }).getByRole('checkbox', { name: '慢性病' })).toBeChecked();
  await page.getByRole('dialog').locator('.ant-modal-close').click();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // The mother died: recorded with its evidence.
  await page.getByRole('button', { name: '减员 鲁老太' }).click();
  const leave = page.getByRole('form', { name: '登记减员：鲁老太' });
  await choose(page, '减员原因', '死亡');
  await leave.getByLabel('佐证材料名称').fill('死亡医学证明');
  await leave.getByRole('button', { name: '登记' }).click();
  await expect(page.getByRole('table', { name: '家庭成员' }).getByRole('row', { name: /鲁老太/ })).toHaveCount(0);
  await logOut(page);

  const step = (token: string, body: unknown) => call(baseURL!, 'POST', `/households/${id}/identification/decisions`, token, body);
  await step(cadre, { step: 'village_review', decision: 'approve', opinion: '评议通过', participants: ['村民小组长'] });
  await step(town, { step: 'town_audit', decision: 'approve', opinion: '审核同意' });
  await step(county, { step: 'county_decision', decision: 'approve', opinion: '确定为监测对象', category: 'unstable', riskCauses: ['disaster'] });

  // The town officer: the plan's suggestions, each with the reasons the facts gave.
  await logIn(page, 'zhen.dongcheng');
  await page.goto(`/households/${id}`);
  await page.getByRole('button', { name: '帮扶计划' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${HEAD} · 帮扶计划` })).toBeVisible();
  const suggested = page.getByRole('region', { name: '建议的帮扶措施' });
  const housing = suggested.getByRole('article', { name: '住房安全' });
  await expect(housing).toContainText('唯一住房鉴定为D级危房：按危房改造政策改建');
  await expect(housing).toContainText('住建局');
  const pension = suggested.getByRole('article', { name: '低保和养老保险' });
  await expect(pension).toContainText('户主（59周岁）年满16周岁且不满60周岁，不是在校生或现役军人：全额资助参加城乡居民基本养老保险');
  await expect(page.getByText('住房安全情况未填报，须核实')).toHaveCount(0);

  await page.getByRole('button', { name: '确认帮扶计划' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已确认第 1 号帮扶计划' })).toBeVisible();
});
