import { expect, test } from '@playwright/test';
import { choose, idNumber, logIn } from './console.js';
import { call, login } from './stage.js';

// A village cadre's phone: the card and the filter work at 390 px without sideways scrolling.
test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(new Date()).slice(0, 7);
const HEAD = '统筹认定户';

test('民政’s 低保 feed marks the household: the roster’s filter finds it, and its page shows the mark with its batch and month beside the system’s own assessment', async ({ page, baseURL }) => {
  const cadre = await login(baseURL!, 'cun.donggang');
  const { id } = await call(baseURL!, 'POST', '/households', cadre, { villageId: '990101001201', address: '东岗村七组5号', headName: HEAD, category: 'lifted_out' });
  const person = idNumber('19750505', '931');
  await call(baseURL!, 'POST', `/households/${id}/members`, cadre, { name: HEAD, idNumber: person, relation: 'head', labourAbility: 'capable' });
  await call(baseURL!, 'POST', `/households/${id}/consents`, cadre, { signerName: HEAD, signedOn: '2026-01-05', covers: ['social_security'], document: '承诺授权书（纸质）村档案第9号' });

  // 民政's system sends the month's 低保 list.
  const form = new FormData();
  form.append('file', new Blob([`身份证号,姓名,数据月份,保障状态,月保障金额（元）\n${person},${HEAD},${month},在保,560\n`]), '民政低保.csv');
  const sent = await fetch(`${baseURL}/api/comparison/feeds/mz_dibao/${month}`, { method: 'POST', headers: { authorization: `Bearer ${await login(baseURL!, 'bumen.mz')}` }, body: form });
  expect(sent.status).toBe(201);

  await logIn(page, 'cun.donggang');
  await page.goto('/households');
  await choose(page, '民政统筹认定', '民政低保户');
  await page.getByRole('searchbox', { name: '按姓名查询' }).fill(HEAD);
  await page.getByRole('searchbox', { name: '按姓名查询' }).press('Enter');
  const link = page.getByRole('link', { name: HEAD, exact: true });
  await expect(link).toBeVisible();
  await link.click();

  const card = page.getByRole('region', { name: '民政低保、特困（统筹认定）' });
  const mark = card.getByRole('article', { name: '民政低保 在册' });
  await expect(mark).toContainText(`自 ${month} 起（民政 低保 · 民政低保.csv）`);
  await expect(mark).toContainText(`最近一次在册：${month}`);
  await expect(mark).toContainText(`民政登记人员：${HEAD}`);
  // The system's own judgement on the same income calculation: this household has not been assessed yet, and says so.
  await expect(card).toContainText('系统尚未对该户做过收支测算');
  await expect(card).toContainText('该户未纳入监测');
  expect(await page.locator('html').evaluate((html) => html.scrollWidth)).toBeLessThanOrEqual(390);
});
