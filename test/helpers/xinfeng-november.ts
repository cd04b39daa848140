/**
 * Xinfeng's November 2023 change (seed 003) as a what-if: the version before
 * it (the July–October warning line 10,600 and no later one) and the draft
 * from 2023-11 (“2023年11月至12月…低于10800元…进行预警”). The what-if test
 * and its benchmark (bench/what-if.ts) run the same pair.
 */
import { toPeriod, type Period } from '../../domain/calendar/dates.js';
import { xinfengV1 } from '../../domain/policy/counties/xinfeng.js';
import type { PolicyProfile } from '../../domain/policy/profile.js';

export function xinfengNovember2023(id: string): { before: PolicyProfile; draft: PolicyProfile } {
  const before: PolicyProfile = {
    ...xinfengV1,
    id,
    version: 1,
    thresholds: xinfengV1.thresholds.filter((r) => !(r.kind === 'warning' && r.from === '2023-11')).map((r) => (r.kind === 'warning' ? { ...r, to: undefined } : r)),
  };
  return { before, draft: { ...xinfengV1, id, version: 2, effectiveFrom: '2023-11' } };
}

/** The months a generated household's income covers before the draft: December 2022 – October 2023. */
export const BEFORE_NOVEMBER: readonly Period[] = [toPeriod(2022, 12), ...Array.from({ length: 10 }, (_, i) => toPeriod(2023, i + 1))];
