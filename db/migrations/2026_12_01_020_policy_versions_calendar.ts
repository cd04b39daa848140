import { sql, type Kysely } from 'kysely';

/**
 * Policy versions published by the county bureau, and the working-day calendar
 * as data.
 *
 * - policy_profiles: a stored version never changes — a trigger refuses UPDATE
 *   and DELETE even by the owner (the app has INSERT and SELECT only, since
 *   2026_12_01_016). A version published through the console records who
 *   published it; one effective from the current month or earlier is a
 *   correction and must give its reason (checked again here, beside the API).
 * - calendar_years / calendar_days: each year's State Council notice 国务院办公厅
 *   部分节假日安排 and its days — rest days 放假 and weekend days worked 调休上班 —
 *   one row per day, so a day entered twice is refused by the key. A year without
 *   a row is provisional: weekends alone. Seeded here with 2020–2026 as the
 *   notices give them (the same data as domain/calendar/official-cn.ts, copied so
 *   that this migration never changes); the app adds years and days, never
 *   changes them.
 */
const NOTICES: ReadonlyArray<readonly [year: number, notice: string, holidays: ReadonlyArray<readonly [name: string, from: string, to: string, workdays: readonly string[]]>]> = [
  [2020, "国务院办公厅关于2020年部分节假日安排的通知（国办发明电〔2019〕16号，2019年11月21日）；国务院办公厅关于延长2020年春节假期的通知（2020年1月27日）", [
    ["元旦", "2020-01-01", "2020-01-01", []],
    ["春节", "2020-01-24", "2020-02-02", ["2020-01-19"]],
    ["清明节", "2020-04-04", "2020-04-06", []],
    ["劳动节", "2020-05-01", "2020-05-05", ["2020-04-26","2020-05-09"]],
    ["端午节", "2020-06-25", "2020-06-27", ["2020-06-28"]],
    ["国庆节、中秋节", "2020-10-01", "2020-10-08", ["2020-09-27","2020-10-10"]],
  ]],
  [2021, "国务院办公厅关于2021年部分节假日安排的通知（国办发明电〔2020〕27号，2020年11月25日）", [
    ["元旦", "2021-01-01", "2021-01-03", []],
    ["春节", "2021-02-11", "2021-02-17", ["2021-02-07","2021-02-20"]],
    ["清明节", "2021-04-03", "2021-04-05", []],
    ["劳动节", "2021-05-01", "2021-05-05", ["2021-04-25","2021-05-08"]],
    ["端午节", "2021-06-12", "2021-06-14", []],
    ["中秋节", "2021-09-19", "2021-09-21", ["2021-09-18"]],
    ["国庆节", "2021-10-01", "2021-10-07", ["2021-09-26","2021-10-09"]],
  ]],
  [2022, "国务院办公厅关于2022年部分节假日安排的通知（国办发明电〔2021〕11号，2021年10月25日）", [
    ["元旦", "2022-01-01", "2022-01-03", []],
    ["春节", "2022-01-31", "2022-02-06", ["2022-01-29","2022-01-30"]],
    ["清明节", "2022-04-03", "2022-04-05", ["2022-04-02"]],
    ["劳动节", "2022-04-30", "2022-05-04", ["2022-04-24","2022-05-07"]],
    ["端午节", "2022-06-03", "2022-06-05", []],
    ["中秋节", "2022-09-10", "2022-09-12", []],
    ["国庆节", "2022-10-01", "2022-10-07", ["2022-10-08","2022-10-09"]],
  ]],
  [2023, "国务院办公厅关于2023年部分节假日安排的通知（国办发明电〔2022〕16号，2022年12月8日）", [
    ["元旦", "2022-12-31", "2023-01-02", []],
    ["春节", "2023-01-21", "2023-01-27", ["2023-01-28","2023-01-29"]],
    ["清明节", "2023-04-05", "2023-04-05", []],
    ["劳动节", "2023-04-29", "2023-05-03", ["2023-04-23","2023-05-06"]],
    ["端午节", "2023-06-22", "2023-06-24", ["2023-06-25"]],
    ["中秋节、国庆节", "2023-09-29", "2023-10-06", ["2023-10-07","2023-10-08"]],
  ]],
  [2024, "国务院办公厅关于2024年部分节假日安排的通知（国办发明电〔2023〕7号，2023年10月25日）", [
    ["元旦", "2024-01-01", "2024-01-01", []],
    ["春节", "2024-02-10", "2024-02-17", ["2024-02-04","2024-02-18"]],
    ["清明节", "2024-04-04", "2024-04-06", ["2024-04-07"]],
    ["劳动节", "2024-05-01", "2024-05-05", ["2024-04-28","2024-05-11"]],
    ["端午节", "2024-06-10", "2024-06-10", []],
    ["中秋节", "2024-09-15", "2024-09-17", ["2024-09-14"]],
    ["国庆节", "2024-10-01", "2024-10-07", ["2024-09-29","2024-10-12"]],
  ]],
  [2025, "国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号，2024年11月12日）", [
    ["元旦", "2025-01-01", "2025-01-01", []],
    ["春节", "2025-01-28", "2025-02-04", ["2025-01-26","2025-02-08"]],
    ["清明节", "2025-04-04", "2025-04-06", []],
    ["劳动节", "2025-05-01", "2025-05-05", ["2025-04-27"]],
    ["端午节", "2025-05-31", "2025-06-02", []],
    ["国庆节、中秋节", "2025-10-01", "2025-10-08", ["2025-09-28","2025-10-11"]],
  ]],
  [2026, "国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号，2025年11月4日）", [
    ["元旦", "2026-01-01", "2026-01-03", ["2026-01-04"]],
    ["春节", "2026-02-15", "2026-02-23", ["2026-02-14","2026-02-28"]],
    ["清明节", "2026-04-04", "2026-04-06", []],
    ["劳动节", "2026-05-01", "2026-05-05", ["2026-05-09"]],
    ["端午节", "2026-06-19", "2026-06-21", []],
    ["中秋节", "2026-09-25", "2026-09-27", []],
    ["国庆节", "2026-10-01", "2026-10-07", ["2026-09-20","2026-10-10"]],
  ]],
];

