import { sql, type Kysely } from 'kysely';
import type { Database } from '../database.js';
import type { SelfReportDiscovery } from '../self-report-tables.js';
import { inPlace, jurisdictionsRepo } from './jurisdictions.js';

export interface NewSelfReport {
  readonly receiptNo: string;
  readonly countyId: string;
  readonly townId: string;
  readonly villageId: string;
  readonly codeVillageId: string | null;
  readonly headName: string;
  readonly idNumber: string;
  readonly phone: string;
  readonly riskCauses: readonly string[];
  readonly statement: string;
  readonly householdId: string | null;
  readonly discovery: SelfReportDiscovery;
  readonly dueItemKey: string | null;
  readonly visitWorkingDays: number | null;
  readonly createdAt: Date;
}

export function selfReportCodesRepo(db: Kysely<Database>) {
  return {
    /** The village a public code names, with its town and county, or undefined. */
    findVillage(code: string) {
      return db
        .selectFrom('self_report_codes as c')
        .innerJoin('jurisdictions as v', 'v.id', 'c.village_id')
        .innerJoin('jurisdictions as t', 't.id', 'v.parent_id')
        .select(['c.code', 'v.id as village_id', 'v.name as village_name', 't.id as town_id', 't.name as town_name', 't.parent_id as county_id'])
        .where('c.code', '=', code)
        .where('v.level', '=', 'village')
        .executeTakeFirst();
    },

    /** Gives each village in `within` without a code the one `nextCode` draws (a clash draws again). */
    async ensureFor(within: string, nextCode: () => string): Promise<void> {
      const level = await jurisdictionsRepo(db).placeLevel(within);
      const missing = await villagesIn(db, within, level)
        .leftJoin('self_report_codes as c', 'c.village_id', 'v.id')
        .select('v.id')
        .where('c.code', 'is', null)
        .execute();
      for (const { id } of missing) {
        for (let attempt = 0; attempt < 5; attempt++) {
          const inserted = await db.insertInto('self_report_codes').values({ village_id: id, code: nextCode() }).onConflict((oc) => oc.doNothing()).executeTakeFirst();
          if ((inserted.numInsertedOrUpdatedRows ?? 0n) > 0n) break;
          const has = await db.selectFrom('self_report_codes').select('code').where('village_id', '=', id).executeTakeFirst();
          if (has) break;
        }
      }
    },

    /** The villages in `within` with their code, by town and village. */
    async listIn(within: string) {
      const level = await jurisdictionsRepo(db).placeLevel(within);
      return villagesIn(db, within, level)
        .innerJoin('self_report_codes as c', 'c.village_id', 'v.id')
        .select(['v.id as village_id', 'v.name as village_name', 't.id as town_id', 't.name as town_name', 'c.code'])
        .orderBy('t.id')
        .orderBy('v.id')
        .execute();
    },

    /** The county's towns and villages, for the household to choose its own. */
    countyVillages(countyId: string) {
      return db
        .selectFrom('jurisdictions as v')
        .innerJoin('jurisdictions as t', 't.id', 'v.parent_id')
        .select(['v.id as village_id', 'v.name as village_name', 't.id as town_id', 't.name as town_name'])
        .where('t.parent_id', '=', countyId)
        .where('v.level', '=', 'village')
        .orderBy('t.id')
        .orderBy('v.id')
        .execute();
    },
  };
}

function villagesIn(db: Kysely<Database>, within: string, level: string | undefined) {
  let query = db.selectFrom('jurisdictions as v').innerJoin('jurisdictions as t', 't.id', 'v.parent_id').where('v.level', '=', 'village');
  if (level === 'county') query = query.where('t.parent_id', '=', within);
  else if (level === 'town') query = query.where('t.id', '=', within);
  else query = query.where('v.id', '=', within);
  return query;
}

