import { sql, type Kysely } from 'kysely';
import { changeRecordedInFile } from './shared/recorded-in-file.js';

/**
 * A household's row changes only with an entry in its file: an update of its
 * stage, category or 帮扶责任人 is refused at commit unless the same transaction
 * wrote a household_events row for that household (the workflow's
 * recordHouseholdEvent, the pairing with a 帮扶责任人 — both already do). Its
 * identity columns the app cannot update at all (2026_12_01_016). The check is
 * deferred to the commit, so the event may come before or after the update.
 */
/** Its trigger, by the shared helper (which generates exactly the SQL this migration first ran). */
export const HOUSEHOLD_CHANGE_RECORDED = {
  name: 'households_change_recorded',
  table: 'households',
  columns: ['stage', 'category', 'responsible_user_id'],
  household: 'id',
  refusal: 'household % changed (stage, category or responsible person) without an entry in its file in the same transaction',
} as const;

export async function up(db: Kysely<any>): Promise<void> {
  const { fn, trigger } = changeRecordedInFile(HOUSEHOLD_CHANGE_RECORDED);
  await fn.execute(db);
  await trigger.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger households_change_recorded on households`.execute(db);
  await sql`drop function households_change_recorded()`.execute(db);
}
