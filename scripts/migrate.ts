/**
 * Applies pending migrations as the schema's owner (MIGRATION_DATABASE_URL);
 * with --seed-demo, also loads the demo county into an empty database. Used by
 * deployments (docker-compose).
 */
import { createDb } from '../db/kysely.js';
import { migrateToLatest } from '../db/migrate.js';
import { bootstrapAdministrator, seedDemoCounty, seedPolicyProfiles } from '../db/seed.js';
import { loadConfigOrExit, requireMigrationUrl } from '../platform/config.js';
import { hashPassword } from '../platform/passwords.js';

const config = loadConfigOrExit();
const db = createDb(requireMigrationUrl(config, 'scripts/migrate.ts'), { max: 1 });
try {
  const applied = await migrateToLatest(db);
  process.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'database is up to date\n');
  process.stdout.write(`policy profiles: ${await seedPolicyProfiles(db)} new version(s)\n`);
  if (process.argv.includes('--seed-demo') && (await seedDemoCounty(db, hashPassword))) process.stdout.write('demo county loaded\n');
  if (config.SHOUDI_ADMIN_PASSWORD && (await bootstrapAdministrator(db, config.SHOUDI_ADMIN_USERNAME, await hashPassword(config.SHOUDI_ADMIN_PASSWORD)))) {
    process.stdout.write(`system administrator ${config.SHOUDI_ADMIN_USERNAME} created\n`);
  }
} finally {
  await db.destroy();
}
