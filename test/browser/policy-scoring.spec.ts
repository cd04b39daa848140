import { expect, test } from '@playwright/test';
import { choose, logIn } from './console.js';

/**
 * The county bureau edits the assessment 考核 weights and the risk-colour 风险等级
 * rules of a draft field by field, is told in its own words what is wrong as it
 * types, and checks the draft: the changes read in words. (The draft is not
 * published: the policy journey publishes next month's version.)
 */
test('the county bureau edits the assessment weights and the risk-colour rules of a draft field by field, in Chinese', async ({ page }) => {
  await logIn(page, 'xian.xczx');
  await page.getByRole('link', { name: '政策版本' }).first().click();
  await page.getByRole('button', { name: '起草新版本' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '起草新版本' })).toBeVisible();

  const tasks = page.getByLabel('“帮扶任务按期办结”权重');
  await expect(tasks).toHaveValue('30');
  await tasks.fill('120');
  await expect(page.getByRole('alert').filter({ hasText: '权重应为' })).toContainText('“帮扶任务按期办结”权重应为0至100之间的数');
  await page.getByRole('button', { name: '检查' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '检查未通过' })).toContainText('“帮扶任务按期办结”权重应为0至100之间的数');
  await expect(page.getByRole('button', { name: '发布' })).toBeDisabled();
  await tasks.fill('40');
  await expect(page.getByRole('alert').filter({ hasText: '权重应为' })).toHaveCount(0);

  // A condition made red; the warning clock cleared while a rule needs it is refused, then given again.
  await choose(page, '“有逾期的帮扶任务”列为', '红色条件');
  const clock = page.getByLabel('预警处置时限（天）');
  await clock.fill('');
  await expect(page.getByRole('alert').filter({ hasText: '预警处置时限' })).toContainText('选用“风险预警超过处置时限仍未处置”时，请填写预警处置时限天数');
  await clock.fill('10');
  await expect(page.getByRole('alert').filter({ hasText: '预警处置时限' })).toHaveCount(0);

  await page.getByRole('button', { name: '检查' }).click();
  await expect(page.getByText('检查通过，可以发布')).toBeVisible();
  const diff = page.getByRole('table', { name: '与现行版本的差异' });
  await expect(diff.getByRole('row', { name: /考核权重和口径/ })).toContainText('帮扶任务按期办结40');
  const rules = diff.getByRole('row', { name: /风险等级规则/ });
  await expect(rules).toContainText('收入低于监测标准且无帮扶措施、有逾期的帮扶任务；黄色：');
  await expect(rules).toContainText('预警处置时限10天');
  await expect(page.getByRole('button', { name: '发布' })).toBeEnabled();

  // On a phone's width the draft's fields fit the screen.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect.poll(() => page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
});
