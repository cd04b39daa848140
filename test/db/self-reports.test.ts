import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataConsentsRepo, selfReportCodesRepo, selfReportsRepo } from '../../db/repositories/self-reports.js';
import { publicLimitsRepo } from '../../db/repositories/public-limits.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.destroy());

const ID = '11010519491231002X';
const consent = { subjectIdNumber: ID, signerName: '王某', signedAt: new Date(), covers: ['income', 'assets'], source: 'paper' as const, document: '纸质承诺授权书 2026-001', selfReportId: null, householdId: null };

describe('data consents 承诺授权 (the app’s role)', () => {
  it('are added and read, never changed; a withdrawal is recorded once', async () => {
    const { id } = await dataConsentsRepo(t.db).add(consent);
    expect(await dataConsentsRepo(t.db).inForce(ID)).toHaveLength(1);
    await expect(sql`update data_consents set signer_name = '李某' where id = ${id}`.execute(t.db)).rejects.toThrow(/permission denied/);
    await expect(sql`update data_consents set covers = '{income}' where id = ${id}`.execute(t.owner)).rejects.toThrow(/never changed/);
    await expect(sql`delete from data_consents where id = ${id}`.execute(t.db)).rejects.toThrow(/permission denied/);
    await sql`update data_consents set withdrawn_at = now(), withdrawal_note = '本人撤回' where id = ${id}`.execute(t.db);
    expect(await dataConsentsRepo(t.db).inForce(ID)).toHaveLength(0);
    await expect(sql`update data_consents set withdrawn_at = now() where id = ${id}`.execute(t.db)).rejects.toThrow(/never changed/);
  });

  it('refuse what is not a consent: no ID number, nothing covered, a self-report source without its report', async () => {
    await expect(dataConsentsRepo(t.db).add({ ...consent, subjectIdNumber: '123' })).rejects.toThrow(/check constraint/);
    await expect(dataConsentsRepo(t.db).add({ ...consent, covers: [] })).rejects.toThrow(/check constraint/);
    await expect(dataConsentsRepo(t.db).add({ ...consent, source: 'self_report' })).rejects.toThrow(/check constraint/);
  });
});

describe('self-reports and their public codes', () => {
  it('give each village one code, and refuse a report the database cannot hold', async () => {
    let n = 0;
    await selfReportCodesRepo(t.db).ensureFor('990101', () => ['AAAAAA', 'AAAAAA', 'BBBBBB', 'CCCCCC', 'DDDDDD', 'EEEEEE', 'FFFFFF', 'GGGGGG'][n++]!);
    const codes = await selfReportCodesRepo(t.db).listIn('990101');
    expect(codes).toHaveLength(6);
    expect(new Set(codes.map((c) => c.code)).size).toBe(6);
    await selfReportCodesRepo(t.db).ensureFor('990101', () => 'ZZZZZZ');
    expect((await selfReportCodesRepo(t.db).listIn('990101')).map((c) => c.code)).not.toContain('ZZZZZZ');
    expect(await selfReportCodesRepo(t.db).findVillage(codes[0]!.code)).toMatchObject({ village_id: codes[0]!.village_id, county_id: '990101' });

    const report = {
      receiptNo: '20261201-K7M2QX',
      countyId: '990101',
      townId: codes[0]!.town_id,
      villageId: codes[0]!.village_id,
      codeVillageId: null,
      headName: '王某',
      idNumber: ID,
      phone: '13900000000',
      riskCauses: ['illness'],
      statement: '生病',
      householdId: null,
      discovery: 'candidate' as const,
      dueItemKey: null,
      visitWorkingDays: null,
      createdAt: new Date(),
    };
    await expect(selfReportsRepo(t.db).insert({ ...report, phone: '12345' })).rejects.toThrow(/check constraint/);
    await expect(selfReportsRepo(t.db).insert({ ...report, discovery: 'pending' })).rejects.toThrow(/check constraint/);
    await expect(selfReportsRepo(t.db).insert({ ...report, statement: 'x'.repeat(1001) })).rejects.toThrow(/check constraint/);
    const saved = await selfReportsRepo(t.db).insert(report);
    expect(await selfReportsRepo(t.db).findByReceipt(report.receiptNo, '13900000001')).toBeUndefined();
    expect(await selfReportsRepo(t.db).findByReceipt(report.receiptNo, report.phone)).toMatchObject({ id: saved.id });
  });

  it('count the public routes’ hits per bucket and window, and let a challenge be solved once', async () => {
    const limits = publicLimitsRepo(t.db);
    const window = new Date('2026-12-01T10:00:00Z');
    expect([await limits.hit('report:address:x', window), await limits.hit('report:address:x', window), await limits.hit('report:address:y', window)]).toEqual([1, 2, 1]);
    const id = await limits.newChallenge(7, new Date(Date.now() + 60_000));
    expect(await limits.solve(id, 8, new Date())).toBe(false);
    expect(await limits.solve(id, 7, new Date())).toBe(true);
    expect(await limits.solve(id, 7, new Date())).toBe(false);
    const expired = await limits.newChallenge(3, new Date(Date.now() - 1));
    expect(await limits.solve(expired, 3, new Date())).toBe(false);
  });
});
