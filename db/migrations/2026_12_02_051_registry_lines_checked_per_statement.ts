import { sql, type Kysely } from 'kysely';
import { referencesExistFunction, referencesExistTrigger, stillReferenced, stillReferencedTrigger } from './shared/statement-references.js';

/**
 * The income and spending lines' references checked once per statement, not
 * once per line. A caseload import writes some 1.8 million lines for 50,000
 * households in a few INSERT…SELECTs; the foreign keys on household_id and
 * recorded_by looked up and locked the referenced row once for every line
 * (≈ 2.7 s each at 2,000 households — the same user on every line). In
 * their place, after each INSERT: the distinct households and users the new
 * lines name are locked FOR KEY SHARE, as a foreign key locks them, and a
 * line naming one that does not exist refuses the whole statement with
 * foreign_key_violation (23503), as the foreign key did. The other side of a
 * foreign key — a household or user deleted or its id changed while a line
 * names it — is refused by a row trigger on households and users (the app may
 * do neither: it has no DELETE and no UPDATE of households.id; the triggers
 * hold against the owner too). The check runs after the row is locked and
 * reads with a fresh snapshot, so under read committed (the app's level) a
 * line committed meanwhile is seen.
 *
 * The caseload import also keeps where its saving reached — of households
 * (import_jobs.saved_through, by id) and of registered households' months
 * (months_saved_through_sheet/_row, by place in the file): each transaction
 * reads the next ones from there, not from the job's first row through the
 * rows already saved.
 */
const LINES = ['household_income_records', 'household_spending_records'] as const;

/** Each line table's two references, checked once per INSERT (db/migrations/shared/statement-references.ts, as 050 and 057). */
const lineChecks = (table: string) =>
  referencesExistFunction(`${table}_references_exist`, table, [
    { constraint: `${table}_household_id_fkey`, columns: ['household_id'], references: 'households', key: ['id'], alias: 'h' },
    { constraint: `${table}_recorded_by_fkey`, columns: ['recorded_by'], references: 'users', key: ['id'], alias: 'u', where: 'recorded_by is not null' },
  ]) +
  '\n' +
  referencesExistTrigger(`${table}_references_exist`, table, 'insert');

/** The referenced side: a household or user still named by a line is neither deleted nor re-keyed. */
const REFERENCED = [
  ['households_still_referenced_by_lines', 'households', 'household_id'],
  ['users_still_referenced_by_lines', 'users', 'recorded_by'],
] as const;
const referencedChecks = ([name, table, column]: (typeof REFERENCED)[number]) =>
  stillReferenced(
    name,
    table,
    ['id'],
    LINES.map((line) => ({ table: line, alias: 'l', constraint: `${line}_${column}_fkey`, on: [[column, 'id']] as const })),
  ) +
  '\n' +
  stillReferencedTrigger(name, table, ['id']);

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table import_jobs add column saved_through uuid, add column months_saved_through_sheet integer, add column months_saved_through_row integer`.execute(db);
  await sql.raw([...LINES.map(lineChecks), ...REFERENCED.map(referencedChecks)].join('\n')).execute(db);
  for (const table of LINES) {
    await sql`alter table ${sql.table(table)} drop constraint ${sql.id(`${table}_household_id_fkey`)}`.execute(db);
    await sql`alter table ${sql.table(table)} drop constraint ${sql.id(`${table}_recorded_by_fkey`)}`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const [name, table] of REFERENCED) {
    await sql`drop trigger ${sql.id(name)} on ${sql.table(table)}`.execute(db);
    await sql`drop function ${sql.id(name)}()`.execute(db);
  }
  for (const table of LINES) {
    await sql`drop trigger ${sql.id(`${table}_references_exist`)} on ${sql.table(table)}`.execute(db);
    await sql`drop function ${sql.id(`${table}_references_exist`)}()`.execute(db);
    await sql`alter table ${sql.table(table)} add constraint ${sql.id(`${table}_household_id_fkey`)} foreign key (household_id) references households (id)`.execute(db);
    await sql`alter table ${sql.table(table)} add constraint ${sql.id(`${table}_recorded_by_fkey`)} foreign key (recorded_by) references users (id)`.execute(db);
  }
  await sql`alter table import_jobs drop column saved_through, drop column months_saved_through_sheet, drop column months_saved_through_row`.execute(db);
}
