/**
 * A list query measured against its baseline in the same run: the requests
 * (shapes) it is asked, the timings of both, whether both answer the same
 * page and total, their plans, and the report's table.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { explainPageAndCount } from './explain.js';
import { accessPaths, buffers, ms, planLines, table, timeRepeated, type Timing } from './measure.js';
import type { RunOptions } from './options.js';

/** One request of a list route as the route passes it to the repository. */
export interface QueryShape<F> {
  readonly name: string;
  /** Who asks it, and how. */
  readonly who: string;
  readonly filter: F;
}

/** A page's ids in order, and the total. */
export interface PageIds {
  readonly ids: readonly string[];
  readonly total: number;
}

/** The ids and total of a repository's page. */
export function pageIds(page: { readonly items: ReadonlyArray<{ readonly id: string }>; readonly total: number }): PageIds {
  return { ids: page.items.map((i) => i.id), total: page.total };
}

/** The same page, in the same order, and the same total. */
export function samePage(a: PageIds, b: PageIds): boolean {
  return a.total === b.total && a.ids.length === b.ids.length && a.ids.every((id, i) => id === b.ids[i]);
}

/** One list query: the product's function, the baseline's, and which table its plans are about. */
export interface Subject<F> {
  readonly table: string;
  readonly shapes: readonly QueryShape<F>[];
  product(db: Kysely<Database>, filter: F): Promise<PageIds>;
  /** Run on the baseline's tables (the schema the baseline's Kysely reaches first). */
  baseline(db: Kysely<Database>, filter: F): Promise<PageIds>;
  /** The query as it was, run once on the product's tables: its answer is checked too, when given. */
  reference?(db: Kysely<Database>, filter: F): Promise<PageIds>;
}

export interface Measured {
  readonly name: string;
  readonly product: Timing;
  readonly baseline: Timing;
  readonly rows: number;
  readonly total: number;
  /** The same page, in the same order, and the same total as the baseline. */
  readonly sameAsBaseline: boolean;
  /** The same as the reference, where the subject has one. */
  readonly sameAsReference?: boolean;
}

/** Times each shape on the product, then on the baseline, one after the other, and compares their answers. */
export async function measureShapes<F>(
  subject: Subject<F>,
  on: { db: Kysely<Database>; baselineDb: Kysely<Database> },
  options: RunOptions,
  onMeasured: (shape: QueryShape<F>) => void,
): Promise<Measured[]> {
  const measured: Measured[] = [];
  for (const shape of subject.shapes) {
    const product = await timeRepeated(() => subject.product(on.db, shape.filter), { warmup: options.warmup, repetitions: options.repetitions });
    const baseline = await timeRepeated(() => subject.baseline(on.baselineDb, shape.filter), { warmup: options.warmup, repetitions: options.baselineRepetitions });
    measured.push({
      name: shape.name,
      product: product.timing,
      baseline: baseline.timing,
      rows: product.last.ids.length,
      total: product.last.total,
      sameAsBaseline: samePage(product.last, baseline.last),
      ...(subject.reference ? { sameAsReference: samePage(product.last, await subject.reference(on.db, shape.filter)) } : {}),
    });
    onMeasured(shape);
  }
  return measured;
}

/** Whether every answer was the same as the baseline's (and the reference's). */
export function allSame(measured: readonly Measured[]): boolean {
  return measured.every((m) => m.sameAsBaseline && m.sameAsReference !== false);
}

/** The table of timings: product and baseline, their ratio, and whether the answers were the same. */
export function report(measured: readonly Measured[]): string {
  const withReference = measured.some((m) => m.sameAsReference !== undefined);
  const yes = (same: boolean) => (same ? 'yes' : 'NO');
  return table([
    ['query', 'rows', 'total', 'median', 'p95', 'base median', 'base p95', 'base/product', 'same as base', ...(withReference ? ['as before'] : [])],
    ...measured.map((m) => [
      m.name,
      String(m.rows),
      m.total.toLocaleString('en-US'),
      ms(m.product.medianMs),
      ms(m.product.p95Ms),
      ms(m.baseline.medianMs),
      ms(m.baseline.p95Ms),
      `${(m.baseline.medianMs / m.product.medianMs).toFixed(1)}×`,
      yes(m.sameAsBaseline),
      ...(withReference ? [yes(m.sameAsReference ?? false)] : []),
    ]),
  ]);
}

/** EXPLAIN ANALYZE of each shape's page and count, the product's in full and the baseline's in brief. */
export async function plansOf<F>(subject: Subject<F>, urls: { url: string; baselineUrl: string }): Promise<string[]> {
  const lines: string[] = [];
  for (const shape of subject.shapes) {
    const product = await explainPageAndCount(urls.url, (db) => subject.product(db, shape.filter));
    const baseline = await explainPageAndCount(urls.baselineUrl, (db) => subject.baseline(db, shape.filter));
    lines.push(`  ${shape.name} — ${shape.who}`);
    for (const [label, plan, base] of [
      ['page ', product.page, baseline.page],
      ['count', product.count, baseline.count],
    ] as const) {
      lines.push(
        `    ${label}: ${ms(plan['Execution Time'])} ms, ${buffers(plan)}; ${subject.table} by ${accessPaths(plan, subject.table).join(' + ')}` +
          `  (baseline ${ms(base['Execution Time'])} ms, ${accessPaths(base, subject.table).join(' + ')})`,
      );
      lines.push(...planLines(plan, subject.table));
    }
  }
  return lines;
}
