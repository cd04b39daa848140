/**
 * The town's own items of the cadence that its officer completes with a note
 * of what was done — the quarterly screening 镇每季排查, the employment ledger
 * of lifted-out workers 脱贫劳动力就业台账, the quarter-end export 季末导出分析
 * [003] — as opposed to the monthly report, which has its own draft and check.
 */
import type { DueItemKind } from '../deadlines/cadence.js';

export const TOWN_NOTED_ITEM_KINDS = ['town_quarterly_screening', 'employment_ledger', 'quarter_end_export'] as const satisfies readonly DueItemKind[];
export type TownNotedItemKind = (typeof TOWN_NOTED_ITEM_KINDS)[number];
