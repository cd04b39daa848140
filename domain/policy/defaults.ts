/**
 * What a profile holds where its seed is silent. Each is a design decision
 * (DOMAIN.md §9 or our reading), kept as data so a county can override it in
 * a new version of its profile.
 */
import { DEFAULT_IDENTIFICATION_STEPS } from '../identification.js';
import type { TriggerRules } from './profile.js';

/** application → village review 村组评议 → public notice 公示 → town audit 乡镇审核 → county decision 县级确定. */
export const DESIGN_IDENTIFICATION_STEPS = DEFAULT_IDENTIFICATION_STEPS;

/** “7 days is common” (DOMAIN.md §9). */
export const DEFAULT_PUBLIC_NOTICE_DAYS = 7;

/**
 * The seeds say “刚性支出明显超过上年度收入和收入大幅缩减” [001, 002] without
 * numbers. We flag rigid spending above last year's income (100 %) and a drop
 * of 30 % or more; the village review 村组评议 still judges the case.
 */
export const DEFAULT_TRIGGER_RULES: TriggerRules = {
  rigidSpendingAbovePercentOfLastYearIncome: 100,
  sharpIncomeDropPercent: 30,
};

/** 每月20日前 [003]; the other seeds give no day, so the design uses the same. */
export const DEFAULT_MONTHLY_UPDATE_DAY = 20;
