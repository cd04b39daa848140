/**
 * Configuration, parsed once at start-up. A wrong or missing value stops the
 * program with a message naming the variable; nothing else reads process.env.
 */
import { isIP } from 'node:net';
import { z } from 'zod';
import { isPayloadKey } from './payload-codec.js';

const port = z.coerce.number().int().min(1).max(65535);
const optionalUrl = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

export const configSchema = z.object({
  DATABASE_URL: optionalUrl.pipe(
    z.string().regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://').optional(),
  ),
  /** The schema owner's connection, for migrations only (the app's DATABASE_URL is a role that owns nothing). */
  MIGRATION_DATABASE_URL: optionalUrl.pipe(
    z.string().regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://').optional(),
  ),
  TEMPORAL_ADDRESS: optionalUrl.pipe(
    z.string().regex(/^[^\s:/]+:\d+$/, 'must be host:port, for example temporal:7233').optional(),
  ),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('shoudi-households'),
  API_HOST: z.string().min(1).default('127.0.0.1'),
  API_PORT: port.default(3000),
  /** The worker's health endpoint (GET /health), which compose's health check asks. */
  WORKER_HEALTH_HOST: z.string().min(1).default('127.0.0.1'),
  WORKER_HEALTH_PORT: port.default(3001),
  /** The worker's Temporal SDK metrics in Prometheus's format (GET /metrics), served by the SDK's runtime; port 0: none. */
  WORKER_METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  WORKER_METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(3002),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SHOUDI_DATA_DIR: z.string().min(1).default('.data'),
  SHOUDI_CACHE_DIR: z.string().min(1).default('.cache'),
  EMBEDDED_POSTGRES_PORT: port.default(5433),
  EMBEDDED_TEMPORAL_PORT: port.default(7233),
  EMBEDDED_TEMPORAL_UI_PORT: port.default(8233),
  SESSION_TTL_HOURS: z.coerce.number().positive().max(24 * 30).default(12),
  /** How long an API request waits for a worker to take its change before answering 503 系统繁忙 (seconds). */
  UPDATE_ACCEPT_DEADLINE_SECONDS: z.coerce.number().positive().max(600).default(15),
  /** 0: `npm start` loads no demo county on an empty database (a real county starts from nothing). */
  SHOUDI_DEMO: z.enum(['0', '1']).default('1').transform((v) => v === '1'),
  /** The first system administrator's password, used once: when the database has no user at all (never a password written in a deployment file). */
  SHOUDI_ADMIN_PASSWORD: optionalUrl.pipe(z.string().min(10, 'must be at least 10 characters').max(128).optional()),
  SHOUDI_ADMIN_USERNAME: z.string().regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, 'must be 3 to 64 lowercase letters, digits, . _ -').default('admin'),
  /** Tests only: save the histories of the scenario workflows under test/workflows/histories (npm run record:histories). */
  SHOUDI_RECORD_HISTORIES: z.enum(['0', '1']).default('0').transform((v) => v === '1'),
  /** Which Temporal `npm start` runs when TEMPORAL_ADDRESS is unset: the dev server (SQLite), or the server on the embedded PostgreSQL. */
  SHOUDI_TEMPORAL: z.enum(['dev', 'postgres']).default('dev'),
  /** The first of the eight ports the PostgreSQL-backed Temporal server's other services use (history, matching, worker, membership). */
  EMBEDDED_TEMPORAL_SERVICES_PORT: port.default(7234),
  /** Encrypts every Temporal payload (platform/payload-codec.ts): 32 bytes as base64; unset, payloads travel in clear. */
  SHOUDI_PAYLOAD_KEY: optionalUrl.pipe(
    z
      .string()
      .refine(isPayloadKey, 'must be 32 bytes written as base64 (openssl rand -base64 32)')
      .optional(),
  ),
  /** The worker's cache of households (sticky workflows); unset: as many as fit in the heap beside the worker (worker/tuning.ts, ≈ 2 a MiB). Size it to the county, with the heap it needs (README, "Worker sizing"). */
  WORKER_MAX_CACHED_WORKFLOWS: z.coerce.number().int().min(0).max(1_000_000).optional(),
  /** Workflow tasks, activities and local activities (the monthly steps) the worker runs at once; unset: the SDK's. */
  WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: z.coerce.number().int().min(2).max(10_000).optional(),
  WORKER_MAX_CONCURRENT_ACTIVITIES: z.coerce.number().int().min(1).max(10_000).optional(),
  WORKER_MAX_CONCURRENT_LOCAL_ACTIVITIES: z.coerce.number().int().min(1).max(10_000).optional(),
  /**
   * A workflow bundle built beforehand (bundleWorkflowCode, as the test setup does): the worker loads it instead of
   * bundling workflows/index.ts at every start, so a crashed worker is back in seconds rather than after webpack.
   */
  SHOUDI_WORKFLOW_BUNDLE: optionalUrl,
  /**
   * The reverse proxies in front of the API (the county's gateway): addresses or CIDR ranges, comma-separated.
   * Only a request from one of them has its X-Forwarded-For read, so the login throttle and the logs see the
   * clerk's address; unset (the default), X-Forwarded-For is ignored and the connection's address is the client's.
   */
  SHOUDI_TRUST_PROXY: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((a) => a.trim()).filter((a) => a !== ''))
    .refine((list) => list.every(isProxyAddress), 'must be IP addresses or CIDR ranges separated by commas, for example 10.0.0.5,10.1.0.0/16'),
});

