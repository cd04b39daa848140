import { expect, test } from '@playwright/test';
import { choose, logIn, logOut } from './console.js';
import { call, login, monitoredHousehold } from './stage.js';

const HEAD = '严守信';

/** The household's tasks as the API lists them (what the department's hand-back has reached). */
const tasksOf = async (baseURL: string, id: string, token: string) =>
  (await call(baseURL, 'GET', `/households/${id}/tasks`, token)).items as { key: string; status: string; reassignedFrom: string | null }[];

test('the town reassigns a task the department handed back, and the county records why the open required measure need not hold elimination back', async ({ page, baseURL }) => {
  const id = await monitoredHousehold(baseURL!, HEAD, '东岗村六组3号');
  const town = await login(baseURL!, 'zhen.dongcheng');
  const plan = await call(baseURL!, 'POST', `/households/${id}/plan`, town, { measures: [{ code: 'dibao_pension', deadlineDays: 20, required: true }] });
  const key = plan.tasks[0].taskKey as string;
  await expect.poll(async () => (await call(baseURL!, 'GET', `/due-items?householdId=${id}&kind=measure_task`, town)).items.map((i: { key: string }) => i.key)).toContain(key);
  await call(baseURL!, 'POST', `/tasks/${encodeURIComponent(key)}/hand-back`, await login(baseURL!, 'bumen.mz'), { reason: 'wrong_department', text: '该户应由人社局办理' });
  await expect.poll(async () => (await tasksOf(baseURL!, id, town)).find((t) => t.key === key)?.status).toBe('handed_back');

  // The town officer: the hand-back with its reason, and the task to another department.
  await logIn(page, 'zhen.dongcheng');
  await page.goto(`/households/${id}`);
  const tasks = page.getByRole('region', { name: '帮扶任务' });
  await expect(tasks.getByText(/部门退回：.*（该户应由人社局办理）/)).toBeVisible();
  const form = tasks.getByRole('form', { name: /^重新指派：/ });
  await form.getByRole('button', { name: '重新指派' }).click();
  await expect(form.getByText('请选择部门')).toBeVisible();
  await choose(page, /重新指派给$/, '人社局');
  await form.getByLabel('指派说明（可不填）').fill('按民政局意见改由人社局办理');
  await form.getByRole('button', { name: '重新指派' }).click();
  await expect(tasks.getByText('已重新指派')).toBeVisible();
  await expect(tasks.getByText(/责任部门：人社局/)).toBeVisible();
  await expect(tasks.getByRole('form', { name: /^重新指派：/ })).toHaveCount(0);
  await logOut(page);

  // The county bureau: why the open required measure need not hold risk elimination back.
  await logIn(page, 'xian.xczx');
  await page.goto(`/households/${id}`);
  const waive = tasks.getByRole('form', { name: /^说明未办结理由：/ });
  await waive.getByRole('button', { name: '说明未办结理由' }).click();
  await expect(waive.getByText('请填写理由')).toBeVisible();
  await waive.getByLabel(/不影响风险消除的理由/).fill('已纳入特困供养，低保待遇由其替代');
  await waive.getByRole('button', { name: '说明未办结理由' }).click();
  await expect(tasks.getByText('县级已说明未办结理由：已纳入特困供养，低保待遇由其替代')).toBeVisible();
  await expect(tasks.getByRole('form', { name: /^说明未办结理由：/ })).toHaveCount(0);
});
