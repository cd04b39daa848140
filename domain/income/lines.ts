/**
 * One check of a line of income or spending, wherever a person enters one (the
 * application's survey 收支测算, the monthly update): a month `YYYY-MM` and an
 * amount in yuan, not negative except where a loss is possible — net
 * production income and property income [002: 生产经营净收入, 财产净收入].
 */
import { parsePeriod } from '../calendar/dates.js';
import { incomeMessages } from '../messages/catalogue.js';
import type { IncomeKind } from './projection.js';

export const MAY_BE_LOSS: readonly IncomeKind[] = ['production_net', 'property'];

/** What is wrong with the line, in words for the clerk who entered it; null when nothing is. */
export function lineRefusal(line: { readonly kind: string; readonly period: string; readonly yuan: number }): string | null {
  const mayBeLoss = (MAY_BE_LOSS as readonly string[]).includes(line.kind);
  if (!Number.isFinite(line.yuan) || (line.yuan < 0 && !mayBeLoss)) return incomeMessages.lineAmountInvalid(line.period);
  try {
    parsePeriod(line.period);
  } catch {
    return incomeMessages.linePeriodInvalid(String(line.period));
  }
  return null;
}
