import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { Card, Table } from 'antd';
import { useEffect, useRef } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { t } from '../../app/messages.js';
import { SERIES_COLOURS } from './colours.js';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface Bar {
  readonly name: string;
  /** One value per series. */
  readonly values: readonly number[];
  /** Shown in the table instead of the value (a rate, say). */
  readonly shown?: readonly string[];
  /** The list behind the bar; a bar without one opens nothing. */
  readonly to?: string;
  /** The list behind each series' bar, where they differ. */
  readonly toEach?: readonly (string | undefined)[];
}

/**
 * A bar chart with its figures twice for those who cannot see the canvas: in the
 * chart's accessible name and in a data table below, whose names link to the list
 * behind each bar — the same place a click on the bar opens.
 */
export function FigureChart({ title, series, bars }: { title: string; series: readonly string[]; bars: readonly Bar[] }) {
  const ref = useRef<HTMLDivElement>(null);
  const navigate = useNavigate();
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current);
    chart.setOption({
      animation: false,
      color: [...SERIES_COLOURS],
      tooltip: {},
      legend: series.length > 1 ? { top: 0 } : undefined,
      grid: { left: 40, right: 16, top: series.length > 1 ? 32 : 16, bottom: 48, containLabel: true },
      xAxis: { type: 'category', data: bars.map((b) => b.name), axisLabel: { interval: 0, rotate: bars.length > 6 ? 30 : 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: series.map((name, i) => ({ name, type: 'bar', data: bars.map((b) => b.values[i] ?? 0) })),
    });
    chart.on('click', (p) => {
      const bar = bars[p.dataIndex];
      const to = bar?.toEach?.[p.seriesIndex ?? 0] ?? bar?.to;
      if (to) void navigate(to);
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [bars, series, navigate]);
  const summary = bars.map((b) => `${b.name} ${(b.shown ?? b.values).join('/')}`).join('，');
  type Row = Bar & { key: string };
  return (
    <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{title}</h2>}>
      <div ref={ref} role="img" aria-label={t.dashboard.chartSummary(title, summary)} style={{ width: '100%', height: 260 }} />
      <Table<Row>
        aria-label={t.dashboard.tableOf(title)}
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={bars.map((b) => ({ ...b, key: b.name }))}
        columns={[
          { title: t.dashboard.name, render: (_, b) => (b.to ? <Link to={b.to} aria-label={t.dashboard.open(`${title} ${b.name}`)}>{b.name}</Link> : b.name) },
          ...series.map((s, i) => ({
            title: s,
            align: 'right' as const,
            render: (_: unknown, b: Row) => {
              const shown = (b.shown ?? b.values)[i];
              const to = b.toEach?.[i];
              return to ? <Link to={to} aria-label={t.dashboard.open(`${b.name} ${s} ${shown}`)}>{shown}</Link> : shown;
            },
          })),
        ]}
      />
    </Card>
  );
}
