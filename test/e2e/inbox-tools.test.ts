import { describe, expect, it } from 'vitest';
import { API_PREFIX } from '../../api/app.js';
import { formatLocalDate, toLocalDate } from '../../domain/calendar/dates.js';
import { DOCUMENT_MAX_BYTES } from '../../domain/measures/documents.js';
import { actorOf, insertHousehold } from '../helpers/fixtures.js';
import { demoCountyWithoutNotice } from '../helpers/profiles.js';
import { useStack } from '../helpers/stack.js';
import { planAndStart } from '../helpers/tasks.js';
import { eventually } from '../helpers/wait.js';

const stack = useStack({
  server: 'dev',
  api: true,
  beforeStart: (t) => demoCountyWithoutNotice(t.db, 'e2e-inbox-tools'),
});
const today = () => formatLocalDate(toLocalDate(Date.now()));
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2000, 0x20), Buffer.from('\n%%EOF\n')]);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(500, 1)]);

async function upload(key: string, token: string, name: string, content: Buffer, type = 'application/octet-stream') {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(content)], { type }), name);
  const response = await fetch(`${stack.api.base}${API_PREFIX}/tasks/${key}/documents`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  return { status: response.status, body: (await response.json()) as any };
}

async function tasksOf(measures: string[], headName: string) {
  const { t, env, taskQueue } = stack;
  const town = await actorOf(t.db, 'zhen.dongcheng');
  const { row, place } = await insertHousehold(t.db, headName);
  const plan = await planAndStart(env.client, t.db, taskQueue, { householdId: row.id, place, drawnBy: town.userId, at: Date.now(), measures: measures.map((code) => ({ code })) });
  return { household: row, keys: plan.tasks.map((task) => task.taskKey) };
}

