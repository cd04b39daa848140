/** The contract of an immediate screening 突发情况排查 ordered by the county. */
export interface ScreeningCampaignInput {
  readonly version: 1;
  /** The campaign's row in screening_campaigns. */
  readonly campaignId: string;
  /** Epoch ms; the workflow waits for it. */
  readonly dueAt: number;
}

export const screeningWorkflowId = (campaignId: string): string => `screening-${campaignId}`;
