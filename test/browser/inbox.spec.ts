import { expect, test } from '@playwright/test';
import { choose, logIn } from './console.js';
import { call, householdWithTask, login } from './stage.js';

const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(3000, 0x20), Buffer.from('\n%%EOF\n')]);

test('a department bulk-accepts its tasks (one already taken is reported), completes one with an uploaded document, keeps a view, and the household file offers the document', async ({ page, baseURL }) => {
  const first = await householdWithTask(baseURL!, '褚明远');
  const second = await householdWithTask(baseURL!, '卫晓光');

  await logIn(page, 'bumen.mz');
  await page.getByRole('navigation', { name: '导航菜单' }).getByRole('link', { name: '帮扶任务' }).click();
  const inbox = page.getByRole('table', { name: '帮扶任务' });
  const one = inbox.getByRole('row', { name: /褚明远/ });
  const two = inbox.getByRole('row', { name: /卫晓光/ });
  await one.getByRole('checkbox', { name: '选择 褚明远 低保和养老保险' }).check();
  await two.getByRole('checkbox', { name: '选择 卫晓光 低保和养老保险' }).check();
  // A colleague accepts the second one meanwhile: the batch accepts the first and says why not the second.
  await call(baseURL!, 'POST', `/tasks/${second.key}/accept`, await login(baseURL!, 'bumen.mz'));
  await page.getByRole('button', { name: '批量接收（2）' }).click();
  const result = page.getByRole('dialog', { name: '批量接收结果' });
  await expect(result).toContainText('已接收 1 项，1 项未能接收');
  await expect(result.getByRole('region', { name: '未能接收的任务' })).toContainText('卫晓光 · 低保和养老保险：该任务已接收，无需重复接收');
  await result.getByRole('button', { name: '关闭' }).click();
  await expect(one).toContainText('已接收');
  await expect(two).toContainText('已接收');

  await one.getByRole('button', { name: '办结 褚明远 低保和养老保险' }).click();
  const done = page.getByRole('dialog', { name: '办结：褚明远 · 低保和养老保险' });
  await done.getByLabel('办理情况').fill('经审核纳入农村低保');
  await done.getByRole('button', { name: '办结' }).click();
  await expect(done.getByRole('alert')).toContainText('请上传佐证材料，或填写至少一份佐证材料名称');
  await done.getByLabel('上传佐证材料').setInputFiles({ name: '说明.txt', mimeType: 'text/plain', buffer: Buffer.from('text') });
  await expect(done.getByRole('alert').filter({ hasText: '说明.txt' })).toContainText('只能上传 PDF、JPG 或 PNG 格式的文件');
  // Named .pdf but not one: the server tells it from the bytes.
  await done.getByLabel('上传佐证材料').setInputFiles({ name: '假的.pdf', mimeType: 'application/pdf', buffer: Buffer.from('not a pdf') });
  await expect(done.getByRole('alert').filter({ hasText: '假的.pdf' })).toContainText('只能上传 PDF、JPG 或 PNG 格式的文件');
  await done.getByLabel('上传佐证材料').setInputFiles({ name: '低保审批表.pdf', mimeType: 'application/pdf', buffer: PDF });
  await expect(done.getByRole('region', { name: '佐证材料' })).toContainText('已上传：低保审批表.pdf');
  await done.getByRole('button', { name: '办结' }).click();
  await expect(done).toBeHidden();
  await expect(one).toHaveCount(0);

  // A saved view: completed tasks, latest deadline first; applied again after the filters changed; deleted.
  await page.getByRole('radio', { name: '已办结' }).check();
  await choose(page, '排序', '最后办理日从远到近');
  await page.getByRole('button', { name: '保存当前筛选' }).click();
  const save = page.getByRole('dialog', { name: '保存当前筛选' });
  await save.getByLabel('筛选名称').fill('已办结·从远到近');
  await save.getByRole('button', { name: '保存当前筛选' }).click();
  await expect(save).toBeHidden();
  await page.getByRole('radio', { name: '待办' }).check();
  await expect(one).toHaveCount(0);
  await choose(page, '我的筛选', '已办结·从远到近');
  await expect(page.getByRole('radio', { name: '已办结' })).toBeChecked();
  await expect(one).toContainText('已办结');
  await page.getByRole('button', { name: '删除此筛选' }).click();
  await page.getByRole('tooltip').getByRole('button', { name: '删除此筛选' }).click();
  await expect(page.getByRole('button', { name: '删除此筛选' })).toHaveCount(0);
  await page.getByRole('combobox', { name: '我的筛选' }).fill('已办结');
  await expect(page.getByRole('option', { name: '已办结·从远到近' })).toHaveCount(0);
  await page.getByRole('combobox', { name: '我的筛选' }).press('Escape');

  // The household file: the document, to download (the village cadre of the household's village may).
  await page.getByRole('button', { name: '退出登录' }).click();
  await logIn(page, 'cun.donggang');
  await page.goto(`/households/${first.id}/file`);
  const documents = page.getByRole('region', { name: '佐证材料' });
  await expect(documents).toContainText('低保审批表.pdf');
  const downloading = page.waitForEvent('download');
  await documents.getByRole('button', { name: '下载 低保审批表.pdf' }).click();
  const file = await downloading;
  expect(file.suggestedFilename()).toBe('低保审批表.pdf');
});
