import { ServiceError, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { DatabaseError } from 'pg';
import { ApplicationFailure } from '@temporalio/common';
import type { Client } from '@temporalio/client';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_PREFIX, buildApp, type App } from '../../api/app.js';
import { HttpError } from '../../api/errors.js';
import type { Database } from '../../db/database.js';
import { FAILURES } from '../../domain/failures.js';

/** The app with no database and no Temporal behind it: the routes below throw what a real call would. */
let app: App;
const thrown = new Map<string, () => Error>();

beforeAll(async () => {
  app = await buildApp({ db: {} as Kysely<Database>, temporal: {} as Client, taskQueue: 'unused', sessionTtlHours: 1 });
  app.get('/throws/:name', async (request) => {
    throw thrown.get((request.params as { name: string }).name)!();
  });
  await app.ready();
});
afterAll(() => app.close());

const call = async (name: string, error: () => Error) => {
  thrown.set(name, error);
  const response = await app.inject({ method: 'GET', url: `/throws/${name}` });
  return { status: response.statusCode, body: response.json() as { error: string; message: string } };
};

describe('the one error handler 统一错误处理', () => {
  it.each([
    ['household', 'household-5f0c8a0e-0000-4000-8000-000000000000', '未找到该户'],
    ['town', 'town-990101001', '该乡镇的工作日程尚未启动，请联系县乡村振兴局'],
    ['county', 'county-990101', '本县的工作日程尚未启动，请联系县乡村振兴局'],
    ['task', 'task-5f0c8a0e-0000-4000-8000-000000000000-1-medical_aid-1', '未找到该帮扶任务'],
    ['screening', 'screening-5f0c8a0e-0000-4000-8000-000000000000', '未找到该排查任务'],
    ['unknown', 'elsewhere-1', '未找到该记录'],
  ])('answers a missing %s workflow with 404 and the message for its kind', async (name, workflowId, message) => {
    const answer = await call(name, () => new WorkflowNotFoundError('workflow not found', workflowId, undefined));
    expect(answer).toEqual({ status: 404, body: { error: 'NOT_FOUND', message } });
  });

  it('answers an update refused by a validator with the status of its failure type and its message', async () => {
    const refused = () =>
      new WorkflowUpdateFailedError('update failed', ApplicationFailure.create({ type: FAILURES.notAllowed, message: '“村干部”不能办理“县级确定”', nonRetryable: true }));
    expect(await call('refused', refused)).toEqual({ status: 403, body: { error: 'NotAllowed', message: '“村干部”不能办理“县级确定”' } });
    const wrongStep = () => new WorkflowUpdateFailedError('update failed', ApplicationFailure.create({ type: FAILURES.wrongStep, message: '当前环节是“公示”', nonRetryable: true }));
    expect(await call('wrong-step', wrongStep)).toMatchObject({ status: 409, body: { error: 'WrongStep' } });
  });

  it('shows an HttpError as it is, and hides the message of a fault', async () => {
    expect(await call('http', () => new HttpError(409, '该任务已办结，不能再办理', 'WrongStep'))).toEqual({ status: 409, body: { error: 'WrongStep', message: '该任务已办结，不能再办理' } });
    const fault = await call('fault', () => new Error('connection refused at 10.0.0.7:5432'));
    expect(fault).toEqual({ status: 500, body: { error: 'INTERNAL', message: '系统内部错误，请稍后重试或联系管理员' } });
    const failedActivity = () => new WorkflowUpdateFailedError('update failed', ApplicationFailure.create({ type: FAILURES.webhookFailed, message: 'HTTP 502 from https://dept.example' }));
    expect((await call('activity', failedActivity)).status).toBe(500);
  });

  it('answers 503 in words when Temporal cannot be reached, and 500 for any other gRPC fault', async () => {
    const grpc = (code: number) => new ServiceError('Failed to query workflow', { cause: Object.assign(new Error(`${code} grpc`), { code, details: 'No connection established', metadata: {} }) });
    expect(await call('unavailable', () => grpc(14))).toEqual({ status: 503, body: { error: 'TEMPORAL_UNAVAILABLE', message: '流程服务暂时不可用，请稍后重试' } });
    expect((await call('deadline', () => grpc(4))).status).toBe(503);
    expect((await call('internal', () => grpc(13))).status).toBe(500);
  });

  it('answers an address under the prefix that no route serves with 404 in words', async () => {
    const response = await app.inject({ method: 'GET', url: `${API_PREFIX}/nothing-here` });
    expect({ status: response.statusCode, body: response.json() }).toEqual({ status: 404, body: { error: 'NOT_FOUND', message: '请求的地址不存在' } });
  });

  it('words the refusals Fastify makes itself, before a route sees the request', async () => {
    const notJson = await app.inject({ method: 'POST', url: `${API_PREFIX}/auth/login`, headers: { 'content-type': 'application/json' }, payload: '{"username": ' });
    expect({ status: notJson.statusCode, message: notJson.json().message }).toEqual({ status: 400, message: '请求有误，请检查填写的内容后重试' });
    const xml = await app.inject({ method: 'POST', url: `${API_PREFIX}/auth/login`, headers: { 'content-type': 'application/xml' }, payload: '<login/>' });
    expect({ status: xml.statusCode, message: xml.json().message }).toEqual({ status: 415, message: '提交的内容格式不受支持，请以 JSON 提交' });
  });
});

