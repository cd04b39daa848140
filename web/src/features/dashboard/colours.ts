/**
 * The bar charts' series colours, in order (ECharts 6's own first, second and
 * fourth: its third, a dark grey, is hard to tell from the axis text). Set on
 * every chart so that a library upgrade does not repaint them.
 */
export const SERIES_COLOURS = ['#5070dd', '#b6d634', '#ff994d'] as const;
