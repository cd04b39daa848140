import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { inject } from 'vitest';
import type { Database } from '../../db/database.js';
import { createDb } from '../../db/kysely.js';
import { migrateToLatest } from '../../db/migrate.js';
import { seedDemoCounty, seedPolicyProfiles } from '../../db/seed.js';
import { hashPassword } from '../../platform/passwords.js';
import { ensureDatabase } from '../../scripts/database.js';

export interface TestDatabase {
  readonly db: Kysely<Database>;
  readonly url: string;
  destroy(): Promise<void>;
}

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/** A fresh database of its own for one test file, migrated (and seeded with the demo county unless told not to). */
export async function createTestDatabase(options: { seed?: boolean } = {}): Promise<TestDatabase> {
  const maintenanceUrl = inject('databaseUrl');
  const name = `shoudi_test_${randomBytes(6).toString('hex')}`;
  await ensureDatabase(maintenanceUrl, name);
  const url = withDatabase(maintenanceUrl, name);
  const db = createDb(url, { max: 5 });
  await migrateToLatest(db);
  await seedPolicyProfiles(db);
  if (options.seed !== false) await seedDemoCounty(db, hashPassword);
  return { db, url, destroy: () => db.destroy() };
}
