import { once } from 'node:events';
import type { Kysely } from 'kysely';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database } from '../database.js';
import { poolOf } from '../kysely.js';

/** A row of the file as staged: its place, its cells as shown, and what the row's own checks read. */
export interface StagedRow {
  readonly sheetNo: number;
  readonly sheet: 'members' | 'finances';
  readonly rowNo: number;
  readonly cells: readonly string[];
  readonly errors: readonly string[];
  readonly fields: Readonly<Record<string, string | number | boolean | null | readonly unknown[] | Readonly<Record<string, number>>>>;
}

/** The staged columns a row's fields fill, in COPY order (the row's own checks name them in camelCase). */
const FIELD_COLUMNS = [
  ['householdKey', 'household_key'], ['town', 'town'], ['village', 'village'], ['headName', 'head_name'], ['address', 'address'],
  ['category', 'category'], ['enteredOn', 'entered_on'], ['riskCauses', 'risk_causes'], ['measuresEnjoyed', 'measures'], ['name', 'name'],
  ['idNumber', 'id_number'], ['birthDate', 'birth_date'], ['sex', 'sex'], ['relation', 'relation'], ['labourAbility', 'labour_ability'],
  ['isStudent', 'is_student'], ['isActiveMilitary', 'is_active_military'], ['disabilityGrade', 'disability_grade'], ['chronicIllness', 'chronic_illness'],
  ['period', 'period'], ['amounts', 'amounts'],
] as const;
const COLUMNS = ['job_id', 'sheet_no', 'sheet', 'row_no', 'cells', 'errors', ...FIELD_COLUMNS.map(([, c]) => c)];

/** COPY's text format: backslash, tab, newline and carriage return escaped; \N for null. */
const escape = (text: string) => text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
const field = (value: unknown): string => {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'object') return escape(JSON.stringify(value));
  return escape(String(value));
};

/**
 * Streams the rows into the staging table with COPY, as they are read: the
 * memory held is one batch of lines, whatever the file's size. Answers the
 * number of rows staged.
 */
export async function stageRows(db: Kysely<Database>, jobId: string, rows: AsyncIterable<StagedRow>, onProgress?: (staged: number) => Promise<void>): Promise<number> {
  const client = await poolOf(db).connect();
  let staged = 0;
  try {
    const copy = client.query(copyFrom(`copy import_rows (${COLUMNS.join(', ')}) from stdin`));
    const done = new Promise<void>((resolve, reject) => {
      copy.on('finish', resolve);
      copy.on('error', reject);
    });
    let buffer = '';
    for await (const row of rows) {
      const values = [jobId, row.sheetNo, row.sheet, row.rowNo, row.cells, row.errors.length ? row.errors.join('；') : null, ...FIELD_COLUMNS.map(([f]) => row.fields[f] ?? null)];
      buffer += `${values.map(field).join('\t')}\n`;
      staged += 1;
      if (buffer.length > 64 * 1024) {
        if (!copy.write(buffer)) await once(copy, 'drain');
        buffer = '';
      }
      if (onProgress && staged % 5000 === 0) await onProgress(staged);
    }
    copy.end(buffer);
    await done;
    return staged;
  } finally {
    client.release();
  }
}
