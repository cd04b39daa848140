import { sql, type Kysely } from 'kysely';
import { referencesExistFunction, referencesExistTrigger, stillReferenced, stillReferencedTrigger, type StatementReference } from './shared/statement-references.js';

/**
 * The comparison's kept rows (unknown persons, rejected rows, households
 * without consent) checked once per statement (issue 15, "Measured"): at
 * 1,000,000 feed rows ~843,000 of them are kept, and their three row-level
 * foreign keys ran one lookup per row and key — the batch's deferred, queued
 * to fire at commit. The batch is now written before its rows
 * (db/repositories/comparison-run.ts), so nothing needs deferring, and the
 * checks are migration 050's, from the same generator
 * (db/migrations/shared/statement-references.ts): after each INSERT or UPDATE
 * of comparison_rows one trigger per statement checks, one join per
 * reference, that the batch, households and members its rows name exist,
 * locking them FOR KEY SHARE; a missing one is the foreign key's own error
 * (SQLSTATE 23503, same constraint names). The referenced side, as NO ACTION:
 * a batch, household or member a kept row names cannot be deleted, nor its
 * key changed.
 *
 * The app may UPDATE comparison_rows (nothing does: it is written once), so
 * an update is checked as an insert is; a transition table takes one event
 * per trigger, hence two triggers on one function.
 */
const ROWS: readonly StatementReference[] = [
  { constraint: 'comparison_rows_batch_fkey', columns: ['batch_id'], references: 'comparison_batches', key: ['id'], alias: 'b' },
  { constraint: 'comparison_rows_household_id_fkey', columns: ['household_id'], references: 'households', key: ['id'], alias: 'h', where: 'household_id is not null' },
  { constraint: 'comparison_rows_member_id_fkey', columns: ['member_id'], references: 'household_members', key: ['id'], alias: 'm', where: 'member_id is not null' },
];

const REFERENCED = [
  ['comparison_batches_still_referenced', 'comparison_batches', 'comparison_rows_batch_fkey', 'batch_id'],
  ['households_still_referenced_by_comparison', 'households', 'comparison_rows_household_id_fkey', 'household_id'],
  ['household_members_still_referenced_by_comparison', 'household_members', 'comparison_rows_member_id_fkey', 'member_id'],
] as const;

const CHECKS = sql.raw(`
${referencesExistFunction('comparison_rows_references_exist', 'comparison_rows', ROWS)}

${referencesExistTrigger('comparison_rows_references_exist', 'comparison_rows', 'insert')}
${referencesExistTrigger('comparison_rows_references_exist_on_update', 'comparison_rows', 'update', 'comparison_rows_references_exist')}
${REFERENCED.map(
  ([name, table, constraint, column]) => `
${stillReferenced(name, table, ['id'], [{ table: 'comparison_rows', alias: 'r', constraint, on: [[column, 'id']] }])}
${stillReferencedTrigger(name, table, ['id'])}
`,
).join('')}`);

const FOREIGN_KEYS = [
  ['comparison_rows_batch_fkey', 'foreign key (batch_id) references comparison_batches (id) deferrable initially deferred'],
  ['comparison_rows_household_id_fkey', 'foreign key (household_id) references households (id)'],
  ['comparison_rows_member_id_fkey', 'foreign key (member_id) references household_members (id)'],
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  await CHECKS.execute(db);
  for (const [name] of FOREIGN_KEYS) await sql`alter table comparison_rows drop constraint ${sql.ref(name)}`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const [name, definition] of FOREIGN_KEYS) await sql`alter table comparison_rows add constraint ${sql.ref(name)} ${sql.raw(definition)}`.execute(db);
  await sql`drop trigger comparison_rows_references_exist_on_update on comparison_rows`.execute(db);
  await sql`drop trigger comparison_rows_references_exist on comparison_rows`.execute(db);
  await sql`drop function comparison_rows_references_exist()`.execute(db);
  for (const [name, table] of REFERENCED) {
    await sql`drop trigger ${sql.ref(name)} on ${sql.table(table)}`.execute(db);
    await sql`drop function ${sql.ref(name)}()`.execute(db);
  }
}
