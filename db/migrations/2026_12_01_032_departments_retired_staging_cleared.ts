import { sql, type Kysely } from 'kysely';

/**
 * Departments 行业部门 are renamed and retired by the county bureau, never
 * deleted (tasks, notifications, users and the audit refer to them).
 *
 * - `retired_at`: set once, never cleared; a retired department is no longer
 *   changed (name, code) and gets no new user and no new task.
 * - Retiring is refused while the department still has an active user or an
 *   unfinished task (assigned, accepted, in progress) or an open register item:
 *   those must be moved on first. The API says so in words before it gets here.
 * - A department's code never changes: the measure catalogues name it by code.
 *
 * And the caseload import's staging rows are cleared after a job: the app may
 * delete from import_rows (the job deletes its imported rows once their
 * households are saved and started; the rejected ones stay for the error report).
 */
const APP = sql.id('shoudi_app');

export async function up(db: Kysely<any>): Promise<void> {
  await sql`grant delete on import_rows to ${APP}`.execute(db);
  await sql`alter table departments add column retired_at timestamptz`.execute(db);
  await sql`
    create function departments_change_allowed() returns trigger language plpgsql as $$
    begin
      if new.code is distinct from old.code or new.county_id is distinct from old.county_id then
        raise exception 'department %: its code and county never change', old.id;
      end if;
      if old.retired_at is not null then
        raise exception 'department % is retired: it is never changed again', old.id;
      end if;
      if new.retired_at is not null then
        if exists (select 1 from users u where u.department_id = new.id and u.active) then
          raise exception 'department % still has active users: it cannot be retired', new.id;
        end if;
        if exists (select 1 from measure_tasks k where k.department_id = new.id and k.status in ('assigned', 'accepted', 'in_progress')) then
          raise exception 'department % still has unfinished tasks: it cannot be retired', new.id;
        end if;
        if exists (select 1 from due_items d where d.department_id = new.id and d.status = 'open') then
          raise exception 'department % still has open register items: it cannot be retired', new.id;
        end if;
      end if;
      return new;
    end $$`.execute(db);
  await sql`
    create trigger departments_change_allowed before update on departments
    for each row execute function departments_change_allowed()`.execute(db);

  // Nobody new works for, and no new task goes to, a retired department.
  await sql`
    create function department_not_retired() returns trigger language plpgsql as $$
    begin
      if exists (select 1 from departments d where d.id = new.department_id and d.retired_at is not null) then
        raise exception '%: department % is retired', tg_table_name, new.department_id;
      end if;
      return new;
    end $$`.execute(db);
  await sql`
    create trigger users_department_not_retired before insert or update of department_id, active on users
    for each row when (new.department_id is not null and new.active) execute function department_not_retired()`.execute(db);
  await sql`
    create trigger measure_tasks_department_not_retired before insert on measure_tasks
    for each row execute function department_not_retired()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger measure_tasks_department_not_retired on measure_tasks`.execute(db);
  await sql`drop trigger users_department_not_retired on users`.execute(db);
  await sql`drop function department_not_retired()`.execute(db);
  await sql`drop trigger departments_change_allowed on departments`.execute(db);
  await sql`drop function departments_change_allowed()`.execute(db);
  await sql`alter table departments drop column retired_at`.execute(db);
  await sql`revoke delete on import_rows from ${APP}`.execute(db);
}
