import { expect, test, type Page } from '@playwright/test';
import { logIn, logOut } from './console.js';
import { monitoredHousehold } from './stage.js';

const HEAD = '孔德安';

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

/** From the menu (a drawer on a phone) to the household's page, through the search by name. */
async function openHousehold(page: Page) {
  await page.getByRole('button', { name: '展开菜单' }).click();
  await page.getByRole('navigation', { name: '导航菜单' }).getByRole('link', { name: '农户查询' }).click();
  await page.getByRole('searchbox', { name: '按姓名查询' }).fill(HEAD);
  await page.getByRole('button', { name: '查询' }).click();
  await page.getByRole('link', { name: HEAD, exact: true }).click();
  await expect(page.getByRole('heading', { name: `${HEAD} · 农户详情` })).toBeVisible();
  return page.getByRole('region', { name: '风险消除' });
}

async function decide(page: Page, step: string, decision: string, opinion: string) {
  const form = page.getByRole('form', { name: `办理“${step}”` });
  await form.getByRole('radio', { name: decision }).click();
  await form.getByLabel('意见').fill(opinion);
  await form.getByRole('button', { name: `办理“${step}”` }).click();
}

test('risk elimination in the console: the village cadre proposes on a phone, the town returns it, the cadre proposes again, the town audits and the county confirms', async ({ page, baseURL }) => {
  await monitoredHousehold(baseURL!, HEAD, '东岗村五组8号');

  // The village cadre on a phone: the proposal with its reason and evidence; an empty one is refused in words.
  await logIn(page, 'cun.donggang');
  let card = await openHousehold(page);
  await expect(card.getByText('尚未提出风险消除')).toBeVisible();
  const proposal = card.getByRole('form', { name: '提出风险消除' });
  await proposal.getByRole('button', { name: '提出风险消除' }).click();
  await expect(proposal.getByText('请填写风险消除的理由')).toBeVisible();
  await expect(proposal.getByText('请至少提供一份佐证材料')).toBeVisible();
  await proposal.getByLabel(/风险消除理由/).fill('已享受低保和医保救助，务工收入稳定，人均收入高于监测标准');
  await proposal.getByLabel(/佐证材料/).fill('收入测算表\n低保审批表');
  await proposal.getByRole('button', { name: '提出风险消除' }).click();
  await expect(card.getByText('等待“乡镇审核”办理')).toBeVisible();
  await expect(card.getByText('办理中')).toBeVisible();
  // Within the phone's width: nothing to scroll sideways.
  expect(await page.locator('html').evaluate((html) => html.scrollWidth)).toBeLessThanOrEqual(390);
  await logOut(page);

  // The town officer returns it for more material.
  await logIn(page, 'zhen.dongcheng');
  card = await openHousehold(page);
  await expect(card.getByText(/风险消除“乡镇审核”环节（2个工作日），截止/)).toBeVisible();
  await decide(page, '乡镇审核', '退回补充材料', '请补充务工收入证明');
  await expect(card.getByText('请补充务工收入证明')).toBeVisible();
  await expect(card.getByRole('form', { name: '办理“乡镇审核”' })).toHaveCount(0);
  await logOut(page);

  // The cadre reads the reason and proposes again with the missing evidence.
  await logIn(page, 'cun.donggang');
  card = await openHousehold(page);
  await expect(card.getByText('请补充务工收入证明')).toBeVisible();
  const again = card.getByRole('form', { name: '补充材料后重新提出' });
  await again.getByLabel(/风险消除理由/).fill('已补充务工收入证明，收入稳定');
  await again.getByLabel(/佐证材料/).fill('收入测算表\n务工收入证明');
  await again.getByRole('button', { name: '补充材料后重新提出' }).click();
  await expect(card.getByText('等待“乡镇审核”办理')).toBeVisible();
  await logOut(page);

  // The town audits, the county confirms: marked eliminated, never deleted.
  await logIn(page, 'zhen.dongcheng');
  card = await openHousehold(page);
  await decide(page, '乡镇审核', '同意', '经核实，收入稳定，同意');
  await expect(card.getByText('等待“县级确认”办理')).toBeVisible();
  await logOut(page);

  await logIn(page, 'xian.xczx');
  card = await openHousehold(page);
  await decide(page, '县级确认', '同意', '确认风险消除');
  await expect(card.getByText('该户已标注风险消除（不删除，继续跟踪）')).toBeVisible();
  await expect(card.getByText('已确认风险消除')).toBeVisible();
  await expect(page.getByText('风险已消除').first()).toBeVisible();

  // The household file has each step, by whom.
  await page.getByRole('link', { name: '一户一档' }).click();
  await expect(page.getByText('村级提出风险消除').first()).toBeVisible();
  await expect(page.getByText('县级确认风险消除（标注，不删除）')).toBeVisible();
});
