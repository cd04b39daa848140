/** The roster of monitoring objects 监测对象台账 of a village, town or county, streamed a page at a time. */
import type { Writable } from 'node:stream';
import { exportMessages } from '../../domain/exports/messages.js';
import { RISK_CAUSE_NAMES, type RiskCause } from '../../domain/identification/steps.js';
import { HOUSEHOLD_CATEGORY_NAMES, HOUSEHOLD_STAGE_NAMES } from '../../domain/messages/fields.js';
import { maskIdNumber } from '../../domain/people/id-number.js';
import { formatLocalDate, toLocalDate } from '../../domain/calendar/dates.js';
import type { RosterRow } from '../../db/repositories/exports.js';
import { streamLedger } from './stream.js';

const m = exportMessages.roster;

export function writeRoster(out: Writable, place: string, exportedAt: string, page: (after: RosterRow | null) => Promise<RosterRow[]>): Promise<number> {
  const layout = { sheet: m.sheet, title: m.title(place), subtitle: exportMessages.exportedAt(exportedAt), headings: m.headings, widths: [6, 12, 12, 10, 22, 8, 14, 12, 24, 14, 30] };
  return streamLedger(out, layout, page, (h, n) => {
    const causes = Array.isArray(h.risk_causes) ? (h.risk_causes as RiskCause[]).map((c) => RISK_CAUSE_NAMES[c] ?? c).join('、') : '';
    return [
      n,
      h.town_name,
      h.village_name,
      h.head_name,
      h.head_id_number ? maskIdNumber(h.head_id_number) : '',
      Number(h.members),
      HOUSEHOLD_CATEGORY_NAMES[h.category as keyof typeof HOUSEHOLD_CATEGORY_NAMES] ?? h.category,
      HOUSEHOLD_STAGE_NAMES[h.stage as keyof typeof HOUSEHOLD_STAGE_NAMES] ?? h.stage,
      causes,
      h.entered_at ? formatLocalDate(toLocalDate(h.entered_at.getTime())) : '',
      h.address,
    ];
  });
}