const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function seedRows() {
  const years = NOTICES.map(([year, notice]) => ({ year, notice }));
  const days: { day: string; year: number; kind: 'rest' | 'work'; name: string }[] = [];
  for (const [year, , holidays] of NOTICES) {
    for (const [name, from, to, workdays] of holidays) {
      for (let ms = Date.parse(`${from}T00:00:00Z`); ms <= Date.parse(`${to}T00:00:00Z`); ms += DAY_MS) days.push({ day: isoDay(ms), year, kind: 'rest', name });
      for (const day of workdays) days.push({ day, year, kind: 'work', name });
    }
  }
  return { years, days };
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('policy_profiles')
    .addColumn('published_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('correction_reason', 'text', (c) => c.check(sql`correction_reason is null or length(trim(correction_reason)) > 0`))
    .execute();
  await sql`
    create trigger policy_profiles_no_change before update or delete on policy_profiles
    for each row execute function refuse_change()`.execute(db);
  await sql`
    create function policy_profiles_past_needs_reason() returns trigger language plpgsql as $$
    begin
      if new.published_by is not null and new.correction_reason is null
         and new.effective_from <= to_char(now() at time zone 'Asia/Shanghai', 'YYYY-MM') then
        raise exception 'policy version % v% takes effect in % (not a future month) without a correction reason', new.id, new.version, new.effective_from;
      end if;
      return new;
    end $$`.execute(db);
  await sql`
    create trigger policy_profiles_past_needs_reason before insert on policy_profiles
    for each row execute function policy_profiles_past_needs_reason()`.execute(db);

  await db.schema
    .createTable('calendar_years')
    .addColumn('year', 'integer', (c) => c.primaryKey().check(sql`year between 1949 and 2200`))
    .addColumn('notice', 'text', (c) => c.notNull().check(sql`length(trim(notice)) > 0`))
    .addColumn('recorded_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createTable('calendar_days')
    // The key: one row per day, whatever the year of the notice that gives it.
    .addColumn('day', 'date', (c) => c.primaryKey())
    .addColumn('year', 'integer', (c) => c.notNull().references('calendar_years.year'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('rest', 'work')`))
    .addColumn('name', 'text', (c) => c.notNull().check(sql`length(trim(name)) > 0`))
    .addColumn('recorded_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    // A notice's days fall in its year, or in the December before (2023's New Year holiday began on 2022-12-31).
    .addCheckConstraint('calendar_days_in_year', sql`day between make_date(year - 1, 12, 1) and make_date(year, 12, 31)`)
    // A worked day 调休上班 is a Saturday or a Sunday.
    .addCheckConstraint('calendar_days_work_on_weekend', sql`kind = 'rest' or extract(isodow from day) in (6, 7)`)
    .execute();
  // The calendar of the years a deadline concerns: a notice's days, by year.
  await db.schema.createIndex('calendar_days_year_idx').on('calendar_days').columns(['year', 'day']).execute();
  for (const table of ['calendar_years', 'calendar_days']) {
    await sql`
      create trigger ${sql.raw(`${table}_no_change`)} before update or delete on ${sql.table(table)}
      for each row execute function refuse_change()`.execute(db);
    await sql`revoke update on ${sql.table(table)} from shoudi_app`.execute(db);
  }

  const { years, days } = seedRows();
  await db.insertInto('calendar_years').values(years).execute();
  await db.insertInto('calendar_days').values(days).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('calendar_days').execute();
  await db.schema.dropTable('calendar_years').execute();
  await sql`drop trigger policy_profiles_past_needs_reason on policy_profiles`.execute(db);
  await sql`drop function policy_profiles_past_needs_reason()`.execute(db);
  await sql`drop trigger policy_profiles_no_change on policy_profiles`.execute(db);
  await db.schema.alterTable('policy_profiles').dropColumn('correction_reason').dropColumn('published_by').execute();
}
