/**
 * The catalogues the product ships: the design's, which the fictional demo
 * county 示范县 uses.
 */
import type { MeasureCatalogue } from '../catalogue.js';
import { DEFAULT_MEASURE_CATALOGUE } from './design.js';

export { DEFAULT_MEASURE_CATALOGUE } from './design.js';

export const SHIPPED_CATALOGUES: readonly MeasureCatalogue[] = [DEFAULT_MEASURE_CATALOGUE];
