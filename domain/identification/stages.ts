/**
 * The household's stage in the mechanism, as a machine: registered → identifying
 * → monitoring (监测对象) → eliminated (风险消除, still on file and watched
 * lightly); not_included after a rejection. Each move names the stages it may
 * start from and the one it leads to; the workflow moves only by these.
 */
export const HOUSEHOLD_STAGES = ['registered', 'identifying', 'monitoring', 'eliminated', 'not_included'] as const;
export type HouseholdStage = (typeof HOUSEHOLD_STAGES)[number];

export const STAGE_MOVES = {
  /** A discovery opens an identification case (a monitored household has none to open). */
  caseOpened: { from: ['registered', 'identifying', 'not_included', 'eliminated'], to: 'identifying' },
  /** The deciding step approves: a monitoring object 监测对象. */
  caseApproved: { from: ['identifying'], to: 'monitoring' },
  caseRejected: { from: ['identifying'], to: 'not_included' },
  /** The county confirms risk elimination; proposed only for a monitored household. */
  eliminationConfirmed: { from: ['monitoring'], to: 'eliminated' },
  /** The county takes the mark back 回退. */
  eliminationRolledBack: { from: ['eliminated'], to: 'monitoring' },
  /** A household marked risk-eliminated meets new risk at its monthly re-assessment. */
  riskReturned: { from: ['eliminated'], to: 'monitoring' },
} as const satisfies Record<string, { readonly from: readonly HouseholdStage[]; readonly to: HouseholdStage }>;
export type StageMove = keyof typeof STAGE_MOVES;

export const stageAfter = <M extends StageMove>(move: M): (typeof STAGE_MOVES)[M]['to'] => STAGE_MOVES[move].to;

export const mayMove = (stage: HouseholdStage, move: StageMove): boolean => (STAGE_MOVES[move].from as readonly HouseholdStage[]).includes(stage);
