/**
 * What only a superuser (or a role with CREATEROLE and CREATEDB) does, once per
 * cluster and database: create the system's two roles and its database owned by
 * the owner role. Nothing else in the system connects as a superuser: migrations
 * run as the owner, the API and the worker as the app (db/migrations/…_least_privilege).
 */
import pg from 'pg';
import type { RoleLogin } from '../platform/embedded-postgres.js';

export interface DatabaseRoles {
  /** Owns the database and its schema, runs the migrations. */
  readonly owner: RoleLogin;
  /** The API and the worker: only the rights the migrations grant it. */
  readonly app: RoleLogin;
}

const SAFE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

function safeName(name: string): string {
  if (!SAFE_NAME.test(name)) throw new Error(`unsafe database or role name: ${name}`);
  return name;
}

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates both roles when missing, as plain login roles: not superuser, no
 * CREATEDB, CREATEROLE, REPLICATION or BYPASSRLS, and the app not a member of
 * the owner. An existing role keeps its rights but gets the given password.
 */
export async function ensureRoles(superuserUrl: string, roles: DatabaseRoles): Promise<void> {
  await withClient(superuserUrl, async (client) => {
    for (const role of [roles.owner, roles.app]) {
      const name = safeName(role.name);
      const found = await client.query('select 1 from pg_roles where rolname = $1', [name]);
      const password = client.escapeLiteral(role.password);
      if (found.rowCount === 0) {
        await client.query(`create role ${name} login nosuperuser nocreatedb nocreaterole noreplication nobypassrls password ${password}`);
      } else {
        await client.query(`alter role ${name} login nosuperuser nocreatedb nocreaterole noreplication nobypassrls password ${password}`);
      }
    }
  });
}

/**
 * Creates the database, owned by the owner role, when it does not exist yet
 * (CREATE DATABASE cannot take a parameter). A database made before the roles
 * existed (an older `.data/`) is handed to the owner with every table, sequence
 * and function of its public schema, so that the migrations can go on as the owner.
 */
export async function ensureDatabase(superuserUrl: string, name: string, owner: string): Promise<void> {
  safeName(name);
  safeName(owner);
  const created = await withClient(superuserUrl, async (client) => {
    const found = await client.query<{ owner: string }>(
      'select pg_get_userbyid(datdba) as owner from pg_database where datname = $1',
      [name],
    );
    if (found.rowCount === 0) {
      await client.query(`create database ${name} owner ${owner} encoding 'UTF8'`);
      return true;
    }
    if (found.rows[0]?.owner !== owner) await client.query(`alter database ${name} owner to ${owner}`);
    return false;
  });
  if (created) return;
  const url = new URL(superuserUrl);
  url.pathname = `/${name}`;
  await withClient(url.toString(), async (client) => {
    await client.query(`
      do $$
      declare o record;
      begin
        for o in
          select format('alter %s %s owner to ${owner}',
                   case c.relkind when 'S' then 'sequence' when 'v' then 'view' when 'm' then 'materialized view' else 'table' end,
                   c.oid::regclass) as statement
          from pg_class c
          where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p', 'v', 'm', 'S')
            and pg_get_userbyid(c.relowner) <> '${owner}'
            and not (c.relkind = 'S' and exists (select 1 from pg_depend d where d.objid = c.oid and d.deptype in ('a', 'i')))
          union all
          select format('alter function %s owner to ${owner}', p.oid::regprocedure)
          from pg_proc p
          where p.pronamespace = 'public'::regnamespace and pg_get_userbyid(p.proowner) <> '${owner}'
        loop
          execute o.statement;
        end loop;
      end $$`);
  });
}

/** The same server and database as `url`, as another role. */
export function urlAs(url: string, role: RoleLogin, database?: string): string {
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(role.name);
  parsed.password = encodeURIComponent(role.password);
  if (database) parsed.pathname = `/${safeName(database)}`;
  return parsed.toString();
}
