import pg from 'pg';

/** Creates the database when it does not exist yet (CREATE DATABASE cannot take a parameter). */
export async function ensureDatabase(maintenanceUrl: string, name: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`unsafe database name: ${name}`);
  const client = new pg.Client({ connectionString: maintenanceUrl });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`create database ${name} encoding 'UTF8'`);
  } finally {
    await client.end();
  }
}
