/**
 * The catalogues the product ships: the design's, which the fictional demo
 * county 示范县 uses, and one per seed county from its own document.
 */
import type { MeasureCatalogue } from '../catalogue.js';
import { boluoMeasures } from './boluo.js';
import { DEFAULT_MEASURE_CATALOGUE } from './design.js';
import { mileMeasures } from './mile.js';
import { suyuanMeasures } from './suyuan.js';
import { xinfengMeasures } from './xinfeng.js';
import { xuwenMeasures } from './xuwen.js';

export { DEFAULT_MEASURE_CATALOGUE } from './design.js';
export { boluoMeasures, mileMeasures, suyuanMeasures, xinfengMeasures, xuwenMeasures };

/** The design's first, then the seed counties' in seed order. */
export const SHIPPED_CATALOGUES: readonly MeasureCatalogue[] = [DEFAULT_MEASURE_CATALOGUE, boluoMeasures, mileMeasures, xuwenMeasures, xinfengMeasures, suyuanMeasures];
