// Map of event locations: one circle per place, sized by its events and coloured by the mean
// Goldstein score of those events (red conflict … green cooperation).
import { getJson } from '../api';
import { fmtNum, h, section } from '../dom';
import type { PlaceRow } from '../types';
import type { ViewContext } from '../view';
import { filterForm, filtersFrom } from './events';

export async function mapView({ root, route, signal, onCleanup }: ViewContext): Promise<void> {
  const f = filtersFrom(route.query);
  root.append(h('h1', null, 'Map of event locations'), filterForm('map', f));
  const [places, maps] = await Promise.all([getJson<PlaceRow[]>('places', { ...f, limit: 500 }, signal), import('../worldmap')]);
  if (signal.aborted) return;
  const chartEl = h('div', { class: 'chart map', 'data-testid': 'map-chart', 'data-places': places.length });
  root.append(chartEl);
  maps.registerWorldMap();
  const { mountChart } = await import('../charts');
  const chart = mountChart(chartEl, onCleanup);
  const maxEvents = Math.max(1, ...places.map((p) => p.events));
  chart.setOption({
    animation: false,
    tooltip: {
      trigger: 'item',
      className: 'chart-tooltip',
      // A DOM node, not an HTML string: place names come from documents.
      formatter: (p: { data?: { place?: PlaceRow } }) => {
        const pl = p.data?.place;
        if (!pl) return '';
        return h('div', null, h('strong', null, pl.name), pl.country ? ` (${pl.country})` : '', h('br'), `${pl.events} events, mean Goldstein ${fmtNum(pl.goldstein_mean)}`);
      },
    },
    geo: {
      map: 'world',
      roam: true,
      itemStyle: { areaColor: '#eef1f4', borderColor: '#b8c2cc' },
      emphasis: { disabled: true },
      silent: true,
    },
    visualMap: {
      type: 'continuous',
      min: -10,
      max: 10,
      dimension: 2,
      seriesIndex: 0,
      calculable: false,
      text: ['cooperation', 'conflict'],
      inRange: { color: ['#c0392b', '#f0a04b', '#d9d9d9', '#7fb77e', '#2e7d32'] },
      left: 10,
      bottom: 10,
    },
    series: [
      {
        type: 'scatter',
        coordinateSystem: 'geo',
        data: places.map((pl) => ({
          name: pl.name,
          value: [pl.lon, pl.lat, pl.goldstein_mean ?? 0, pl.events],
          place: pl,
        })),
        symbolSize: (v: number[]) => 6 + 30 * Math.sqrt(v[3] / maxEvents),
        itemStyle: { opacity: 0.8, borderColor: '#333', borderWidth: 0.5 },
      },
    ],
  });
  root.append(
    section(
      `Places (${places.length})`,
      'places',
      places.length === 0
        ? h('p', { class: 'muted' }, 'No located event matches these filters.')
        : h(
            'table',
            { class: 'top' },
            h('thead', null, h('tr', null, h('th', null, 'place'), h('th', null, 'country'), h('th', { class: 'num' }, 'events'), h('th', { class: 'num' }, 'Goldstein'))),
            h(
              'tbody',
              null,
              places.slice(0, 100).map((pl) =>
                h(
                  'tr',
                  { 'data-testid': 'place-row' },
                  h('td', null, pl.name),
                  h('td', null, pl.country ?? ''),
                  h('td', { class: 'num' }, fmtNum(pl.events)),
                  h('td', { class: `num ${(pl.goldstein_mean ?? 0) < 0 ? 'neg' : 'pos'}` }, fmtNum(pl.goldstein_mean)),
                ),
              ),
            ),
          ),
    ),
  );
}
