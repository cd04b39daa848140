import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createImportActivities } from '../../activities/imports/job.js';
import { readCaseloadFile, type SheetRead } from '../../activities/imports/read-file.js';
import { toLocalDate } from '../../domain/calendar/dates.js';
import { householdMembersRepo } from '../../db/repositories/household-members.js';
import { householdsRepo } from '../../db/repositories/households.js';
import { importJobsRepo } from '../../db/repositories/import-jobs.js';
import { stageRows } from '../../db/repositories/import-staging.js';
import { caseloadWorkbook, financeRow, memberRow, type CaseloadRow } from '../helpers/caseload.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.destroy());

const HOUSEHOLDS = 8;
const MONTHS = ['2026-09', '2026-10'];
/** The household whose spouse is registered by a cadre while the file is being imported (after its checks passed). */
const RACED = 5;

const rows: CaseloadRow[] = [
  ...Array.from({ length: HOUSEHOLDS }, (_, i) => [0, 1, 2].map((m): CaseloadRow => ({ sheet: 'members', cells: memberRow(i + 1, m) }))).flat(),
  ...Array.from({ length: HOUSEHOLDS }, (_, i) => MONTHS.map((p): CaseloadRow => ({ sheet: 'finances', cells: financeRow(i + 1, p) }))).flat(),
];

async function stagedJob() {
  const user = await t.db.selectFrom('users').select('id').where('username', '=', 'zhen.dongcheng').executeTakeFirstOrThrow();
  const job = await importJobsRepo(t.db).create({ countyId: '990101', scopeId: '990101001', uploadedBy: user.id, fileName: '东城镇存量.xlsx' });
  const sheets: SheetRead[] = [];
  const file = Readable.from(await caseloadWorkbook(rows));
  const read = await stageRows(t.db, job.id, readCaseloadFile(file, 'xlsx', '东城镇存量.xlsx', toLocalDate(Date.now()), sheets));
  await importJobsRepo(t.db).update(job.id, { sheets, rowsRead: read });
  return job;
}

const householdOf = async (idNumber: unknown) =>
  (await t.db.selectFrom('household_members').select('household_id').where('id_number', '=', String(idNumber)).where('left_at', 'is', null).executeTakeFirst())?.household_id;

describe('saving an import’s households in large transactions (as the app role)', () => {
  it('saves the others whole when the database refuses one household of a transaction, rejects that one whole, and the counts add up', async () => {
    const job = await stagedJob();
    const steps = createImportActivities({ db: t.db });
    expect(await steps.checkImport({ jobId: job.id })).toEqual({ households: HOUSEHOLDS });

    // Between the checks and the saving, a cadre registers household 5's spouse in another household.
    const other = await householdsRepo(t.db).insert({ county_id: '990101', town_id: '990101001', village_id: '990101001202', group_id: null, address: '河口村9号', head_name: '新住户', category: 'lifted_out' });
    await householdMembersRepo(t.db).insert({ household_id: other.id, name: '成员5-1', id_number: String(memberRow(RACED, 1).idNumber), birth_date: '1970-01-01', sex: 'male', relation: 'head', labour_ability: 'capable' });

    let saved = 0;
    let rejected = 0;
    let transactions = 0;
    for (let more = true; more; ) {
      const batch = await steps.commitImportBatch({ jobId: job.id, limit: 3 });
      [saved, rejected, more, transactions] = [saved + batch.saved, rejected + batch.rejected, batch.more, transactions + 1];
    }
    expect({ saved, rejected, transactions }).toEqual({ saved: HOUSEHOLDS - 1, rejected: 1, transactions: 3 });
    while ((await steps.commitImportFinances({ jobId: job.id, limit: 20_000 })).more);
    const counts = await steps.closeImportRows({ jobId: job.id });
    expect(counts).toEqual({ read: rows.length, imported: (HOUSEHOLDS - 1) * 5, rejected: 5, households: HOUSEHOLDS - 1, pending: 0 });

    // The refused household: nothing of it saved, every row of it reported.
    expect(await householdOf(memberRow(RACED, 0).idNumber)).toBeUndefined();
    expect(await householdOf(memberRow(RACED, 2).idNumber)).toBeUndefined();
    const left = await t.db.selectFrom('import_rows').select(['sheet', 'outcome', 'reason']).where('job_id', '=', job.id).where('outcome', '=', 'rejected').orderBy('sheet').execute();
    expect(left.map((r) => [r.sheet, r.reason])).toEqual([...MONTHS.map(() => ['finances', 'finance_household_rejected']), ['members', 'save_failed'], ['members', 'save_failed'], ['members', 'save_failed']]);

    // Each other household whole: its members, its months' lines, and the event its file and the audit read.
    for (let h = 1; h <= HOUSEHOLDS; h++) {
      if (h === RACED) continue;
      const id = await householdOf(memberRow(h, 0).idNumber);
      expect(id).toBeDefined();
      const members = await t.db.selectFrom('household_members').select('id_number').where('household_id', '=', id!).execute();
      expect(members.map((m) => m.id_number).sort()).toEqual([0, 1, 2].map((m) => String(memberRow(h, m).idNumber)).sort());
      const income = await t.db.selectFrom('household_income_records').select(['period', 'kind']).where('household_id', '=', id!).orderBy('period').orderBy('kind').execute();
      expect(income.map((r) => `${r.period}:${r.kind}`)).toEqual(MONTHS.flatMap((p) => [`${p}:transfer`, `${p}:wages`]));
      const spending = await t.db.selectFrom('household_spending_records').select('period').where('household_id', '=', id!).execute();
      expect(spending.map((r) => r.period).sort()).toEqual(MONTHS);
      const events = await t.db.selectFrom('household_events').select(['kind', 'payload']).where('household_id', '=', id!).execute();
      expect(events).toEqual([{ kind: 'household.imported', payload: expect.objectContaining({ jobId: job.id, enteredOn: '2021-05-10', members: 3 }) }]);
    }

    // The staged rows saved are gone but the heads, kept for the workflow starts; once done only the rejected stay.
    const staged = await t.db.selectFrom('import_rows').select(['sheet', 'relation', 'outcome']).where('job_id', '=', job.id).where('outcome', '=', 'imported').execute();
    expect(staged).toHaveLength(HOUSEHOLDS - 1);
    expect(staged.every((r) => r.sheet === 'members' && r.relation === 'head')).toBe(true);
    expect(await steps.importedHouseholds({ jobId: job.id, after: null, limit: 100 })).toHaveLength(HOUSEHOLDS - 1);

    // A retry of any step saves nothing more.
    expect(await steps.commitImportBatch({ jobId: job.id, limit: 3 })).toEqual({ saved: 0, rejected: 0, more: false });
    expect(await steps.commitImportFinances({ jobId: job.id, limit: 20_000 })).toEqual({ saved: 0, more: false });
    await steps.finishImport({ jobId: job.id });
    const done = await importJobsRepo(t.db).findById(job.id);
    expect(done).toMatchObject({ status: 'done', rows_read: rows.length, imported: (HOUSEHOLDS - 1) * 5, rejected: 5, households_imported: HOUSEHOLDS - 1 });
    expect(await t.db.selectFrom('import_rows').select('outcome').where('job_id', '=', job.id).execute()).toEqual(left.map(() => ({ outcome: 'rejected' })));
  }, 60_000);
});
