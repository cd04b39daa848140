import { sql, type RawBuilder } from 'kysely';

/**
 * “A change commits only with an entry in the household file”: a deferred
 * constraint trigger that, at commit, refuses an update of `table` unless the
 * same transaction wrote a household_events row for the household the row
 * belongs to (`household` names its id in the new row). The event may come
 * before or after the update. Used by 2026_12_01_017 (households) and
 * 2026_12_01_021 (household members) and for any later table of the file; it
 * generates, character for character, the SQL those migrations first ran
 * (test/unit/recorded-in-file.test.ts).
 */
export function changeRecordedInFile(spec: {
  /** Name of both the function and the trigger. */
  readonly name: string;
  readonly table: string;
  /** Only an update of these columns is checked; absent: any update. */
  readonly columns?: readonly string[];
  /** The column of the new row that holds the household's id. */
  readonly household: string;
  /** The exception's text; `%` is the row's id. */
  readonly refusal: string;
}): { readonly fn: RawBuilder<unknown>; readonly trigger: RawBuilder<unknown> } {
  const of = spec.columns ? ` of ${spec.columns.join(', ')}` : '';
  return {
    fn: sql.raw(`
    create function ${spec.name}() returns trigger language plpgsql as $$
    begin
      if not exists (
        select 1 from household_events e
        where e.household_id = new.${spec.household} and e.xmin = pg_current_xact_id()::xid
      ) then
        raise exception '${spec.refusal.replaceAll("'", "''")}', new.id;
      end if;
      return null;
    end $$`),
    trigger: sql.raw(`
    create constraint trigger ${spec.name}
    after update${of} on ${spec.table}
    deferrable initially deferred
    for each row execute function ${spec.name}()`),
  };
}
