import { expect, test } from '@playwright/test';
import { createDb } from '../../db/kysely.js';
import { choose, logIn, logOut } from './console.js';
import { call, HEKOU as HEKOU_VILLAGE, login } from './stage.js';

const HEKOU = HEKOU_VILLAGE.id; // 河口村, 东城镇
const HEADS = ['排查走访甲', '排查走访乙'];
const REASON = '山洪灾害';
const NAME = `突发情况排查（${REASON}）`;


/**
 * Two households of 河口村 registered by its cadre (each with its workflow, which a visit is recorded by); answers
 * how many households the village's screening takes (every one there but those not included).
 */
async function fixtures(): Promise<number> {
  const base = process.env.SHOUDI_BROWSER_BASE_URL!;
  const cadre = await login(base, HEKOU_VILLAGE.cadre);
  for (const [i, head] of HEADS.entries()) {
    await call(base, 'POST', '/households', cadre, { villageId: HEKOU, address: `河口村二组${i + 1}号`, headName: head, category: 'lifted_out', channel: 'cadre_visit' });
  }
  const db = createDb(process.env.SHOUDI_BROWSER_OWNER_URL!, { max: 1 });
  try {
    const row = await db.selectFrom('households').select((eb) => eb.fn.countAll<string>().as('n')).where('village_id', '=', HEKOU).where('stage', '<>', 'not_included').executeTakeFirstOrThrow();
    return Number(row.n);
  } finally {
    await db.destroy();
  }
}

test('a town officer orders an immediate screening of one of his villages as a campaign; its cadre answers a check with the household’s visit, and the progress counts it', async ({ page }) => {
  const households = await fixtures();
  await logIn(page, 'zhen.dongcheng');
  await page.getByRole('navigation', { name: '导航菜单' }).getByRole('link', { name: '专项督查' }).click();
  await expect(page.getByRole('heading', { level: 2, name: '部署突发情况排查' })).toBeVisible();
  // His own town, not the whole county; then one of its villages.
  const area = page.getByRole('combobox', { name: '排查范围' });
  await expect(page.locator('.ant-select').filter({ has: area })).toContainText('东城镇');
  await page.locator('.ant-select').filter({ has: area }).click();
  await expect(page.locator('.ant-select-dropdown .ant-select-item-option').filter({ hasText: '全县' })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await choose(page, '村（不选则为整个范围）', '河口村');
  await page.getByRole('button', { name: '部署排查' }).click();
  await expect(page.getByText('请填写排查事由')).toBeVisible();
  await page.getByLabel('排查事由').fill(REASON);
  await page.getByLabel('完成期限（天）').fill('3');
  await page.getByRole('button', { name: '部署排查' }).click();

  // The screening is a campaign: its page, its cohort of the village's households, its progress at 0.
  await expect(page.getByRole('heading', { level: 1, name: NAME })).toBeVisible();
  await expect(page.getByText(`${households} 户`, { exact: true })).toBeVisible();
  const byTown = page.getByRole('table', { name: '进度（按乡镇）' });
  await expect(byTown.getByRole('row', { name: /东城镇/ })).toContainText('0%');
  const campaignPath = new URL(page.url()).pathname;
  await logOut(page);

  // The village's cadre: the screening's visit in today's work; the visit answers the household's check.
  await logIn(page, 'cun.hekou');
  await page.getByRole('table', { name: '待办期限（按截止时间）' }).getByRole('link', { name: `办理突发情况排查走访：${HEADS[0]}` }).click();
  const visit = page.getByRole('form', { name: '走访服务信息采集' });
  await visit.getByLabel('走访发现的情况').fill('房屋未受损，家中人员平安');
  await visit.getByRole('button', { name: '提交' }).click();
  await expect(page.getByRole('status').filter({ hasText: '走访已提交' })).toContainText('按时提交');

  await page.goto(campaignPath);
  await expect(page.getByRole('heading', { level: 1, name: NAME })).toBeVisible();
  const mine = page.getByRole('table', { name: '我的核查' });
  await expect(mine.getByRole('row', { name: new RegExp(HEADS[0]!) })).toContainText('无问题');
  await expect(mine.getByRole('row', { name: new RegExp(HEADS[1]!) })).toContainText('未核查');
  await expect(byTown.getByRole('row', { name: /东城镇/ })).toContainText(`${Math.floor((1 / households) * 100)}%`);
  await logOut(page);

  // The town publishes the screening's notice, as it would a campaign's of its own.
  await logIn(page, 'zhen.dongcheng');
  await page.goto(campaignPath);
  await page.getByRole('button', { name: '发布通报' }).click();
  await page.getByRole('button', { name: '确定发布' }).click();
  await expect(page.getByRole('article', { name: '通报' }).getByRole('heading', { name: `关于“${NAME}”专项督查情况的通报` })).toBeVisible();
});
