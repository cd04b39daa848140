/** Timing, percentiles, plain-text tables and EXPLAIN summaries for the benchmarks. */

export interface Timing {
  readonly medianMs: number;
  readonly p95Ms: number;
  readonly samples: number;
}

/** Runs `fn` `warmup` times unmeasured, then `repetitions` times measured; answers the timing and the last result. */
export async function timeRepeated<T>(fn: () => Promise<T>, options: { warmup: number; repetitions: number }): Promise<{ timing: Timing; last: T }> {
  let last: T | undefined;
  for (let i = 0; i < options.warmup; i++) last = await fn();
  const samples: number[] = [];
  for (let i = 0; i < options.repetitions; i++) {
    const start = performance.now();
    last = await fn();
    samples.push(performance.now() - start);
  }
  if (last === undefined) throw new Error('timeRepeated needs at least one run');
  return { timing: { medianMs: percentile(samples, 0.5), p95Ms: percentile(samples, 0.95), samples: samples.length }, last };
}

/** Nearest-rank percentile. */
export function percentile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

export function ms(value: number): string {
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
}

/** A plain-text table: the first row is the header; columns after the first are right-aligned. */
export function table(rows: ReadonlyArray<ReadonlyArray<string>>): string {
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => width(r[c] ?? '')))) ?? [];
  const line = (r: ReadonlyArray<string>) =>
    r
      .map((cell, c) => {
        const pad = ' '.repeat((widths[c] ?? 0) - width(cell));
        return c === 0 ? cell + pad : pad + cell;
      })
      .join('  ');
  const [header, ...body] = rows;
  if (!header) return '';
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

/** Display width: CJK characters take two columns. */
function width(text: string): number {
  let n = 0;
  for (const ch of text) n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return n;
}

interface PlanNode {
  readonly 'Node Type': string;
  readonly 'Relation Name'?: string;
  readonly Alias?: string;
  readonly 'Index Name'?: string;
  readonly 'Actual Rows'?: number;
  readonly 'Actual Loops'?: number;
  readonly 'Shared Hit Blocks'?: number;
  readonly 'Shared Read Blocks'?: number;
  readonly 'Rows Removed by Filter'?: number;
  readonly 'Sort Method'?: string;
  readonly 'Workers Launched'?: number;
  readonly Plans?: readonly PlanNode[];
}

export interface ExplainOutput {
  readonly Plan: PlanNode;
  readonly 'Execution Time': number;
}

/**
 * One line per plan node, indented by depth: node type, index, relation, actual
 * rows × loops, rows filtered out. A subtree that does not touch `focus` (the
 * lookups of names by primary key) is folded into one line.
 */
export function planLines(explain: ExplainOutput, focus: string, indent = '      '): string[] {
  const lines: string[] = [];
  const touches = (node: PlanNode): boolean =>
    node['Relation Name'] === focus || Boolean(node['Index Name']?.startsWith(focus)) || (node.Plans ?? []).some(touches);
  const describe = (node: PlanNode) => {
    const parts = [node['Node Type']];
    if (node['Index Name']) parts.push(`using ${node['Index Name']}`);
    if (node['Relation Name']) parts.push(`on ${node['Relation Name']}${node.Alias && node.Alias !== node['Relation Name'] ? ` ${node.Alias}` : ''}`);
    const loops = node['Actual Loops'] ?? 1;
    parts.push(`rows=${node['Actual Rows'] ?? '?'}${loops > 1 ? `×${loops}` : ''}`);
    if (node['Rows Removed by Filter']) parts.push(`filtered=${node['Rows Removed by Filter']}${loops > 1 ? `×${loops}` : ''}`);
    if (node['Sort Method']) parts.push(`(${node['Sort Method']})`);
    if (node['Workers Launched']) parts.push(`workers=${node['Workers Launched']}`);
    return parts.join(' ');
  };
  const folded = (node: PlanNode): string => {
    const children = node.Plans ?? [];
    return children.length === 0 ? describe(node) : `${node['Node Type']} > ${children.map(folded).join(' + ')}`;
  };
  const walk = (node: PlanNode, depth: number) => {
    const pad = `${indent}${'  '.repeat(depth)}`;
    if (depth > 0 && !touches(node)) {
      lines.push(`${pad}${folded(node)}`);
      return;
    }
    lines.push(`${pad}${describe(node)}`);
    for (const child of node.Plans ?? []) walk(child, depth + 1);
  };
  walk(explain.Plan, 0);
  return lines;
}

/** The access paths to one relation in a plan, e.g. `Index Scan using due_items_open_town_idx`. */
export function accessPaths(explain: ExplainOutput, relation: string): string[] {
  const found: string[] = [];
  const walk = (node: PlanNode) => {
    if (node['Relation Name'] === relation || (node['Node Type'].startsWith('Bitmap Index') && node['Index Name']?.startsWith(relation))) {
      found.push(node['Index Name'] ? `${node['Node Type']} using ${node['Index Name']}` : node['Node Type']);
    }
    for (const child of node.Plans ?? []) walk(child);
  };
  walk(explain.Plan);
  return [...new Set(found)];
}

export function buffers(explain: ExplainOutput): string {
  const hit = explain.Plan['Shared Hit Blocks'] ?? 0;
  const read = explain.Plan['Shared Read Blocks'] ?? 0;
  return `buffers hit=${hit} read=${read}`;
}