describe('the error responses in the OpenAPI document (issue 18, defect 10)', () => {
  it('lists for every operation each status the error handler may answer, with the refusal’s body, beside its success', async () => {
    const answer = await app.inject({ method: "GET", url: `${API_PREFIX}/docs/json` });
    expect(answer.statusCode, answer.body.slice(0, 300)).toBe(200);
    const doc = answer.json() as {
      paths: Record<string, Record<string, { responses: Record<string, { description: string; content: { 'application/json': { schema: { properties: Record<string, unknown> } } } }> }>>;
    };
    const operations = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith(`${API_PREFIX}/`)) // not this file's own test route
      .flatMap(([path, methods]) => Object.entries(methods).map(([method, operation]) => ({ path, method, operation })));
    expect(operations.length).toBeGreaterThan(30);
    for (const { path, method, operation } of operations) {
      const statuses = Object.keys(operation.responses);
      expect(statuses.some((s) => s.startsWith('2')), `${method} ${path} documents its success`).toBe(true);
      expect(statuses, `${method} ${path}`).toEqual(expect.arrayContaining(['400', '401', '403', '404', '409', '500', '503']));
      const refusal = operation.responses['400']!.content['application/json'].schema;
      expect(Object.keys(refusal.properties)).toEqual(['error', 'message', 'details']);
    }
  });
});

describe('what the log keeps of a 500 (issue 18, review)', () => {
  it('logs a summary: the SQLSTATE and the constraint of a database error, never its message, detail or the row', async () => {
    const lines: string[] = [];
    const logged = await buildApp({
      db: {} as Kysely<Database>,
      temporal: {} as Client,
      taskQueue: 'unused',
      sessionTtlHours: 1,
      logger: { level: 'error', stream: { write: (line: string) => void lines.push(line) } },
    });
    logged.get('/throws/db', async () => {
      const error = new DatabaseError('duplicate key value violates unique constraint "household_members_id_number_key" 张三', 0, 'error');
      Object.assign(error, { severity: 'ERROR', code: '23505', constraint: 'household_members_id_number_key', table: 'household_members', detail: 'Key (id_number)=(110101199003074518) already exists.' });
      throw new Error('registration failed for 110101199003074518', { cause: error });
    });
    await logged.ready();
    const response = await logged.inject({ method: 'GET', url: '/throws/db' });
    await logged.close();
    expect(response.statusCode).toBe(500);
    const entry = lines.map((l) => JSON.parse(l) as { msg: string; error?: unknown }).find((l) => l.msg === 'request failed');
    expect(entry?.error).toMatchObject({
      type: 'Error',
      message: 'registration failed for 110101************',
      cause: { type: 'error', code: '23505', constraint: 'household_members_id_number_key', table: 'household_members' },
    });
    const all = lines.join('\n');
    expect(all).not.toContain('199003074518'.slice(0, 8));
    expect(all).not.toContain('张三');
    expect(all).not.toContain('Key (id_number)');
  });
});
