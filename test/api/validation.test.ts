import type { Client } from '@temporalio/client';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { API_PREFIX, buildApp, type App } from '../../api/app.js';
import * as admin from '../../api/schemas/admin.js';
import * as auth from '../../api/schemas/auth.js';
import * as common from '../../api/schemas/common.js';
import * as countyItems from '../../api/schemas/county-items.js';
import * as dueItems from '../../api/schemas/due-items.js';
import * as elimination from '../../api/schemas/elimination.js';
import * as households from '../../api/schemas/households.js';
import * as identification from '../../api/schemas/identification.js';
import * as members from '../../api/schemas/members.js';
import * as monitoring from '../../api/schemas/monitoring.js';
import * as plans from '../../api/schemas/plans.js';
import * as screenings from '../../api/schemas/screenings.js';
import * as tasks from '../../api/schemas/tasks.js';
import * as towns from '../../api/schemas/towns.js';
import type { Database } from '../../db/database.js';
import { FIELD_LABELS, VALUE_NAMES } from '../../domain/messages/fields.js';

/** Validation runs before login is checked: the app needs neither a database nor Temporal here. */
let app: App;
beforeAll(async () => {
  app = await buildApp({ db: {} as Kysely<Database>, temporal: {} as Client, taskQueue: 'unused', sessionTtlHours: 1 });
  await app.ready();
});
afterAll(() => app.close());

interface Refusal {
  error: string;
  message: string;
  details: { field: string; label: string; message: string }[];
}

async function refused(method: 'GET' | 'POST' | 'PUT', url: string, payload?: object): Promise<Refusal> {
  const response = await app.inject({ method, url: `${API_PREFIX}${url}`, ...(payload ? { payload } : {}) });
  expect(response.statusCode).toBe(400);
  return response.json();
}

const household = '5f0c8a0e-0000-4000-8000-000000000000';
const ASCII_WORD = /[A-Za-z_]{3,}/;