describe('the department inbox’s tools over HTTP', () => {
  it('saves a user’s views by name, lists only the user’s own, refuses a taken name and deletes them', async () => {
    const { api } = stack;
    const mz = await api.login('bumen.mz');
    const rs = await api.login('bumen.rs');
    const saved = await api.call('POST', '/task-views', { token: mz, body: { name: '东城镇逾期', filters: { status: 'overdue', townId: '990101001', sort: 'due_desc' } } });
    expect(saved).toMatchObject({ status: 201, body: { name: '东城镇逾期', filters: { status: 'overdue', townId: '990101001', sort: 'due_desc' } } });
    expect(await api.call('POST', '/task-views', { token: mz, body: { name: '东城镇逾期', filters: {} } })).toMatchObject({ status: 409, body: { message: '已有名为“东城镇逾期”的筛选，请换一个名称' } });
    expect(await api.call('POST', '/task-views', { token: mz, body: { name: '  ', filters: {} } })).toMatchObject({ status: 400 });
    expect(await api.call('POST', '/task-views', { token: mz, body: { name: '坏排序', filters: { sort: 'name' } } })).toMatchObject({ status: 400 });
    expect((await api.call('GET', '/task-views', { token: mz })).body.items.map((v: { name: string }) => v.name)).toContain('东城镇逾期');
    expect((await api.call('GET', '/task-views', { token: rs })).body.items.map((v: { name: string }) => v.name)).not.toContain('东城镇逾期');
    expect(await api.call('DELETE', `/task-views/${saved.body.id}`, { token: rs })).toMatchObject({ status: 404 });
    expect(await api.call('DELETE', `/task-views/${saved.body.id}`, { token: mz })).toMatchObject({ status: 200, body: { id: saved.body.id, deleted: true } });
    expect((await api.call('GET', '/task-views', { token: mz })).body.items.map((v: { name: string }) => v.name)).not.toContain('东城镇逾期');
  });

  it('accepts many tasks in one action, each through its own workflow, and reports each refusal by task', async () => {
    const { api } = stack;
    const mz = await api.login('bumen.mz');
    const { keys } = await tasksOf(['dibao_pension', 'employment'], '冯一');
    const [mzKey, rsKey] = keys as [string, string];
    await eventually(async () => expect((await api.call('POST', `/tasks/${mzKey}/progress`, { token: mz, body: { text: '查看' } })).body.message).toBe('请先接收任务，再报告办理进度'));
    const first = await api.call('POST', '/tasks/bulk-accept', { token: mz, body: { keys: [mzKey, rsKey] } });
    expect(first).toMatchObject({ status: 200, body: { accepted: 1, refused: 1 } });
    expect(first.body.results[0]).toMatchObject({ key: mzKey, ok: true, status: 'accepted', statusName: '已接收' });
    expect(first.body.results[1]).toMatchObject({ key: rsKey, ok: false, message: '该任务不由您所在的部门承办，您不能办理' });
    const again = await api.call('POST', '/tasks/bulk-accept', { token: mz, body: { keys: [mzKey] } });
    expect(again.body).toMatchObject({ accepted: 0, refused: 1, results: [{ key: mzKey, ok: false, message: '该任务已接收，无需重复接收' }] });
    expect(await api.call('POST', '/tasks/bulk-accept', { token: mz, body: { keys: [] } })).toMatchObject({ status: 400, body: { message: expect.stringContaining('请至少选择一项任务') } });
    await eventually(async () => {
      const now = await stack.t.db.selectFrom('measure_tasks').select(['task_key', 'status']).where('task_key', 'in', [mzKey, rsKey]).execute();
      expect(Object.fromEntries(now.map((r) => [r.task_key, r.status]))).toEqual({ [mzKey]: 'accepted', [rsKey]: 'assigned' });
    });
  });

  it('keeps an uploaded PDF or image, refuses other types and files over 10 MB in the clerk’s words, and lets only those who may see the household download it', async () => {
    const { api, t } = stack;
    const mz = await api.login('bumen.mz');
    const rs = await api.login('bumen.rs');
    const { household, keys } = await tasksOf(['dibao_pension'], '陈二');
    const key = keys[0]!;
    await eventually(async () => expect((await api.call('POST', `/tasks/${key}/accept`, { token: mz })).status).toBe(200));

    const pdf = await upload(key, mz, '低保审批表.pdf', PDF, 'application/pdf');
    expect(pdf).toMatchObject({ status: 201, body: { fileName: '低保审批表.pdf', contentType: 'application/pdf', sizeBytes: PDF.length } });
    // The type is told from the bytes: a PNG named .jpg is kept as the PNG it is; a text named .pdf is refused.
    expect(await upload(key, mz, '现场照片.jpg', PNG, 'image/jpeg')).toMatchObject({ status: 201, body: { contentType: 'image/png' } });
    const before = await t.db.selectFrom('task_documents').select((eb) => eb.fn.countAll<string>().as('n')).where('task_key', '=', key).executeTakeFirstOrThrow();
    expect(await upload(key, mz, '说明.pdf', Buffer.from('just text'), 'application/pdf')).toMatchObject({ status: 415, body: { message: '只能上传 PDF、JPG 或 PNG 格式的文件（扫描件或照片），请转换格式后重新上传' } });
    const large = Buffer.concat([PDF, Buffer.alloc(DOCUMENT_MAX_BYTES, 0x20)]);
    expect(await upload(key, mz, '大文件.pdf', large, 'application/pdf')).toMatchObject({ status: 413, body: { message: '文件超过 10.0 MB，请压缩或分成几份后重新上传' } });
    expect(await upload(key, mz, '空.pdf', Buffer.alloc(0), 'application/pdf')).toMatchObject({ status: 400, body: { message: '文件是空的，请重新选择' } });
    expect(await upload(key, rs, '低保审批表.pdf', PDF, 'application/pdf')).toMatchObject({ status: 403 });
    const after = await t.db.selectFrom('task_documents').select((eb) => eb.fn.countAll<string>().as('n')).where('task_key', '=', key).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);

    // A completion may name only its own task's uploads.
    const { keys: otherKeys } = await tasksOf(['dibao_pension'], '陈三');
    await eventually(async () => expect((await api.call('POST', `/tasks/${otherKeys[0]}/accept`, { token: mz })).status).toBe(200));
    const foreign = await upload(otherKeys[0]!, mz, '别户.pdf', PDF, 'application/pdf');
    const wrong = await api.call('POST', `/tasks/${key}/complete`, { token: mz, body: { whatWasDone: '纳入低保', date: today(), documents: [{ title: '别户', reference: foreign.body.reference }] } });
    expect(wrong).toMatchObject({ status: 400, body: { message: '所附材料不是为该任务上传的，请重新上传' } });

    const done = await api.call('POST', `/tasks/${key}/complete`, { token: mz, body: { whatWasDone: '纳入低保', date: today(), documents: [{ title: '低保审批表', reference: pdf.body.reference }] } });
    expect(done).toMatchObject({ status: 200, body: { status: 'completed' } });
    await eventually(async () => {
      const file = await api.call('GET', `/households/${household.id}/file`, { token: await api.login('cun.donggang') });
      expect(file.body.documents).toEqual([expect.objectContaining({ id: pdf.body.id, fileName: '低保审批表.pdf' })]);
    });

    const download = await fetch(`${api.base}${API_PREFIX}/documents/${pdf.body.id}`, { headers: { authorization: `Bearer ${await api.login('cun.donggang')}` } });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toContain(encodeURIComponent('低保审批表.pdf'));
    expect(Buffer.from(await download.arrayBuffer()).equals(PDF)).toBe(true);
    expect(await api.call('GET', `/documents/${pdf.body.id}`, { token: await api.login('cun.hekou') })).toMatchObject({ status: 403, body: { message: '该户不在您的管辖范围内' } });
    expect(await api.call('GET', `/documents/${pdf.body.id}`, { token: await api.login('zhen.xiling') })).toMatchObject({ status: 403 });
    expect(await api.call('GET', '/documents/00000000-0000-4000-8000-000000000000', { token: mz })).toMatchObject({ status: 404, body: { message: '未找到该佐证材料' } });
  });
});
