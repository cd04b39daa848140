import { sql, type Kysely } from 'kysely';

/**
 * Why the role a connection runs as is not fit for the API or the worker, or
 * undefined when it is: a superuser, or the owner of any table (who could
 * TRUNCATE, DISABLE TRIGGER or drop), would make the audit trail's protections
 * optional (db/migrations/…_least_privilege).
 */
export async function runtimeRoleProblem(db: Kysely<any>): Promise<string | undefined> {
  const { rows } = await sql<{ name: string; superuser: boolean; owned: number }>`
    select current_user as name, r.rolsuper as superuser,
           (select count(*)::int from pg_class c
            where c.relnamespace = 'public'::regnamespace and pg_has_role(current_user, c.relowner, 'usage')) as owned
    from pg_roles r where r.rolname = current_user`.execute(db);
  const me = rows[0];
  if (!me) return 'the database role could not be read';
  if (me.superuser) return `DATABASE_URL connects as ${me.name}, a superuser`;
  if (me.owned > 0) return `DATABASE_URL connects as ${me.name}, which owns ${me.owned} table(s) or sequence(s) of the schema`;
  return undefined;
}
