import { expect, test, type Page } from '@playwright/test';
import { choose, idNumber, logIn, logOut, tick } from './console.js';

const HEAD = '周福来';
const head = { name: HEAD, id: idNumber('19680312', '001'), birth: '1968-03-12', sex: '男' };
const spouse = { name: '吴桂英', id: idNumber('19700521', '002'), birth: '1970-05-21', sex: '女' };

async function addMember(page: Page, m: typeof head, relation?: string) {
  const form = page.getByRole('form', { name: '添加成员' });
  await form.getByLabel('姓名').fill(m.name);
  // Checked as typed, by the same rule as the server's: a wrong check digit first, then the right one.
  await form.getByLabel('身份证号码').fill(`${m.id.slice(0, 17)}${m.id[17] === '0' ? '1' : '0'}`);
  await expect(form.getByText('校验位不正确，请核对身份证号码是否填错')).toBeVisible();
  await form.getByLabel('身份证号码').fill(m.id);
  await expect(form.getByText(`出生日期 ${m.birth}，性别 ${m.sex}`)).toBeVisible();
  if (relation) await choose(page, '与户主关系', relation);
  await form.getByRole('button', { name: '添加成员' }).click();
  await expect(page.getByRole('table', { name: '家庭成员' }).getByRole('row', { name: new RegExp(m.name) })).toContainText(m.birth);
}

test('a village cadre registers a household and applies; the town audits, the county decides: a monitoring object in its file', async ({ page }) => {
  // The village cadre: register the household and its members.
  await logIn(page, 'cun.donggang');
  await page.getByRole('navigation', { name: '导航菜单' }).getByRole('link', { name: '农户建档' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '农户建档' })).toBeVisible();
  await page.getByLabel('户主姓名').fill(HEAD);
  await page.getByLabel('住址').fill('东岗村二组15号');
  await page.getByRole('radio', { name: '脱贫户' }).check();
  await page.getByRole('button', { name: '建档' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${HEAD} · 农户详情` })).toBeVisible();
  await expect(page.getByText('已建档')).toBeVisible();

  await addMember(page, head);
  await addMember(page, spouse, '配偶');
  await expect(page.getByRole('table', { name: '家庭成员' }).getByRole('row')).toHaveCount(3);

  // The application, with the income and spending figures assessed as they are entered.
  await page.getByRole('button', { name: '申请纳入监测' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${HEAD} · 纳入监测申请` })).toBeVisible();
  await page.getByLabel('申请理由').fill('户主患慢性病，收入明显下降，申请纳入监测');
  await tick(page.getByRole('checkbox', { name: '因病' }));
  const preview = page.getByRole('region', { name: '收支测算（按县级政策实时预览）' });
  await expect(preview).toContainText('按政策 browser-no-notice 第 1 版测算');
  await page.getByLabel('收入金额（第1行）').fill('30000');
  await expect(preview.getByText('不符合纳入监测条件', { exact: true })).toBeVisible();
  await page.getByLabel('收入金额（第1行）').fill('2400');
  await page.getByLabel('支出金额（第1行）').fill('8000');
  await expect(preview.getByText('符合纳入监测条件', { exact: true })).toBeVisible();
  await expect(preview).toContainText('1,200');
  await page.getByRole('button', { name: '提交' }).click();

  // Back on the household: the village review is the village's own step.
  await expect(page.getByRole('heading', { level: 1, name: `${HEAD} · 农户详情` })).toBeVisible();
  const review = page.getByRole('form', { name: '办理“村组评议”' });
  await review.getByLabel('参与评议人员（用顿号分隔）').fill('村民小组长、驻村工作队');
  await review.getByLabel('意见').fill('村组评议通过');
  await review.getByRole('button', { name: '办理“村组评议”' }).click();
  await expect(page.getByRole('form', { name: '办理“村组评议”' })).toHaveCount(0);
  await expect(page.getByText('乡镇审核', { exact: true }).last()).toBeVisible();
  await logOut(page);

  // The town officer finds it waiting on the town, and audits it.
  await logIn(page, 'zhen.dongcheng');
  const waiting = page.getByRole('table', { name: '等待本级办理的案件' }).getByRole('row', { name: new RegExp(HEAD) });
  await expect(waiting).toContainText('监测对象识别');
  await expect(waiting).toContainText('本环节 截止');
  await waiting.getByRole('link', { name: `办理${HEAD}的乡镇审核` }).click();
  const audit = page.getByRole('form', { name: '办理“乡镇审核”' });
  await audit.getByLabel('意见').fill('审核同意');
  await audit.getByRole('button', { name: '办理“乡镇审核”' }).click();
  await expect(audit).toHaveCount(0);
  await logOut(page);

  // The county bureau decides.
  await logIn(page, 'xian.xczx');
  await page.getByRole('table', { name: '等待本级办理的案件' }).getByRole('row', { name: new RegExp(HEAD) }).getByRole('link', { name: `办理${HEAD}的县级确定` }).click();
  const decision = page.getByRole('form', { name: '办理“县级确定”' });
  await decision.getByRole('radio', { name: '脱贫不稳定户' }).check();
  await tick(decision.getByRole('checkbox', { name: '因病' }));
  await decision.getByLabel('意见').fill('确定为监测对象');
  await decision.getByRole('button', { name: '办理“县级确定”' }).click();
  await expect(page.getByText('已确定为监测对象')).toBeVisible();

  // The household file: who did what, when.
  await page.getByRole('link', { name: '一户一档' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${HEAD} · 一户一档` })).toBeVisible();
  await expect(page.getByText('监测对象', { exact: true })).toBeVisible();
  const timeline = page.getByRole('region', { name: '办理记录' });
  const entries = timeline.getByRole('article');
  await expect(entries.first()).toContainText('东岗村 村干部（村干部）');
  await expect(timeline).toContainText('东城镇 乡村振兴办（乡镇干部）');
  await expect(timeline).toContainText('县乡村振兴局（县乡村振兴局）');
  await expect(timeline).toContainText('审核同意');
  await expect(timeline).toContainText('确定为监测对象');
  // Times are Asia/Shanghai's although this browser runs in New York's zone.
  const time = entries.last().locator('time');
  const at = new Date((await time.getAttribute('datetime')) ?? '');
  const shanghai = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short' }).format(at);
  await expect(time).toHaveText(shanghai);
});
