// Relation view: how the relation between two actors moved (mean Goldstein line over
// quad-class bars), where it turned (shift markers), and the events behind each period.
import { getJson } from '../api';
import { append, clear, errorBox, fmtNum, h, loading, section } from '../dom';
import { eventCard } from '../event-card';
import { QUAD_COLORS, QUAD_NAMES } from '../labels';
import { fillPeriods, periodRange } from '../periods';
import { link, queryString, replaceQuiet } from '../router';
import type { Dyad, EventPage, Period, Shift } from '../types';
import type { ViewContext } from '../view';
import { actorKeyInput, relationForm } from './relation-form';

const PERIODS: Period[] = ['day', 'week', 'month', 'year'];

export async function relationView({ root, route, signal, onCleanup }: ViewContext): Promise<void> {
  const q = route.query;
  const a = actorKeyInput(q.get('a') ?? '');
  const b = actorKeyInput(q.get('b') ?? '');
  const by = (PERIODS as string[]).includes(q.get('by') ?? '') ? (q.get('by') as Period) : 'month';
  const directed = q.get('directed') === '1';
  root.append(h('h1', null, a && b ? `Relation ${a} ${directed ? '→' : '–'} ${b}` : 'Relation'), relationForm({ a, b, by, directed }));
  if (!a || !b) {
    root.append(h('p', { class: 'muted' }, 'Choose two actor keys (a country code such as DZA, or an organisation such as NATO).'));
    return;
  }

  // Shift markers are a bonus: the timeline still shows when they cannot be computed.
  const [dyad, shifts] = await Promise.all([
    getJson<Dyad>('dyad', { a, b, by, directed }, signal),
    getJson<Shift[]>('shifts', { a, b, by, directed }, signal).catch(() => [] as Shift[]),
  ]);
  const rows = dyad.rows;
  if (rows.length === 0) {
    root.append(h('p', { class: 'muted', 'data-testid': 'relation-empty' }, `No event between ${a} and ${b}.`));
    return;
  }

  const total = rows.reduce((s, r) => s + r.events, 0);
  const gsum = rows.reduce((s, r) => s + r.goldstein_sum, 0);
  root.append(
    h(
      'p',
      { class: 'summary', 'data-testid': 'relation-summary' },
      `${total} events over ${rows.length} ${by}${rows.length === 1 ? '' : 's'}, mean Goldstein ${fmtNum(total ? gsum / total : null)}. `,
      h('a', { href: link('events', null, { a, b, directed }) }, 'All events of this relation'),
      ' · ',
      h('a', { href: link('map', null, { a, b, directed }) }, 'on the map'),
    ),
  );

  const chartEl = h('div', { class: 'chart', 'data-testid': 'relation-chart', 'data-periods': rows.map((r) => r.period).join(',') });
  const periodsEl = h(
    'div',
    { class: 'periods', 'data-testid': 'periods' },
    h('span', { class: 'muted' }, 'Periods: '),
    rows.map((r) =>
      h(
        'button',
        { type: 'button', class: 'period', 'data-testid': 'period-button', 'data-period': r.period, onclick: () => void showPeriod(r.period) },
        `${r.period} (${r.events})`,
      ),
    ),
  );
  const eventsEl = h('section', { class: 'panel', 'data-testid': 'period-events' }, h('p', { class: 'muted' }, 'Click a period in the chart to list its events.'));
  append(root, [section('Timeline', 'timeline', chartEl, periodsEl), shiftList(shifts, (p) => void showPeriod(p)), eventsEl]);

  async function showPeriod(period: string): Promise<void> {
    const range = periodRange(period);
    if (!range) return;
    replaceQuiet(`#/relation${queryString({ a, b, by, directed, period })}`);
    for (const btn of periodsEl.querySelectorAll('button')) btn.classList.toggle('active', btn.dataset.period === period);
    clear(eventsEl);
    eventsEl.setAttribute('data-period', period);
    eventsEl.append(h('h2', null, `Events of ${period}`));
    await pagedEvents(eventsEl, { a, b, directed, from: range.from, to: range.to }, signal);
  }

  // The chart library is loaded only now that there is something to draw.
  const { mountChart } = await import('../charts');
  if (signal.aborted) return;
  const chart = mountChart(chartEl, onCleanup);
  const categories = fillPeriods(
    rows.map((r) => r.period),
    by,
  );
  chartEl.setAttribute('data-categories', categories.join(','));
  const byPeriod = new Map(rows.map((r) => [r.period, r]));
  const shiftMarks = shifts
    .filter((s) => byPeriod.has(s.period))
    .map((s) => ({
      xAxis: s.period,
      lineStyle: { color: s.direction === 'conflict' ? QUAD_COLORS[3] : QUAD_COLORS[1], width: 2, type: 'dashed' as const },
      label: { formatter: `${s.direction === 'conflict' ? '↓' : '↑'} ${s.direction}`, color: s.direction === 'conflict' ? QUAD_COLORS[3] : QUAD_COLORS[1] },
    }));
  chart.setOption({
    animation: false,
    grid: { left: 48, right: 56, top: 40, bottom: 40 },
    legend: { top: 0 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, className: 'chart-tooltip', formatter: periodTooltip },
    xAxis: { type: 'category', data: categories },
    yAxis: [
      { type: 'value', name: 'events', minInterval: 1 },
      { type: 'value', name: 'Goldstein', min: -10, max: 10, splitLine: { show: false } },
    ],
    series: [
      ...QUAD_NAMES.map((name, i) => ({
        name,
        type: 'bar' as const,
        stack: 'quad',
        itemStyle: { color: QUAD_COLORS[i] },
        data: categories.map((p) => byPeriod.get(p)?.quad[i] ?? 0),
        ...(i === 0 && shiftMarks.length ? { markLine: { symbol: 'none', silent: true, data: shiftMarks } } : {}),
      })),
      {
        name: 'mean Goldstein',
        type: 'line' as const,
        yAxisIndex: 1,
        connectNulls: true,
        symbolSize: 8,
        itemStyle: { color: '#1f4e79' },
        data: categories.map((p) => byPeriod.get(p)?.goldstein_mean ?? null),
      },
    ],
  });
  // A click anywhere in a period's column (not only on a bar) lists that period's events.
  chart.getZr().on('click', (e) => {
    const px = [e.offsetX, e.offsetY];
    if (!chart.containPixel('grid', px)) return;
    const [idx] = chart.convertFromPixel({ gridIndex: 0 }, px) as number[];
    const period = categories[Math.round(idx)];
    if (period && byPeriod.has(period)) void showPeriod(period);
  });
  const wanted = q.get('period');
  if (wanted && byPeriod.has(wanted)) void showPeriod(wanted);
}

