import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { checkCharacter } from '../../domain/people/id-number.js';
import { comparisonMonthWorkflowId, getComparisonMonth } from '../../workflows/comparison/definitions.js';
import { loginAll, monthAfter, registerHousehold, thisMonth, type Tokens } from '../helpers/journeys.js';
import { keepHistory } from '../helpers/histories.js';
import { useStack } from '../helpers/stack.js';
import { eventually } from '../helpers/wait.js';

/**
 * The monthly comparison of a county as a workflow 月度部门数据比对: opened by the
 * first feed of the month, its discoveries handed to the households' workflows
 * in an activity, closed by the county bureau with the report kept (a feed of a
 * closed month refused), or by itself at the end of the following month.
 */
const stack = useStack({ server: 'time-skipping', api: true });
const DAY = 24 * 60 * 60 * 1000;
const id = (seq: number) => {
  const first17 = `99010119700101${String(seq).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
};
const HEAD = id(51);
const month = thisMonth();
const lastMonth = monthAfter(month, -1);
const housing = (forMonth: string, grade: string) => `身份证号,姓名,数据月份,房屋安全等级\n${HEAD},戊,${forMonth},${grade}\n`;

let tokens: Tokens;
async function sendFeed(token: string, content: string, forMonth: string) {
  const form = new FormData();
  form.append('file', new Blob([content]), 'zj.csv');
  const response = await fetch(`${stack.api.base}/api/comparison/feeds/zj_housing/${forMonth}`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  return { status: response.status, body: (await response.json()) as any };
}
const kept = async (forMonth: string) => (await sql<{ opened_at: Date; closed_at: Date | null; closed_by: string | null; report: any }>`
  select opened_at, closed_at, closed_by, report from comparison_months where county_id = '990101' and month = ${forMonth}`.execute(stack.t.owner)).rows[0];

describe('the monthly comparison as a workflow 月度部门数据比对', () => {
  it('opens with the first feed, hands its discovery to the household in an activity, and closes with the county bureau’s report; a later feed is refused', async () => {
    tokens = await loginAll(stack.api);
    const household = await registerHousehold(stack.api, tokens, '戊');
    const added = await stack.api.call('POST', `/households/${household}/members`, { token: tokens.cadre, body: { name: '戊', idNumber: HEAD, relation: 'head', labourAbility: 'capable' } });
    expect(added.status).toBe(201);
    const signed = await stack.api.call('POST', `/households/${household}/consents`, { token: tokens.cadre, body: { signerName: '戊', signedOn: '2026-01-05', covers: ['housing'], document: '承诺授权书（纸质）第5号' } });
    expect(signed.status).toBe(201);

    const before = await stack.api.call('GET', `/comparison/${month}`, { token: tokens.county });
    expect(before.body.status).toEqual({ state: 'not_started', openedAt: null, closedAt: null });
    const zj = await stack.api.login('bumen.zj');
    const sent = await sendFeed(zj, housing(month, 'D级'), month);
    expect(sent).toMatchObject({ status: 201, body: { warnings: 1 } });

    const handle = stack.env.client.workflow.getHandle(comparisonMonthWorkflowId('990101', month));
    await eventually(async () => expect(await handle.query(getComparisonMonth)).toMatchObject({ month, batches: [sent.body.id], discoveriesHanded: 1, closedAt: null }));
    const warning = (await sql<{ discovery: string }>`select discovery from comparison_warnings where household_id = ${household}`.execute(stack.t.owner)).rows;
    expect(warning).toEqual([{ discovery: 'opened' }]);
    const opened = await stack.api.call('GET', `/comparison/${month}`, { token: tokens.county });
    expect(opened.body.status).toMatchObject({ state: 'open', closedAt: null });
    expect((await kept(month))?.closed_at).toBeNull();

    const byTown = await stack.api.call('POST', `/comparison/${month}/close`, { token: tokens.town });
    expect(byTown.status).toBe(403);
    const closed = await stack.api.call('POST', `/comparison/${month}/close`, { token: tokens.county });
    expect(closed).toMatchObject({ status: 200, body: { month } });
    await handle.result();
    await keepHistory(stack.env.client, 'comparison-month', comparisonMonthWorkflowId('990101', month));
    const record = await kept(month);
    expect(record?.closed_at?.toISOString()).toBe(closed.body.closedAt);
    expect(record?.closed_by).not.toBeNull();
    expect(record?.report).toEqual({
      feeds: [{ feed: 'zj_housing', batches: 1, rowsReceived: 1, matched: 1, unknown: 0, rejected: 0, noConsent: 0, warnings: 1, householdsAffected: 1 }],
      totals: { rowsReceived: 1, matched: 1, unknown: 0, rejected: 0, noConsent: 0, warnings: 1, householdsAffected: 1 },
    });
    const report = await stack.api.call('GET', `/comparison/${month}`, { token: tokens.county });
    expect(report.body.status).toEqual({ state: 'closed', openedAt: record!.opened_at.toISOString(), closedAt: closed.body.closedAt });

    const late = await sendFeed(zj, housing(month, 'C级'), month);
    expect(late).toMatchObject({ status: 409, body: { message: `${month}的部门数据比对已经结束，不能再上传或结束一次；如有新数据请在下月比对中上传` } });
    expect(await stack.api.call('POST', `/comparison/${month}/close`, { token: tokens.county })).toMatchObject({ status: 409 });
    // The database refuses a batch of a closed month too.
    await expect(sql`
      insert into comparison_batches (county_id, feed, department_id, month, file_name, file_sha256, uploaded_by, received_at, rows_received, matched, unknown, rejected, no_consent, warnings, households_affected)
      select '990101', 'zj_housing', department_id, month, 'x.csv', ${'1'.repeat(64)}, uploaded_by, now(), 0, 0, 0, 0, 0, 0, 0 from comparison_batches where month = ${month}`.execute(stack.t.db)).rejects.toThrow(/is closed/);
  });

  it('closes by itself at the end of the following month when nobody closed it', async () => {
    const sent = await sendFeed(await stack.api.login('bumen.zj'), housing(lastMonth, 'B级'), lastMonth);
    expect(sent.status).toBe(201);
    const handle = stack.env.client.workflow.getHandle(comparisonMonthWorkflowId('990101', lastMonth));
    await eventually(async () => expect((await handle.query(getComparisonMonth)).batches).toEqual([sent.body.id]));
    // The signal is taken before the month's opening activity has written its record: wait for the record.
    await eventually(async () => expect(await kept(lastMonth)).toMatchObject({ closed_at: null }));
    await stack.env.sleep(40 * DAY);
    await handle.result();
    const record = await kept(lastMonth);
    expect(record?.closed_at).not.toBeNull();
    expect(record?.closed_by).toBeNull();
    expect(record?.report.totals).toMatchObject({ rowsReceived: 1, matched: 1, warnings: 0 });
  });
});