export function selfReportsRepo(db: Kysely<Database>) {
  return {
    insert(r: NewSelfReport) {
      return db
        .insertInto('self_reports')
        .values({
          receipt_no: r.receiptNo,
          county_id: r.countyId,
          town_id: r.townId,
          village_id: r.villageId,
          code_village_id: r.codeVillageId,
          head_name: r.headName,
          id_number: r.idNumber,
          phone: r.phone,
          risk_causes: [...r.riskCauses],
          statement: r.statement,
          household_id: r.householdId,
          discovery: r.discovery,
          due_item_key: r.dueItemKey,
          visit_working_days: r.visitWorkingDays,
          created_at: r.createdAt,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
    },

    /** The open report of the same person from the same phone, if any: a repeated report answers its receipt. */
    findOpenRepeat(idNumber: string, phone: string) {
      return db.selectFrom('self_reports').selectAll().where('id_number', '=', idNumber).where('phone', '=', phone).where('closed_at', 'is', null).orderBy('created_at', 'desc').limit(1).executeTakeFirst();
    },

    /** A report by its receipt number and the phone given with it; undefined when either does not match. */
    findByReceipt(receiptNo: string, phone: string) {
      return db
        .selectFrom('self_reports as r')
        .leftJoin('households as h', 'h.id', 'r.household_id')
        .selectAll('r')
        .select('h.stage as household_stage')
        .where('r.receipt_no', '=', receiptNo)
        .where('r.phone', '=', phone)
        .executeTakeFirst();
    },

    findById(id: string) {
      return db.selectFrom('self_reports').selectAll().where('id', '=', id).executeTakeFirst();
    },

    setDiscovery(id: string, discovery: SelfReportDiscovery) {
      return db.updateTable('self_reports').set({ discovery }).where('id', '=', id).execute();
    },

    /** Reports not yet handed to their household's workflow, oldest first. */
    pending(limit: number) {
      return db.selectFrom('self_reports').selectAll().where('discovery', '=', 'pending').orderBy('created_at').limit(limit).execute();
    },

    /** Records the home visit once; false when it was already recorded. */
    async markVisited(id: string, by: string, at: Date, note: string): Promise<boolean> {
      const r = await db.updateTable('self_reports').set({ visited_at: at, visited_by: by, visit_note: note }).where('id', '=', id).where('visited_at', 'is', null).executeTakeFirst();
      return (r.numUpdatedRows ?? 0n) > 0n;
    },

    async close(id: string, by: string, at: Date): Promise<boolean> {
      const r = await db.updateTable('self_reports').set({ closed_at: at, closed_by: by }).where('id', '=', id).where('closed_at', 'is', null).executeTakeFirst();
      return (r.numUpdatedRows ?? 0n) > 0n;
    },

    /** The open reports in a jurisdiction (a village's or a town's, the county's), newest first, with their deadline. */
    async listOpen(within: string, page: { limit: number; offset: number }) {
      const level = await jurisdictionsRepo(db).placeLevel(within);
      const query = db
        .selectFrom('self_reports as r')
        .where('r.closed_at', 'is', null)
        .where(inPlace(within, level, { county: 'r.county_id', town: 'r.town_id', village: 'r.village_id', group: { column: 'r.village_id' } }));
      const [items, count] = await Promise.all([
        query
          .innerJoin('jurisdictions as v', 'v.id', 'r.village_id')
          .innerJoin('jurisdictions as t', 't.id', 'r.town_id')
          .leftJoin('due_items as d', 'd.item_key', 'r.due_item_key')
          .leftJoin('households as h', 'h.id', 'r.household_id')
          .selectAll('r')
          .select(['v.name as village_name', 't.name as town_name', 'd.due_at', 'h.stage as household_stage'])
          .orderBy('r.created_at', 'desc')
          .limit(page.limit)
          .offset(page.offset)
          .execute(),
        query.select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow(),
      ]);
      return { items, total: Number(count.n) };
    },
  };
}

export function dataConsentsRepo(db: Kysely<Database>) {
  return {
    add(c: { subjectIdNumber: string; signerName: string; signedAt: Date; covers: readonly string[]; source: 'self_report' | 'paper'; document: string; selfReportId: string | null; householdId: string | null }) {
      return db
        .insertInto('data_consents')
        .values({
          subject_id_number: c.subjectIdNumber,
          signer_name: c.signerName,
          signed_at: c.signedAt,
          covers: [...c.covers],
          source: c.source,
          document: c.document,
          self_report_id: c.selfReportId,
          household_id: c.householdId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    },

    /** A person's consents in force (not withdrawn), newest first: what the data comparison may rely on. */
    inForce(subjectIdNumber: string) {
      return db.selectFrom('data_consents').selectAll().where('subject_id_number', '=', subjectIdNumber).where('withdrawn_at', 'is', null).orderBy('signed_at', 'desc').execute();
    },
  };
}
