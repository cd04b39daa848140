import { sql, type Kysely } from 'kysely';
import { referencesExistFunction, referencesExistTrigger, stillReferenced, stillReferencedTrigger, type StatementReference } from './shared/statement-references.js';

/**
 * The household file's references checked once per statement (issue 15,
 * "Measured"). A department feed writes ~150,000 facts and ~50,000 file
 * entries in two INSERT…SELECTs; their row-level foreign keys ran one lookup
 * per row and reference (2.9 s of the 4.8 s facts statement at 200,000 feed
 * rows, EXPLAIN ANALYZE). The same guarantees, set-based:
 *
 * - after each INSERT into household_facts / household_events, one trigger
 *   per statement reads the statement's new rows (a transition table) and
 *   checks, with one join each, that every member (with its household),
 *   household and user they name exists, locking those rows FOR KEY SHARE as
 *   a foreign key does (a concurrent delete waits, or the row is missing and
 *   the insert is refused). A fact of a member needs no household check: the
 *   member's own foreign key keeps its household. The error is the foreign
 *   key's own (SQLSTATE 23503, same constraint names and words).
 * - the referenced side, as NO ACTION: a household, member or user that a
 *   fact or file entry names cannot be deleted, nor its key changed (nothing
 *   at run time deletes — the app has no DELETE, 2026_12_01_016 — so these
 *   fire only for the owner).
 *
 * Both tables refuse any UPDATE already (refuse_change, append-only), so an
 * INSERT is the only way in. The functions run as their owner (as the
 * foreign keys' checks do), with a fixed search_path.
 */
const FACTS: readonly StatementReference[] = [
  {
    comment: 'Members (and through them their households), locked as a foreign key would.',
    constraint: 'household_facts_member_of_household',
    columns: ['member_id', 'household_id'],
    references: 'household_members',
    key: ['id', 'household_id'],
    alias: 'm',
    where: 'member_id is not null',
  },
  {
    comment: 'A fact of the household as a whole (housing, water): its household.',
    constraint: 'household_facts_household_id_fkey',
    columns: ['household_id'],
    references: 'households',
    key: ['id'],
    alias: 'h',
    where: 'member_id is null',
  },
  { constraint: 'household_facts_recorded_by_fkey', columns: ['recorded_by'], references: 'users', key: ['id'], alias: 'u', where: 'recorded_by is not null' },
];
const EVENTS: readonly StatementReference[] = [
  { constraint: 'household_events_household_id_fkey', columns: ['household_id'], references: 'households', key: ['id'], alias: 'h' },
  { constraint: 'household_events_actor_user_id_fkey', columns: ['actor_user_id'], references: 'users', key: ['id'], alias: 'u', where: 'actor_user_id is not null' },
];
const INSERT_CHECKS = sql.raw(`
${referencesExistFunction('household_facts_references_exist', 'household_facts', FACTS)}

${referencesExistFunction('household_events_references_exist', 'household_events', EVENTS)}

${referencesExistTrigger('household_facts_references_exist', 'household_facts', 'insert')}
${referencesExistTrigger('household_events_references_exist', 'household_events', 'insert')}
`);

/** The referenced side: NO ACTION, as the foreign keys were (a volatile function's query sees what committed meanwhile). */
const STILL_REFERENCED = sql.raw(`
${stillReferenced('households_still_referenced', 'households', ['id'], [
  { table: 'household_facts', alias: 'f', constraint: 'household_facts_household_id_fkey', on: [['household_id', 'id']] },
  { table: 'household_events', alias: 'e', constraint: 'household_events_household_id_fkey', on: [['household_id', 'id']] },
])}

${stillReferenced('household_members_still_referenced', 'household_members', ['id', 'household_id'], [
  { table: 'household_facts', alias: 'f', constraint: 'household_facts_member_of_household', on: [['household_id', 'household_id'], ['member_id', 'id']] },
])}

${stillReferenced('users_still_referenced_by_file', 'users', ['id'], [
  { table: 'household_facts', alias: 'f', constraint: 'household_facts_recorded_by_fkey', on: [['recorded_by', 'id']] },
  { table: 'household_events', alias: 'e', constraint: 'household_events_actor_user_id_fkey', on: [['actor_user_id', 'id']] },
])}

${stillReferencedTrigger('households_still_referenced', 'households', ['id'])}
${stillReferencedTrigger('household_members_still_referenced', 'household_members', ['id', 'household_id'])}
${stillReferencedTrigger('users_still_referenced_by_file', 'users', ['id'])}
`);

const FOREIGN_KEYS = [
  ['household_facts', 'household_facts_household_id_fkey', 'foreign key (household_id) references households (id)'],
  ['household_facts', 'household_facts_member_of_household', 'foreign key (member_id, household_id) references household_members (id, household_id)'],
  ['household_facts', 'household_facts_recorded_by_fkey', 'foreign key (recorded_by) references users (id)'],
  ['household_events', 'household_events_household_id_fkey', 'foreign key (household_id) references households (id)'],
  ['household_events', 'household_events_actor_user_id_fkey', 'foreign key (actor_user_id) references users (id)'],
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  await INSERT_CHECKS.execute(db);
  await STILL_REFERENCED.execute(db);
  for (const [table, name] of FOREIGN_KEYS) await sql`alter table ${sql.table(table)} drop constraint ${sql.ref(name)}`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const [table, name, definition] of FOREIGN_KEYS) await sql`alter table ${sql.table(table)} add constraint ${sql.ref(name)} ${sql.raw(definition)}`.execute(db);
  for (const [table, trigger] of [
    ['household_facts', 'household_facts_references_exist'],
    ['household_events', 'household_events_references_exist'],
    ['households', 'households_still_referenced'],
    ['household_members', 'household_members_still_referenced'],
    ['users', 'users_still_referenced_by_file'],
  ] as const) {
    await sql`drop trigger ${sql.ref(trigger)} on ${sql.table(table)}`.execute(db);
    await sql`drop function ${sql.ref(trigger)}()`.execute(db);
  }
}
