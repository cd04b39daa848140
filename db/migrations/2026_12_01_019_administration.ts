import { sql, type Kysely } from 'kysely';

/**
 * A county run without SQL: its places, people, departments and channels are
 * administered through the API, and every such change is audited.
 *
 * - jurisdictions: the id is the significant part of the official division code
 *   统计用区划代码 (province 2 digits, city 4, county 6, town 9, village 12); a
 *   village group 村民小组, which has no official code, is its village's 12 digits
 *   and a 3-digit number (15). Each level has its length, and a place's code
 *   begins with its parent's (a village under a village, or a code not under its
 *   parent, cannot be stored). `retired_at`: a place is retired, never deleted.
 * - users: three roles — department_head 部门负责人 (the first escalation of an
 *   overdue task), regional_viewer 省市乡村振兴部门 (read-only over the counties
 *   of a province or city), system_admin 系统管理员 (creates counties and their
 *   first bureau user; the only role without a jurisdiction). A user's place
 *   fits the role's level (trigger). `must_change_password`: set when an account
 *   is made or its password reset, cleared by the user's own change.
 * - admin_changes: who changed what, when, before and after; append-only.
 */
const ROLES = [
  'village_cadre',
  'town_officer',
  'county_bureau',
  'department',
  'supervisor',
  'leadership_group',
  'department_head',
  'regional_viewer',
  'system_admin',
];

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table jurisdictions
      add column retired_at timestamptz,
      add constraint jurisdictions_code_shape check (
        (level = 'province' and id ~ '^[0-9]{2}$') or (level = 'city' and id ~ '^[0-9]{4}$') or
        (level = 'county' and id ~ '^[0-9]{6}$') or (level = 'town' and id ~ '^[0-9]{9}$') or
        (level = 'village' and id ~ '^[0-9]{12}$') or (level = 'group' and id ~ '^[0-9]{15}$')),
      add constraint jurisdictions_code_under_parent check (
        parent_id is null or (
          left(id, length(parent_id)) = parent_id and
          length(parent_id) = case level when 'city' then 2 when 'county' then 4 when 'town' then 6 when 'village' then 9 when 'group' then 12 else -1 end))`.execute(db);

  await sql`alter table users drop constraint users_role_check`.execute(db);
  await sql`alter table users add constraint users_role_check check (role in (${sql.join(ROLES.map((r) => sql.lit(r)))}))`.execute(db);
  await sql`alter table users drop constraint users_department_iff_role`.execute(db);
  await sql`alter table users add constraint users_department_iff_role check ((role in ('department', 'department_head')) = (department_id is not null))`.execute(db);
  await sql`alter table users alter column jurisdiction_id drop not null`.execute(db);
  await sql`alter table users add constraint users_jurisdiction_unless_admin check ((role = 'system_admin') = (jurisdiction_id is null))`.execute(db);
  await sql`alter table users add column must_change_password boolean not null default false, add column password_changed_at timestamptz`.execute(db);
  // The level a role works at, and a department user's department in the user's county.
  await sql`
    create function users_place_fits_role() returns trigger language plpgsql as $$
    declare
      place_level text;
      department_county text;
    begin
      if new.jurisdiction_id is null then return new; end if;
      select level into place_level from jurisdictions where id = new.jurisdiction_id;
      if not (
        (new.role = 'village_cadre' and place_level in ('village', 'group')) or
        (new.role = 'town_officer' and place_level = 'town') or
        (new.role in ('county_bureau', 'department', 'department_head', 'supervisor', 'leadership_group') and place_level = 'county') or
        (new.role = 'regional_viewer' and place_level in ('province', 'city'))) then
        raise exception 'users_place_fits_role: a % cannot work at a % (%)', new.role, place_level, new.jurisdiction_id;
      end if;
      if new.department_id is not null then
        select county_id into department_county from departments where id = new.department_id;
        if department_county is distinct from new.jurisdiction_id then
          raise exception 'users_place_fits_role: department % is not of county %', new.department_id, new.jurisdiction_id;
        end if;
      end if;
      return new;
    end $$`.execute(db);
  await sql`
    create trigger users_place_fits_role after insert or update of role, jurisdiction_id, department_id on users
    for each row execute function users_place_fits_role()`.execute(db);

  await db.schema
    .createTable('admin_changes')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    // The county the change belongs to; null for a change above any county (a province, a city, a system administrator).
    .addColumn('county_id', 'text', (c) => c.references('jurisdictions.id'))
    .addColumn('actor_user_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('action', 'text', (c) => c.notNull().check(sql`action ~ '^[a-z][a-z0-9_.]{1,63}$'`))
    .addColumn('subject_kind', 'text', (c) => c.notNull().check(sql`subject_kind in ('place', 'user', 'department', 'channel', 'county')`))
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('before', 'jsonb')
    .addColumn('after', 'jsonb')
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('admin_changes_has_state', sql`before is not null or after is not null`)
    .execute();
  // The county's audit list, newest first.
  await db.schema.createIndex('admin_changes_county_idx').on('admin_changes').columns(['county_id', 'at']).execute();
  await sql`create trigger admin_changes_no_change before update or delete on admin_changes for each row execute function refuse_change()`.execute(db);
  await sql`revoke update on admin_changes from shoudi_app`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('admin_changes').execute();
  await sql`drop trigger users_place_fits_role on users`.execute(db);
  await sql`drop function users_place_fits_role()`.execute(db);
  await sql`alter table users drop column must_change_password, drop column password_changed_at`.execute(db);
  await sql`alter table users drop constraint users_jurisdiction_unless_admin`.execute(db);
  await sql`alter table users alter column jurisdiction_id set not null`.execute(db);
  await sql`alter table users drop constraint users_department_iff_role`.execute(db);
  await sql`alter table users add constraint users_department_iff_role check ((role = 'department') = (department_id is not null))`.execute(db);
  await sql`alter table users drop constraint users_role_check`.execute(db);
  await sql`alter table users add constraint users_role_check check (role in (${sql.join(ROLES.slice(0, 6).map((r) => sql.lit(r)))}))`.execute(db);
  await sql`alter table jurisdictions drop column retired_at, drop constraint jurisdictions_code_shape, drop constraint jurisdictions_code_under_parent`.execute(db);
}
