import type { Kysely } from 'kysely';
import type { FactRow, FactSource } from '../../domain/measures/facts.js';
import type { Database } from '../database.js';

export interface NewFacts {
  readonly householdId: string;
  /** The writing step's key: each row's entry key is derived from it, so a retry writes nothing twice. */
  readonly key: string;
  readonly source: FactSource;
  readonly sourceKey: string;
  readonly asOf: string;
  readonly recordedBy: string | null;
  readonly recordedAt: Date;
  readonly rows: readonly FactRow[];
}

export function householdFactsRepo(db: Kysely<Database>) {
  return {
    /** Appends the rows once; answers how many it wrote. */
    async append(facts: NewFacts): Promise<number> {
      if (facts.rows.length === 0) return 0;
      const result = await db
        .insertInto('household_facts')
        .values(
          facts.rows.map((row, i) => ({
            household_id: facts.householdId,
            member_id: row.memberId,
            kind: row.kind,
            year: row.year,
            value: JSON.stringify(row.value),
            as_of: facts.asOf,
            source: facts.source,
            source_key: facts.sourceKey,
            entry_key: `${facts.key}:fact:${i + 1}`,
            recorded_by: facts.recordedBy,
            recorded_at: facts.recordedAt,
          })),
        )
        .onConflict((oc) => oc.column('entry_key').doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0n);
    },

    /** Every fact of the household, oldest first (by the day it held, then as recorded): the last of each kind is in force. */
    async list(householdId: string): Promise<FactRow[]> {
      const rows = await db
        .selectFrom('household_facts')
        .select(['kind', 'member_id', 'year', 'value'])
        .where('household_id', '=', householdId)
        .orderBy('as_of')
        .orderBy('id')
        .execute();
      return rows.map((r) => ({ kind: r.kind, memberId: r.member_id, year: r.year, value: r.value as Record<string, unknown> }));
    },
  };
}
