import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { t } from '../../app/messages.js';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

/** A bar chart of households per stage; the figures are also in its accessible name. */
export function StageChart({ bars }: { bars: { name: string; value: number }[] }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current);
    chart.setOption({
      animation: false,
      tooltip: {},
      grid: { left: 40, right: 16, top: 16, bottom: 32 },
      xAxis: { type: 'category', data: bars.map((b) => b.name) },
      yAxis: { type: 'value', minInterval: 1, name: t.overview.households },
      series: [{ type: 'bar', data: bars.map((b) => b.value), itemStyle: { color: '#1677ff' } }],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [bars]);
  return <div ref={ref} role="img" aria-label={t.overview.chartLabel(bars.map((b) => `${b.name} ${b.value}`).join('，'))} style={{ width: '100%', height: 280 }} />;
}