export type Config = z.infer<typeof configSchema>;

/** An IPv4 or IPv6 address, or one with a prefix length (10.1.0.0/16, fd00::/8). */
function isProxyAddress(text: string): boolean {
  const [address = '', prefix, ...rest] = text.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Variables whose value is a secret (a password, or a connection string that may carry one): never echoed back. */
const SECRET_VARIABLES: ReadonlySet<string> = new Set(['SHOUDI_ADMIN_PASSWORD', 'DATABASE_URL', 'MIGRATION_DATABASE_URL', 'SHOUDI_PAYLOAD_KEY']);

/** What a refusal says it got: the value itself, or for a secret only its length. */
function shownValue(name: string, value: string | undefined): string {
  if (value === undefined) return 'null';
  return SECRET_VARIABLES.has(name) ? `a value of ${value.length} characters, not shown` : JSON.stringify(value);
}

/** Parses the environment; throws a ConfigError listing every bad variable by name. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = configSchema.safeParse(env);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const name = issue.path.join('.') || '(environment)';
    const variable = String(issue.path[0]);
    return `  ${name}: ${issue.message} (got ${shownValue(variable, env[variable])})`;
  });
  throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
}

/** For entry points: parse or print the problem and exit with status 2. */
export function loadConfigOrExit(env: Record<string, string | undefined> = process.env): Config {
  try {
    return parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
}

/** Migrations need the owner's connection; `npm start` sets it for the embedded PostgreSQL. */
export function requireMigrationUrl(config: Config, program: string): string {
  if (!config.MIGRATION_DATABASE_URL) {
    process.stderr.write(
      `Invalid configuration:\n  MIGRATION_DATABASE_URL: required to migrate with ${program} (the schema owner's connection; DATABASE_URL is the app's, which may not change the schema)\n`,
    );
    process.exit(2);
  }
  return config.MIGRATION_DATABASE_URL;
}

/**
 * The API and the worker need an actual database and Temporal server; `npm start`
 * sets both when it runs the embedded ones.
 */
export function requireExternal(config: Config, program: string): { databaseUrl: string; temporalAddress: string } {
  const missing = [
    config.DATABASE_URL ? undefined : 'DATABASE_URL',
    config.TEMPORAL_ADDRESS ? undefined : 'TEMPORAL_ADDRESS',
  ].filter(Boolean);
  if (missing.length > 0 || !config.DATABASE_URL || !config.TEMPORAL_ADDRESS) {
    process.stderr.write(
      `Invalid configuration:\n  ${missing.join(', ')}: required to run the ${program} on its own (npm start sets it for the embedded servers)\n`,
    );
    process.exit(2);
  }
  return { databaseUrl: config.DATABASE_URL, temporalAddress: config.TEMPORAL_ADDRESS };
}
