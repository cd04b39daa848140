/**
 * Applies pending migrations as the schema's owner (MIGRATION_DATABASE_URL);
 * with --seed-demo, also loads the demo county into an empty database. Used by
 * deployments (docker-compose).
 */
import { createDb } from '../db/kysely.js';
import { migrateToLatest } from '../db/migrate.js';
import { seedDemoCounty, seedPolicyProfiles } from '../db/seed.js';
import { loadConfigOrExit, requireMigrationUrl } from '../platform/config.js';
import { hashPassword } from '../platform/passwords.js';

const config = loadConfigOrExit();
const db = createDb(requireMigrationUrl(config, 'scripts/migrate.ts'), { max: 1 });
try {
  const applied = await migrateToLatest(db);
  process.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'database is up to date\n');
  process.stdout.write(`policy profiles: ${await seedPolicyProfiles(db)} new version(s)\n`);
  if (process.argv.includes('--seed-demo') && (await seedDemoCounty(db, hashPassword))) process.stdout.write('demo county loaded\n');
} finally {
  await db.destroy();
}
