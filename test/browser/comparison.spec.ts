import { expect, test } from '@playwright/test';
import { choose, idNumber, logIn, logOut, tick } from './console.js';
import { call, login } from './stage.js';

const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(new Date()).slice(0, 7);

const HEAD = '比对户';

test('the cadre records the household’s paper consent; the department uploads its feed on the screen and it raises a warning; the town officer sees its source and records what was done, and it is closed; the consent withdrawn, the next feed leaves the household out', async ({ page, baseURL }) => {
  const cadre = await login(baseURL!, 'cun.donggang');
  const { id } = await call(baseURL!, 'POST', '/households', cadre, { villageId: '990101001201', address: '东岗村六组3号', headName: HEAD, category: 'lifted_out' });
  const person = idNumber('19800101', '915');
  await call(baseURL!, 'POST', `/households/${id}/members`, cadre, { name: HEAD, idNumber: person, relation: 'head', labourAbility: 'capable' });

  // The village cadre records the household's signed paper 承诺授权书 on its page.
  await logIn(page, 'cun.donggang');
  await page.goto(`/households/${id}`);
  const consents = page.getByRole('region', { name: '承诺授权书（部门数据比对）' });
  await expect(consents).toContainText('还没有登记承诺授权书');
  const record = consents.getByRole('form', { name: '登记纸质承诺授权书' });
  await record.getByLabel('签字人').fill(HEAD);
  await record.getByLabel('签署日期').fill('2026-01-05');
  await tick(record.getByRole('checkbox', { name: '住房安全' }));
  await record.getByLabel('授权书编号或存放位置').fill('承诺授权书（纸质）村档案第6号');
  await record.getByRole('button', { name: '登记' }).click();
  const signed = consents.getByRole('listitem', { name: '承诺授权书（部门数据比对） 承诺授权书（纸质）村档案第6号' });
  await expect(signed).toContainText('有效');
  await expect(signed).toContainText(`${HEAD} 于 2026-01-05 签署`);
  await logOut(page);

  const file = (grade: string) => `身份证号,姓名,数据月份,房屋安全等级\n${person},${HEAD},${month},${grade}\n`;
  // The 住建 officer uploads the month's feed on the comparison screen.
  await logIn(page, 'bumen.zj');
  await page.getByRole('menuitem', { name: '部门比对' }).click();
  await choose(page, '数据类别', '住建 房屋安全等级');
  await expect(page.getByRole('button', { name: '选择文件上传（.xlsx 或 .csv）' })).toBeEnabled();
  await page.locator('input[type=file]').setInputFiles({ name: '住建.csv', mimeType: 'text/csv', buffer: Buffer.from(file('D级')) });
  await expect(page.getByRole('status').filter({ hasText: '住建 房屋安全等级：收到 1 行' })).toContainText('比对 1，无此人 0，有误 0，未授权 0，预警 1 条');
  await logOut(page);

  // The department's own system pushes the next feed through the API.
  const feed = async (grade: string) => {
    const form = new FormData();
    form.append('file', new Blob([file(grade)]), '住建.csv');
    const sent = await fetch(`${baseURL}/api/comparison/feeds/zj_housing/${month}`, { method: 'POST', headers: { authorization: `Bearer ${await login(baseURL!, 'bumen.zj')}` }, body: form });
    expect(sent.status).toBe(201);
    return (await sent.json()) as { matched: number; noConsent: number };
  };

  await logIn(page, 'zhen.dongcheng');
  await page.getByRole('menuitem', { name: '部门比对' }).click();
  await expect(page.getByRole('listitem', { name: '住建 房屋安全等级' })).toContainText('已收到');
  const warning = page.getByRole('listitem', { name: `${HEAD} 房屋鉴定为C级或D级` });
  await expect(warning).toContainText(`来源：${month} 住建 房屋安全等级 第2行`);
  await expect(warning).toContainText('待跟进');
  await warning.getByRole('button', { name: '记录跟进情况' }).click();
  await page.getByLabel('做了什么').fill('已入户核实，住建局安排危房改造');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(warning).toContainText('已跟进');
  await expect(warning).toContainText('已入户核实，住建局安排危房改造');
  await expect(warning.getByRole('button', { name: '记录跟进情况' })).toHaveCount(0);
  await logOut(page);

  // The household withdraws its consent: the cadre records it, and the department's next feed leaves the household out.
  await logIn(page, 'cun.donggang');
  await page.goto(`/households/${id}`);
  await signed.getByRole('button', { name: '撤回授权' }).click();
  await page.getByLabel('撤回原因').fill('户主书面申请撤回');
  await page.getByRole('button', { name: '确认撤回' }).click();
  await expect(signed).toContainText('已撤回');
  await expect(signed).toContainText('户主书面申请撤回');
  await expect(signed.getByRole('button', { name: '撤回授权' })).toHaveCount(0);
  expect(await feed('C级')).toMatchObject({ matched: 0, noConsent: 1 });
});

test('the county bureau sees last month’s comparison in progress per department and closes it; the report is kept and the month takes no more feeds', async ({ page, baseURL }) => {
  const [year, mm] = month.split('-').map(Number) as [number, number];
  const lastMonth = mm === 1 ? `${year - 1}-12` : `${year}-${String(mm - 1).padStart(2, '0')}`;
  // A department's own system pushes last month's feed as JSON rows.
  const pushed = await call(baseURL!, 'POST', `/comparison/feeds/zj_housing/${lastMonth}/rows`, await login(baseURL!, 'bumen.zj'), { rows: [{ idNumber: idNumber('19800101', '916'), name: '外', month: lastMonth, safetyGrade: 'B级' }] });
  expect(pushed).toMatchObject({ rowsReceived: 1, unknown: 1 });
  const county = await login(baseURL!, 'xian.xczx');
  await expect.poll(async () => (await call(baseURL!, 'GET', `/comparison/${lastMonth}`, county)).status.state).toBe('open');

  await logIn(page, 'xian.xczx');
  await page.getByRole('menuitem', { name: '部门比对' }).click();
  await page.getByLabel('比对月份').fill(lastMonth);
  await expect(page.getByLabel('本月比对状态')).toContainText('本月比对进行中');
  await expect(page.getByRole('listitem', { name: '住建 房屋安全等级' })).toContainText('已收到');
  await expect(page.getByRole('listitem', { name: '住建 房屋安全等级' })).toContainText('住建局');
  await expect(page.getByRole('listitem', { name: '医保 个人自付与住院' })).toContainText('未收到');
  await page.getByRole('button', { name: '结束本月比对' }).click();
  await page.getByRole('button', { name: '确定结束' }).click();
  await expect(page.getByLabel('本月比对状态')).toContainText('本月比对已结束');
  await expect(page.getByRole('button', { name: '结束本月比对' })).toHaveCount(0);
  const refused = await fetch(`${baseURL}/api/comparison/feeds/zj_housing/${lastMonth}/rows`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await login(baseURL!, 'bumen.zj')}` },
    body: JSON.stringify({ rows: [{ idNumber: idNumber('19800101', '917'), name: '外', month: lastMonth, safetyGrade: 'A级' }] }),
  });
  expect(refused.status).toBe(409);
});
