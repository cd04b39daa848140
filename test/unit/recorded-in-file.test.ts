import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';
import { describe, expect, it } from 'vitest';
import { changeRecordedInFile } from '../../db/migrations/shared/recorded-in-file.js';
import { HOUSEHOLD_CHANGE_RECORDED } from '../../db/migrations/2026_12_01_017_household_changes_recorded.js';
import { MEMBER_CHANGE_RECORDED } from '../../db/migrations/2026_12_01_021_member_changes_facts.js';

/**
 * The shared "a change commits only with a file entry" trigger generates exactly
 * the SQL migrations 017 and 021 ran before it existed (copied here verbatim from
 * them): a database migrated before and one migrated after hold the same
 * functions and triggers.
 */
const db = new Kysely<unknown>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (k) => new PostgresIntrospector(k),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

const RAN_017 = [`
    create function households_change_recorded() returns trigger language plpgsql as $$
    begin
      if not exists (
        select 1 from household_events e
        where e.household_id = new.id and e.xmin = pg_current_xact_id()::xid
      ) then
        raise exception 'household % changed (stage, category or responsible person) without an entry in its file in the same transaction', new.id;
      end if;
      return null;
    end $$`, `
    create constraint trigger households_change_recorded
    after update of stage, category, responsible_user_id on households
    deferrable initially deferred
    for each row execute function households_change_recorded()`];
const RAN_021 = [`
    create function household_members_change_recorded() returns trigger language plpgsql as $$
    begin
      if not exists (
        select 1 from household_events e
        where e.household_id = new.household_id and e.xmin = pg_current_xact_id()::xid
      ) then
        raise exception 'household member % changed without an entry in the household file in the same transaction', new.id;
      end if;
      return null;
    end $$`, `
    create constraint trigger household_members_change_recorded
    after update on household_members
    deferrable initially deferred
    for each row execute function household_members_change_recorded()`];

const compiled = (spec: Parameters<typeof changeRecordedInFile>[0]) => {
  const { fn, trigger } = changeRecordedInFile(spec);
  return [fn.compile(db), trigger.compile(db)].map((q) => ({ sql: q.sql, parameters: q.parameters }));
};

describe('the commit-time “recorded in the file” trigger', () => {
  it('generates what 2026_12_01_017 ran for households (an update of stage, category or responsible person)', () => {
    expect(compiled(HOUSEHOLD_CHANGE_RECORDED)).toEqual(RAN_017.map((sql) => ({ sql, parameters: [] })));
  });

  it('generates what 2026_12_01_021 ran for household members (any update)', () => {
    expect(compiled(MEMBER_CHANGE_RECORDED)).toEqual(RAN_021.map((sql) => ({ sql, parameters: [] })));
  });

  it('doubles a quote in the refusal, so a text cannot end the string', () => {
    const [fn] = compiled({ name: 'x_recorded', table: 'x', household: 'household_id', refusal: "it's % here" });
    expect(fn!.sql).toContain("raise exception 'it''s % here', new.id;");
  });
});
