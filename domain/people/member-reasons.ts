/** Why a member leaves (death 死亡, marriage out 婚出, moving out 迁出, enlisting 参军入伍) or joins (birth 出生, marriage in 婚入, moving in 迁入, other) a household. */
export const LEAVING_REASONS = ['death', 'marriage_out', 'moved_out', 'enlisted'] as const;
export type LeavingReason = (typeof LEAVING_REASONS)[number];
export const JOINING_REASONS = ['birth', 'marriage_in', 'moved_in', 'other'] as const;
export type JoiningReason = (typeof JOINING_REASONS)[number];
