import os from 'node:os';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/database.js';

/** The machine and the server a benchmark ran on, and the settings that shape its plans: two lines of its report. */
export async function describeMachine(db: Kysely<Database>, where: string): Promise<string[]> {
  const names = ['server_version', 'shared_buffers', 'work_mem', 'effective_cache_size', 'max_parallel_workers_per_gather', 'jit'];
  const { rows } = await sql<{ name: string; setting: string }>`select name, current_setting(name) as setting from unnest(${names}::text[]) name`.execute(db);
  const s = Object.fromEntries(rows.map((r) => [r.name, r.setting]));
  const cpu = os.cpus();
  return [
    `machine     ${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown'}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB memory, ${os.platform()} ${os.release()}, Node ${process.version}`,
    `postgresql  ${s.server_version} — ${where}`,
    `            shared_buffers=${s.shared_buffers} work_mem=${s.work_mem} effective_cache_size=${s.effective_cache_size} max_parallel_workers_per_gather=${s.max_parallel_workers_per_gather} jit=${s.jit}`,
  ];
}

/** A table and each of its indexes with their sizes, largest first. */
export async function sizesOf(db: Kysely<Database>, table: string): Promise<string> {
  const { rows } = await sql<{ name: string; size: string }>`
    select c.relname as name, pg_size_pretty(pg_relation_size(c.oid)) as size
    from pg_class c
    where c.oid = ${table}::regclass or c.oid in (select indexrelid from pg_index where indrelid = ${table}::regclass)
    order by pg_relation_size(c.oid) desc`.execute(db);
  return rows.map((r) => `${r.name} ${r.size}`).join(', ');
}
