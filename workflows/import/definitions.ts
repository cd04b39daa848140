/** The import job's contract: its input and its id. The API imports this file and nothing else from workflows/import. */
import type { Actor } from '../../domain/access/roles.js';

export interface ImportJobInput {
  readonly version: 1;
  readonly jobId: string;
  /** Who uploaded the file: the households' workflows are opened by them. */
  readonly openedBy: Actor;
  /** Household workflows started per second at most, so that a county's import does not flood the engine. */
  readonly startsPerSecond: number;
  /** Carried over by continue-as-new: the households' workflows already started, and the last household id. */
  readonly carried?: { readonly started: number; readonly after: string | null };
}

export const importJobWorkflowId = (jobId: string) => `import-${jobId}`;

/** The default pace at most: 50,000 households start in about 8 minutes where the server keeps up (bench/import-starts). */
export const DEFAULT_STARTS_PER_SECOND = 100;

/** The households' workflows started from one activity, concurrently and paced (issue 19), not as the job's children. */
export const IMPORT_STARTS_PATCH = 'import-starts-activity';

/** Households saved per transaction (set-based: some 15 staged rows and 60 registry rows each). */
export const HOUSEHOLDS_PER_TRANSACTION = 5000;
/** Month rows of households already registered saved per transaction. */
export const MONTHS_PER_TRANSACTION = 20000;
