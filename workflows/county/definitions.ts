/** The county's own cadence: the monthly overdue digest to each department. */
export interface CountyWorkflowInput {
  readonly version: 1;
  readonly countyId: string;
  /** Carried over by continue-as-new: the last month whose digest went out. */
  readonly lastDigest?: string;
}

export const countyWorkflowId = (countyId: string): string => `county-${countyId}`;

/** Local hour of the 1st at which the month's digest goes out. */
export const DIGEST_HOUR = 9;
