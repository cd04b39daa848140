/**
 * A staged row's reasons in words: the row's own (already words) and the
 * codes the checks across rows gave it (`code|argument`, joined by ；).
 */
import { importMessages } from './messages.js';

const r = importMessages.reason;

const WORDS: Record<string, (arg: string, row: { town: string; village: string }) => string> = {
  unknown_village: (_, row) => r.unknownVillage(row.town, row.village),
  duplicate_in_file: (rows) => r.duplicateInFile(rows),
  duplicate_in_registry: () => r.duplicateInRegistry,
  household_already_imported: () => r.householdAlreadyImported,
  no_head: () => r.noHead,
  two_heads: (rows) => r.twoHeads(rows),
  household_rejected: (rows) => r.householdRejected(rows),
  finance_duplicate: (rows) => r.financeDuplicateInFile(rows),
  finance_no_household: () => r.financeNoHousehold,
  finance_household_rejected: () => r.financeHouseholdRejected,
  finance_already_recorded: (period) => r.financeAlreadyRecorded(period),
  save_failed: () => r.saveFailed,
};

/** Every reason of a row, in words, joined by ；. */
export function reasonsInWords(errors: string | null, codes: string | null, row: { town: string; village: string }): string {
  const words = (codes ?? '')
    .split('；')
    .filter((c) => c.length > 0)
    .map((code) => {
      const [name, arg = ''] = code.split('|');
      return WORDS[name!]?.(arg, row) ?? code;
    });
  return [...(errors ? [errors] : []), ...words].join('；');
}
