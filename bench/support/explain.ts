import { Kysely, PostgresDialect, type CompiledQuery } from 'kysely';
import pg from 'pg';
import type { Database } from '../../db/database.js';
import type { ExplainOutput } from './measure.js';

/**
 * Runs a list query once through a Kysely that records its statements and
 * answers EXPLAIN (ANALYZE, BUFFERS) of its page (the statement with a limit)
 * and of its count.
 */
export async function explainPageAndCount(url: string, run: (db: Kysely<Database>) => Promise<unknown>): Promise<{ page: ExplainOutput; count: ExplainOutput }> {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const captured: CompiledQuery[] = [];
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log: (event) => void (event.level === 'query' && captured.push(event.query)) });
  try {
    await run(db);
    const explain = async (query: CompiledQuery | undefined, what: string): Promise<ExplainOutput> => {
      if (!query) throw new Error(`the query issued no ${what} statement`);
      const result = await pool.query(`explain (analyze, buffers, format json) ${query.sql}`, [...query.parameters]);
      return (result.rows[0] as { 'QUERY PLAN': ExplainOutput[] })['QUERY PLAN'][0] as ExplainOutput;
    };
    const page = captured.find((q) => q.sql.includes(' limit '));
    const count = captured.find((q) => q.sql.includes('count(*)'));
    return { page: await explain(page, 'page'), count: await explain(count, 'count') };
  } finally {
    await db.destroy();
  }
}
