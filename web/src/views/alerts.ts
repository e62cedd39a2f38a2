// Alerts: the watches followed (`vigie watch`) and the alerts they raised, newest first.
import { apiLink, getJson } from '../api';
import { h, section } from '../dom';
import { periodKind, periodRange } from '../periods';
import { link } from '../router';
import type { Alert, Watch } from '../types';
import type { ViewContext } from '../view';

/** `created` as a readable UTC time: unix seconds, or a string passed through. */
function when(created: number | string | null): string {
  if (created === null || created === '') return '';
  if (typeof created === 'number') return new Date(created * 1000).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
  return created;
}

function watchTarget(w: Watch | undefined, period?: string | null): HTMLElement | null {
  if (!w) return null;
  if (w.a && w.b) {
    return h('a', { href: link('relation', null, { a: w.a, b: w.b, by: (period && periodKind(period)) || 'month', period: period ?? undefined }), 'data-testid': 'watch-relation' }, `relation ${w.a} – ${w.b}`);
  }
  if (w.a) return h('a', { href: link('actor', w.a) }, `actor ${w.a}`);
  if (w.query) return h('a', { href: link('events', null, { text: w.query }) }, `events about “${w.query}”`);
  return null;
}

export async function alertsView({ root, route, signal }: ViewContext): Promise<void> {
  const watchId = route.query.get('watch') ?? undefined;
  const [watches, alerts] = await Promise.all([
    getJson<Watch[]>('watches', {}, signal),
    getJson<Alert[]>('alerts', { limit: 100, watch: watchId }, signal),
  ]);
  const byId = new Map(watches.map((w) => [w.id, w]));
  root.append(
    h('h1', null, 'Alerts'),
    h('p', null, h('a', { href: apiLink('alerts.atom'), 'data-testid': 'atom-link', type: 'application/atom+xml' }, 'Atom feed of these alerts'), ' (subscribe in a feed reader).'),
    section(
      `Watches (${watches.length})`,
      'watches',
      watches.length === 0
        ? h('p', { class: 'muted' }, 'Nothing is watched yet: add a watch with `vigie watch`.')
        : h(
            'ul',
            { class: 'watches' },
            watches.map((w) =>
              h(
                'li',
                { 'data-testid': 'watch' },
                h('a', { href: link('alerts', null, { watch: w.id }) }, w.label || `watch ${w.id}`),
                ` (${w.kind}${w.created ? `, since ${when(w.created)}` : ''}) `,
                watchTarget(w),
              ),
            ),
          ),
    ),
    section(
      watchId ? `Alerts of ${byId.get(Number(watchId))?.label ?? `watch ${watchId}`}` : `Alerts (${alerts.length})`,
      'alerts',
      watchId ? h('p', null, h('a', { href: link('alerts') }, 'All alerts')) : null,
      alerts.length === 0
        ? h('p', { class: 'muted', 'data-testid': 'no-alerts' }, 'No alert.')
        : alerts.map((al) => {
            const w = byId.get(al.watch);
            const range = al.period ? periodRange(al.period) : null;
            return h(
              'article',
              { class: 'alert', 'data-testid': 'alert' },
              h('h3', null, al.title || al.label || `alert ${al.id}`),
              h('div', { class: 'muted' }, [when(al.created), al.label, al.kind, al.period].filter(Boolean).join(' · ')),
              al.summary ? h('p', null, al.summary) : null,
              h(
                'p',
                { class: 'links' },
                watchTarget(w, al.period),
                w?.a && w.b && range ? [' · ', h('a', { href: link('events', null, { a: w.a, b: w.b, from: range.from, to: range.to }) }, 'events of the period')] : null,
                al.events.length ? [' · events: ', al.events.slice(0, 20).map((id) => [h('a', { href: link('event', id) }, `#${id}`), ' '])] : null,
              ),
            );
          }),
    ),
  );
}