/**
 * The tooltip of a period, built as DOM: echarts' default one is an HTML string with inline
 * styles, which the server's CSP blocks.
 */
function periodTooltip(params: unknown): HTMLElement {
  const items = (Array.isArray(params) ? params : [params]) as { axisValue?: string; seriesName?: string; seriesIndex?: number; value?: unknown }[];
  return h(
    'div',
    null,
    h('strong', null, items[0]?.axisValue ?? ''),
    items.map((it) =>
      h(
        'div',
        { class: 'tooltip-row' },
        h('span', { class: `swatch s${it.seriesIndex ?? 0}` }),
        `${it.seriesName ?? ''}: `,
        h('b', null, typeof it.value === 'number' ? fmtNum(it.value) : '–'),
      ),
    ),
  );
}

function shiftList(shifts: Shift[], open: (period: string) => void): HTMLElement | null {
  if (shifts.length === 0) return null;
  return section(
    'Shifts',
    'shifts',
    h(
      'ul',
      { class: 'shifts' },
      shifts.map((s) =>
        h(
          'li',
          { class: `shift ${s.direction}`, 'data-testid': 'shift', 'data-period': s.period },
          h('button', { type: 'button', class: 'link-button', onclick: () => open(s.period) }, s.period),
          ` toward ${s.direction}: Goldstein ${fmtNum(s.before_mean)} → ${fmtNum(s.after_mean)} (${fmtNum(s.magnitude)}, t = ${fmtNum(s.t, 1)}, ${s.before_events} / ${s.after_events} events)`,
        ),
      ),
    ),
  );
}

/** Lists `/api/events` answers for `filter` into `el`, with a button for the next page. */
export async function pagedEvents(el: HTMLElement, filter: Record<string, string | boolean | number | undefined>, signal: AbortSignal, limit = 50): Promise<void> {
  const list = h('div', { class: 'event-list', 'data-testid': 'event-list' });
  const status = loading();
  el.append(list, status);
  let offset = 0;
  const load = async () => {
    try {
      const page = await getJson<EventPage>('events', { ...filter, limit, offset }, signal);
      if (signal.aborted || !list.isConnected) return; // navigated, or another period chosen
      status.remove();
      list.append(...page.events.map(eventCard));
      offset += page.events.length;
      if (offset === 0) list.append(h('p', { class: 'muted', 'data-testid': 'no-events' }, 'No events.'));
      if (page.more) {
        const more = h('button', { type: 'button', 'data-testid': 'more', onclick: () => { more.remove(); el.append(status); void load(); } }, 'More events');
        el.append(more);
      }
    } catch (err) {
      if (!signal.aborted) status.replaceWith(errorBox(err));
    }
  };
  await load();
}
