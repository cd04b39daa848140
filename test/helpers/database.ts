import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { inject } from 'vitest';
import type { Database } from '../../db/database.js';
import { createDb } from '../../db/kysely.js';
import { migrateToLatest } from '../../db/migrate.js';
import { seedDemoCounty, seedPolicyProfiles } from '../../db/seed.js';
import { LOCAL_ROLES } from '../../platform/embedded-postgres.js';
import { hashPassword } from '../../platform/passwords.js';
import { ensureDatabase, urlAs } from '../../scripts/database.js';

export interface TestDatabase {
  /** As the app's role (shoudi_app), as the API and the worker connect: what the system itself may do. */
  readonly db: Kysely<Database>;
  readonly url: string;
  /**
   * As the schema's owner (shoudi_owner), who migrated and seeded it: for fixtures
   * that write what the app may not, and for the triggers that guard the
   * append-only tables even against the owner.
   */
  readonly owner: Kysely<Database>;
  readonly ownerUrl: string;
  destroy(): Promise<void>;
}

/**
 * A fresh database of its own for one test file, owned by shoudi_owner (the
 * roles are made once per run by the global setup), migrated and seeded as the
 * owner — with the demo county unless told not to.
 */
export async function createTestDatabase(options: { seed?: boolean } = {}): Promise<TestDatabase> {
  const superuserUrl = inject('databaseUrl');
  const name = `shoudi_test_${randomBytes(6).toString('hex')}`;
  await ensureDatabase(superuserUrl, name, LOCAL_ROLES.owner.name);
  const ownerUrl = urlAs(superuserUrl, LOCAL_ROLES.owner, name);
  const url = urlAs(superuserUrl, LOCAL_ROLES.app, name);
  const owner = createDb(ownerUrl, { max: 2 });
  await migrateToLatest(owner);
  await seedPolicyProfiles(owner);
  if (options.seed !== false) await seedDemoCounty(owner, hashPassword);
  const db = createDb(url, { max: 5 });
  return {
    db,
    url,
    owner,
    ownerUrl,
    destroy: async () => {
      await db.destroy();
      await owner.destroy();
    },
  };
}
