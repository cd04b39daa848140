import { sql, type Kysely } from 'kysely';
import type { Database } from '../database.js';

export interface MonthCounts {
  readonly rowsReceived: number;
  readonly matched: number;
  readonly unknown: number;
  readonly rejected: number;
  readonly noConsent: number;
  readonly warnings: number;
  readonly householdsAffected: number;
}

export interface MonthReportRecord {
  readonly feeds: readonly (MonthCounts & { readonly feed: string; readonly batches: number })[];
  readonly totals: MonthCounts;
}

/** A county's monthly comparison 月度比对 as its workflow keeps it: opened, its discoveries handed over, closed with its report. */
export function comparisonMonthRepo(db: Kysely<Database>) {
  return {
    /** Opens the month once; answers when it was closed, if it was. */
    async open(countyId: string, month: string, at: Date): Promise<{ closedAt: Date | null }> {
      await db.insertInto('comparison_months').values({ county_id: countyId, month, opened_at: at }).onConflict((oc) => oc.columns(['county_id', 'month']).doNothing()).execute();
      const row = await db.selectFrom('comparison_months').select('closed_at').where('county_id', '=', countyId).where('month', '=', month).executeTakeFirstOrThrow();
      return { closedAt: row.closed_at };
    },

    find(countyId: string, month: string) {
      return db.selectFrom('comparison_months').selectAll().where('county_id', '=', countyId).where('month', '=', month).executeTakeFirst();
    },

    /** Closes the month with its report: the counts of every batch received, per feed and in total (once; a second close answers the first). */
    async close(countyId: string, month: string, closedBy: string | null, at: Date): Promise<{ closedAt: Date }> {
      return db.transaction().execute(async (trx) => {
        const current = await trx.selectFrom('comparison_months').select('closed_at').where('county_id', '=', countyId).where('month', '=', month).forUpdate().executeTakeFirstOrThrow();
        if (current.closed_at) return { closedAt: current.closed_at };
        const feeds = await trx
          .selectFrom('comparison_batches')
          .select((eb) => [
            'feed',
            eb.fn.countAll<string>().as('batches'),
            eb.fn.sum<string>('rows_received').as('rowsReceived'),
            eb.fn.sum<string>('matched').as('matched'),
            eb.fn.sum<string>('unknown').as('unknown'),
            eb.fn.sum<string>('rejected').as('rejected'),
            eb.fn.sum<string>('no_consent').as('noConsent'),
            eb.fn.sum<string>('warnings').as('warnings'),
            eb.fn.sum<string>('households_affected').as('householdsAffected'),
          ])
          .where('county_id', '=', countyId)
          .where('month', '=', month)
          .groupBy('feed')
          .orderBy('feed')
          .execute();
        const asCounts = (f: Record<string, string>) => ({
          rowsReceived: Number(f.rowsReceived), matched: Number(f.matched), unknown: Number(f.unknown), rejected: Number(f.rejected),
          noConsent: Number(f.noConsent), warnings: Number(f.warnings), householdsAffected: Number(f.householdsAffected),
        });
        const perFeed = feeds.map((f) => ({ feed: f.feed, batches: Number(f.batches), ...asCounts(f as unknown as Record<string, string>) }));
        const sum = (key: keyof MonthCounts) => perFeed.reduce((total, f) => total + f[key], 0);
        const report: MonthReportRecord = {
          feeds: perFeed,
          totals: { rowsReceived: sum('rowsReceived'), matched: sum('matched'), unknown: sum('unknown'), rejected: sum('rejected'), noConsent: sum('noConsent'), warnings: sum('warnings'), householdsAffected: sum('householdsAffected') },
        };
        await trx.updateTable('comparison_months').set({ closed_at: at, closed_by: closedBy, report: JSON.stringify(report) }).where('county_id', '=', countyId).where('month', '=', month).execute();
        return { closedAt: at };
      });
    },

    /** A batch's discoveries not yet handed over, after a warning id, with the uploader in whose name they go. */
    pendingDiscoveriesOfBatch(batchId: string, after: string | null, limit: number) {
      let q = db
        .selectFrom('comparison_warnings as w')
        .innerJoin('comparison_batches as b', 'b.id', 'w.batch_id')
        .innerJoin('users as u', 'u.id', 'b.uploaded_by')
        .select(['w.id', 'w.household_id', 'w.county_id', 'w.month', 'w.rule_name', 'w.row_no', 'b.uploaded_by', 'u.role', 'u.jurisdiction_id', 'u.department_id'])
        .where('w.batch_id', '=', batchId)
        .where('w.discovery', '=', 'pending')
        .$narrowType<{ row_no: number }>();
      if (after !== null) q = q.where(sql<boolean>`w.id > ${after}::bigint`);
      return q.orderBy('w.id').limit(limit).execute();
    },
  };
}
