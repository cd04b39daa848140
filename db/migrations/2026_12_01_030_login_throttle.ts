import { sql, type Kysely } from 'kysely';

/**
 * Login throttling (issue 18, defect 8): failed logins counted per account and
 * per source address in PostgreSQL, so that every API process of a county sees
 * the same counts and a restart forgets nothing.
 *
 * - login_throttles: one row per bucket (`account:<sha256 of the username>`,
 *   `address:<sha256 of the address>` — never the address itself), the failures
 *   in the current window and, once past the limit, the time the lock ends. A
 *   successful login deletes its account's row (the address's stays), so the app
 *   may DELETE here.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('login_throttles')
    .addColumn('bucket', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull().check(sql`failures > 0`))
    .addColumn('window_start', 'timestamptz', (c) => c.notNull())
    .addColumn('locked_until', 'timestamptz')
    .execute();
  // Default privileges gave SELECT, INSERT, UPDATE; a successful login clears its account's count.
  await sql`grant delete on login_throttles to shoudi_app`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('login_throttles').execute();
}
