import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCUMENT_MAX_BYTES } from '../../domain/measures/documents.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';

/** The database refuses what the API refuses: a document of another type, a size that lies, a blank or taken name. */
let t: TestDatabase;
let userId: string;
let householdId: string;
let taskKey: string;
beforeAll(async () => {
  t = await createTestDatabase();
  const user = await t.db.selectFrom('users').select('id').where('username', '=', 'bumen.mz').executeTakeFirstOrThrow();
  userId = user.id;
  const household = await t.db
    .insertInto('households')
    .values({ county_id: '990101', town_id: '990101001', village_id: '990101001201', address: '东岗村1号', head_name: '王某', category: 'unstable' })
    .returning('id')
    .executeTakeFirstOrThrow();
  householdId = household.id;
  const department = await t.db.selectFrom('departments').select('id').where('county_id', '=', '990101').where('code', '=', 'mz').executeTakeFirstOrThrow();
  taskKey = `task-${householdId}-1-dibao_pension-1`;
  await t.owner
    .insertInto('assistance_plans')
    .values({ household_id: householdId, plan_no: 1, plan_key: `plan-${householdId}-1`, drawn_by: userId, confirmed_at: new Date(), measures: JSON.stringify([]) })
    .execute();
  await t.owner
    .insertInto('measure_tasks')
    .values({
      task_key: taskKey,
      household_id: householdId,
      plan_no: 1,
      county_id: '990101',
      town_id: '990101001',
      village_id: '990101001201',
      measure: 'dibao_pension',
      department_id: department.id,
      required: true,
      assigned_at: new Date(),
      due_at: new Date(Date.now() + 86_400_000),
    } as never)
    .execute();
});
afterAll(async () => t?.destroy());

const pdf = (n: number) => Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(n - 5, 0x20)]);
const document = (over: Record<string, unknown> = {}) => {
  const content = (over.content as Buffer | undefined) ?? pdf(100);
  return { task_key: taskKey, household_id: householdId, uploaded_by: userId, file_name: '审批表.pdf', content_type: 'application/pdf', size_bytes: content.length, content, ...over };
};
const CHECK = /violates check constraint/;

describe('task documents', () => {
  it('keeps a PDF, JPEG or PNG of at most 10 MB whose size is its bytes’', async () => {
    await t.db.insertInto('task_documents').values(document()).execute();
    await t.db.insertInto('task_documents').values(document({ content_type: 'image/png' })).execute();
    await expect(t.db.insertInto('task_documents').values(document({ content_type: 'text/html' })).execute()).rejects.toThrow(CHECK);
    await expect(t.db.insertInto('task_documents').values(document({ size_bytes: 99 })).execute()).rejects.toThrow(CHECK);
    await expect(t.db.insertInto('task_documents').values(document({ file_name: '   ' })).execute()).rejects.toThrow(CHECK);
    await expect(t.db.insertInto('task_documents').values(document({ content: Buffer.alloc(0) })).execute()).rejects.toThrow(CHECK);
    const over = pdf(DOCUMENT_MAX_BYTES + 1);
    await expect(t.db.insertInto('task_documents').values(document({ content: over })).execute()).rejects.toThrow(CHECK);
    await expect(t.db.insertInto('task_documents').values(document({ task_key: 'task-none' })).execute()).rejects.toThrow(/foreign key/);
  });

  it('is never changed or deleted by the app', async () => {
    await expect(sql`update task_documents set file_name = file_name`.execute(t.db)).rejects.toThrow(/permission denied/);
    await expect(sql`delete from task_documents`.execute(t.db)).rejects.toThrow(/permission denied/);
    await expect(sql`truncate task_documents`.execute(t.db)).rejects.toThrow(/permission denied|must be owner/);
  });
});

describe('saved views', () => {
  it('are named once per user, hold an object of filters, and are deleted but never changed by the app', async () => {
    const view = { user_id: userId, name: '我的逾期', filters: JSON.stringify({ status: 'overdue' }) };
    const row = await t.db.insertInto('task_views').values(view).returning('id').executeTakeFirstOrThrow();
    await expect(t.db.insertInto('task_views').values(view).execute()).rejects.toThrow(/unique/);
    await expect(t.db.insertInto('task_views').values({ ...view, name: ' ' }).execute()).rejects.toThrow(CHECK);
    await expect(t.db.insertInto('task_views').values({ ...view, name: '名'.repeat(41) }).execute()).rejects.toThrow(CHECK);
    await expect(t.db.insertInto('task_views').values({ ...view, name: '列表', filters: JSON.stringify(['overdue']) }).execute()).rejects.toThrow(CHECK);
    await expect(sql`update task_views set name = 'x'`.execute(t.db)).rejects.toThrow(/permission denied/);
    await t.db.deleteFrom('task_views').where('id', '=', row.id).execute();
    expect(await t.db.selectFrom('task_views').select('id').where('id', '=', row.id).execute()).toEqual([]);
  });
});
