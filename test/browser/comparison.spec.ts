import { expect, test } from '@playwright/test';
import { idNumber, logIn } from './console.js';
import { call, login } from './stage.js';

const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(new Date()).slice(0, 7);

const HEAD = '比对户';

test('a department’s feed raises a warning; the town officer sees its source and records what was done, and it is closed', async ({ page, baseURL }) => {
  const cadre = await login(baseURL!, 'cun.donggang');
  const { id } = await call(baseURL!, 'POST', '/households', cadre, { villageId: '990101001201', address: '东岗村六组3号', headName: HEAD, category: 'lifted_out' });
  const person = idNumber('19800101', '915');
  await call(baseURL!, 'POST', `/households/${id}/members`, cadre, { name: HEAD, idNumber: person, relation: 'head', labourAbility: 'capable' });
  await call(baseURL!, 'POST', `/households/${id}/consents`, cadre, { signerName: HEAD, signedOn: '2026-01-05', covers: ['housing'], document: '承诺授权书（纸质）' });
  const form = new FormData();
  form.append('file', new Blob([`身份证号,姓名,数据月份,房屋安全等级\n${person},${HEAD},${month},D级\n`]), '住建.csv');
  const sent = await fetch(`${baseURL}/api/comparison/feeds/zj_housing/${month}`, { method: 'POST', headers: { authorization: `Bearer ${await login(baseURL!, 'bumen.zj')}` }, body: form });
  expect(sent.status).toBe(201);

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
});
