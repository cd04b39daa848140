import { sql, type Kysely } from 'kysely';
import type { Period } from '../../domain/calendar/dates.js';
import type { IncomeRecord, SpendingRecord } from '../../domain/income/projection.js';
import { fenToYuan, yuanToFen } from '../../domain/income/money.js';
import type { Database } from '../database.js';

export interface FinanceSubmission {
  readonly householdId: string;
  /** Deterministic key of the submission; each line's key is derived from it. */
  readonly key: string;
  readonly source: string;
  readonly recordedBy: string | null;
  readonly recordedAt: Date;
  readonly income: readonly IncomeRecord[];
  readonly spending: readonly SpendingRecord[];
}

/**
 * The lines in force: for each month and kind, those of the latest submission
 * that reported it (several lines of one submission add up).
 */
function inForce(db: Kysely<Database>, table: 'household_income_records' | 'household_spending_records', householdId: string, from: Period) {
  return sql<{ period: string; kind: string; amount_fen: string; rigid?: boolean }>`
    select t.period, t.kind, t.amount_fen${table === 'household_spending_records' ? sql`, t.rigid` : sql``}
    from ${sql.table(table)} t
    join (
      select distinct on (period, kind) period, kind, submission_key
      from ${sql.table(table)}
      where household_id = ${householdId} and period >= ${from}
      order by period, kind, id desc
    ) latest using (period, kind, submission_key)
    where t.household_id = ${householdId}
    order by t.period, t.kind, t.id`.execute(db);
}

export function householdFinancesRepo(db: Kysely<Database>) {
  return {
    /** Writes a submission's lines once; a retry with the same key writes nothing. */
    async append(s: FinanceSubmission): Promise<void> {
      const common = { household_id: s.householdId, source: s.source, submission_key: s.key, recorded_by: s.recordedBy, recorded_at: s.recordedAt };
      if (s.income.length > 0) {
        await db
          .insertInto('household_income_records')
          .values(s.income.map((r, i) => ({ ...common, period: r.period, kind: r.kind, amount_fen: yuanToFen(r.yuan), entry_key: `${s.key}:income:${i}` })))
          .onConflict((oc) => oc.column('entry_key').doNothing())
          .execute();
      }
      if (s.spending.length > 0) {
        await db
          .insertInto('household_spending_records')
          .values(
            s.spending.map((r, i) => ({ ...common, period: r.period, kind: r.kind, amount_fen: yuanToFen(r.yuan), rigid: r.rigid, entry_key: `${s.key}:spending:${i}` })),
          )
          .onConflict((oc) => oc.column('entry_key').doNothing())
          .execute();
      }
    },

    /** The records in force from month `from` on, as the domain reads them. */
    async current(householdId: string, from: Period): Promise<{ income: IncomeRecord[]; spending: SpendingRecord[] }> {
      const [income, spending] = await Promise.all([
        inForce(db, 'household_income_records', householdId, from),
        inForce(db, 'household_spending_records', householdId, from),
      ]);
      return {
        income: income.rows.map((r) => ({ period: r.period as Period, kind: r.kind as IncomeRecord['kind'], yuan: fenToYuan(Number(r.amount_fen)) })),
        spending: spending.rows.map((r) => ({
          period: r.period as Period,
          kind: r.kind as SpendingRecord['kind'],
          yuan: fenToYuan(Number(r.amount_fen)),
          rigid: r.rigid === true,
        })),
      };
    },
  };
}
