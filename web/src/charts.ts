// echarts, with only the pieces the dashboard draws (keeps the chunk small). Loaded lazily by
// the views that chart, so the home page does not pay for it.
import * as echarts from 'echarts/core';
import { BarChart, LineChart, ScatterChart } from 'echarts/charts';
import {
  GeoComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  MarkPointComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  LineChart,
  ScatterChart,
  GeoComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  MarkPointComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

export { echarts };
export type ECharts = echarts.ECharts;

/** A chart in `el` that follows the element's size and is disposed on navigation. */
export function mountChart(el: HTMLElement, onCleanup: (fn: () => void) => void): ECharts {
  const chart = echarts.init(el, undefined, { renderer: 'canvas' });
  const ro = new ResizeObserver(() => chart.resize());
  ro.observe(el);
  onCleanup(() => {
    ro.disconnect();
    chart.dispose();
  });
  return chart;
}