describe('validation errors in words a clerk reads 校验提示', () => {
  it('names each field in Chinese and says what is wrong, with the choices by their Chinese names', async () => {
    const body = await refused('POST', '/households', { villageId: '990101001201', address: ' ', category: 'poor' });
    expect(body.error).toBe('INVALID_INPUT');
    expect(body.details).toEqual([
      { field: 'body.address', label: '住址', message: '请填写住址' },
      { field: 'body.headName', label: '户主姓名', message: '请填写户主姓名' },
      { field: 'body.category', label: '类别', message: '类别不在可选范围内：脱贫户、脱贫不稳定户、边缘易致贫户、突发严重困难户' },
    ]);
    expect(body.message).toBe('填写的内容有误：请填写住址；请填写户主姓名；类别不在可选范围内：脱贫户、脱贫不稳定户、边缘易致贫户、突发严重困难户');
  });

  it('places a problem inside a list or a group, and keeps a message the schema gives', async () => {
    const body = await refused('POST', `/households/${household}/identification/application`, {
      statement: '因病致贫',
      riskCauses: ['flood'],
      survey: { memberCount: 0, income: [{ period: '2024-13', kind: 'wages', yuan: -5 }, { period: '0000-01', kind: 'wages', yuan: 100 }], spending: [] },
    });
    expect(body.details.map((d) => [d.field, d.message])).toEqual([
      ['body.riskCauses.0', expect.stringMatching(/^风险类型第1项不在可选范围内：因病、因残、因灾/)],
      ['body.survey.memberCount', '入户调查表：家庭人口数至少为1'],
      ['body.survey.income.0.period', '入户调查表·收入第1项：月份格式应为 YYYY-MM'],
      ['body.survey.income.0.yuan', '入户调查表·收入第1项·金额：工资性收入和转移性收入不能为负数'],
      ['body.survey.income.1.period', '入户调查表·收入第2项：月份不能早于 2000-01'],
    ]);
  });

  it('words wrong types, lengths, numbers and path parameters too, never with a field path or a code', async () => {
    const member = await refused('POST', `/households/not-a-uuid/members`, { name: 'x'.repeat(51), idNumber: 4409, relation: 'cousin', labourAbility: 'capable', isStudent: 'yes' });
    expect(member.details.map((d) => d.message)).toEqual(['户编号格式不正确']);
    const body = await refused('POST', `/households/${household}/members`, { name: 'x'.repeat(51), idNumber: 4409, relation: 'cousin', labourAbility: 'capable', isStudent: 'yes' });
    expect(body.details.map((d) => d.message)).toEqual([
      '姓名不能超过50个字',
      '身份证号码格式不正确',
      '与户主关系不在可选范围内：户主、配偶、子女、父母、祖父母、孙子女、兄弟姐妹、儿媳/女婿、其他成员',
      '是否在校学生应为“是”或“否”',
    ]);
    const list = await refused('GET', '/households?limit=0&stage=gone');
    expect(list.details.map((d) => d.message)).toEqual(['所处阶段不在可选范围内：已建档、认定中、监测对象、风险已消除、未纳入监测', '每页条数至少为1']);
    for (const refusal of [body, list, member]) expect(refusal.message).not.toMatch(ASCII_WORD);
  });

  it('keeps a request in the schema’s own words and names a date by its field', async () => {
    const visit = await refused('POST', `/households/${household}/visits`, { period: '2026-11', visitedOn: '2026/11/03', findings: ' ' });
    expect(visit.details.map((d) => d.message)).toEqual(['走访日期格式应为 YYYY-MM-DD', '请填写走访发现的情况']);
    const tasks = await refused('GET', '/tasks?dueFrom=tomorrow');
    expect(tasks.message).toBe('填写的内容有误：截止日期（起）格式应为 YYYY-MM-DD');
    const noSuchDay = await refused('GET', '/tasks?dueTo=2026-02-30');
    expect(noSuchDay.message).toBe('填写的内容有误：截止日期（止）：日期 2026-02-30 不存在');
    const screening = await refused('POST', '/screenings', { areaId: '990101', reason: '台风', dueDays: 90 });
    expect(screening.message).toBe('填写的内容有误：排查期限应为1至60天');
  });

  it('refuses text the database cannot store, and text of only invisible characters, before anything is written (issue 18)', async () => {
    const nul = await refused('POST', '/households', { villageId: '990101001201', address: '东岗村\u00001号', headName: '王五', category: 'lifted_out' });
    expect(nul.details).toEqual([{ field: 'body.address', label: '住址', message: '住址：填写的内容含有无法识别的控制字符（可能是从其他软件复制带入的），请删除后重新填写' }]);
    const invisible = await refused('POST', '/households', { villageId: '990101001201', address: '东岗村1号', headName: '\u200B\u200D\uFEFF', category: 'lifted_out' });
    expect(invisible.details.map((d) => d.message)).toEqual(['请填写户主姓名']);
    const search = await refused('GET', `/households?name=${encodeURIComponent('王\u0000')}`);
    expect(search.details.map((d) => d.field)).toEqual(['querystring.name']);
  });

  it('refuses a day the calendar does not have and an amount past the fen, never rounding it in silence (issue 18)', async () => {
    const id = '5f0c7d2e-0000-4000-8000-000000000000';
    const visit = await refused('POST', `/households/${id}/visits`, { period: '2026-12', visitedOn: '2026-12-00', findings: '家中正常' });
    expect(visit.details.map((d) => d.message)).toEqual(['走访日期：日期 2026-12-00 不存在']);
    const february = await refused('POST', `/households/${id}/visits`, { period: '2026-02', visitedOn: '2026-02-30', findings: '家中正常' });
    expect(february.details.map((d) => d.field)).toEqual(['body.visitedOn']);
    const update = await refused('POST', `/households/${id}/monthly-updates`, { period: '2026-11', income: [{ period: '2026-11', kind: 'wages', yuan: 1200.005 }] });
    expect(update.details.map((d) => d.message)).toEqual([expect.stringContaining('金额最多保留两位小数（到分）')]);
  });

  it('reads an emptied number filter as no filter, never 0, and refuses what is not digits (issue 18)', async () => {
    expect(dueItems.dueItemQuery.parse({ minOverdueDays: '', maxOverdueDays: ' ' })).toMatchObject({ minOverdueDays: undefined, maxOverdueDays: undefined, limit: 50, offset: 0 });
    expect(tasks.overdueTaskQuery.parse({ minOverdueDays: '', limit: '' })).toMatchObject({ minOverdueDays: undefined, limit: 50 });
    expect(tasks.overdueTaskQuery.parse({ minOverdueDays: '8', limit: '20' })).toMatchObject({ minOverdueDays: 8, limit: 20 });
    for (const value of ['0x10', '1e2', '-1', '七']) {
      const body = await refused('GET', `/tasks/overdue?minOverdueDays=${encodeURIComponent(value)}`);
      expect(body.details.map((d) => d.field)).toEqual(['querystring.minOverdueDays']);
      expect(body.message).not.toMatch(ASCII_WORD);
    }
  });

  it('has a Chinese name for every field a request may carry, and for every choice where a names table exists', () => {
    const modules = { admin, auth, common, countyItems, dueItems, elimination, households, identification, members, monitoring, plans, screenings, tasks, towns };
    const inputs = Object.entries(modules).flatMap(([module, exports]) =>
      Object.entries(exports)
        .filter(([name, value]) => /(Body|Query|Params)$/.test(name) && value instanceof z.ZodType)
        .map(([name, value]) => [`${module}.${name}`, z.toJSONSchema(value as z.ZodType, { io: 'input', unrepresentable: 'any' })] as const),
    );
    expect(inputs.length).toBeGreaterThan(30);
    const unnamed: string[] = [];
    const unnamedChoices: string[] = [];
    const walk = (where: string, schema: any, parent?: string) => {
      if (!schema || typeof schema !== 'object') return;
      for (const [key, property] of Object.entries<any>(schema.properties ?? {})) {
        const context = parent ? `${parent}.${key}` : key;
        if (FIELD_LABELS[context] === undefined && FIELD_LABELS[key] === undefined) unnamed.push(`${where}: ${key}`);
        const values: unknown[] | undefined = property.enum ?? property.items?.enum ?? property.anyOf?.find((s: any) => s.enum)?.enum;
        const names = VALUE_NAMES[context] ?? VALUE_NAMES[key];
        if (values && names && values.some((v) => names[String(v)] === undefined)) unnamedChoices.push(`${where}: ${key}`);
        walk(where, property, key);
        walk(where, property.items, key);
        for (const alternative of property.anyOf ?? []) walk(where, alternative, key);
      }
    };
    for (const [where, schema] of inputs) walk(where, schema);
    expect(unnamed).toEqual([]);
    expect(unnamedChoices).toEqual([]);
  });
});
