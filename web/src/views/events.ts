// Event explorer (every filter of doc/api.md, paged) and the page of one event.
import { apiLink, getJson } from '../api';
import { h, section } from '../dom';
import { eventCard, mentionCard } from '../event-card';
import { MODALITIES, QUAD_NAMES } from '../labels';
import { link, type Params } from '../router';
import type { EventPage, VigieEvent } from '../types';
import type { ViewContext } from '../view';

/** The filter parameters of /api/events, /api/places and /api/export, in form order. */
export const FILTERS = ['actor', 'a', 'b', 'directed', 'code', 'quad', 'modality', 'lang', 'site', 'from', 'to', 'text'] as const;
const PAGE = 50;

export function filtersFrom(query: URLSearchParams): Params {
  const out: Params = {};
  for (const k of FILTERS) {
    const v = query.get(k)?.trim();
    if (v) out[k] = v;
  }
  return out;
}

function select(name: string, value: string | undefined, options: [string, string][]): HTMLSelectElement {
  return h('select', { name, value: value ?? '', 'data-testid': `filter-${name}` }, options.map(([v, label]) => h('option', { value: v }, label)));
}

/** The filter form; submitting navigates to `route` with the filters in the hash. */
export function filterForm(route: string, f: Params, extra: HTMLElement[] = []): HTMLFormElement {
  const str = (k: string) => (f[k] === undefined ? undefined : String(f[k]));
  const input = (name: string, label: string, attrs: Record<string, string | number> = {}) =>
    h('label', null, label, ' ', h('input', { name, value: str(name) ?? '', 'data-testid': `filter-${name}`, ...attrs }));
  const form = h(
    'form',
    {
      class: 'filters',
      'data-testid': 'filters',
      onsubmit: (ev: Event) => {
        ev.preventDefault();
        const data = new FormData(form);
        const params: Params = {};
        for (const k of FILTERS) {
          const v = data.get(k);
          if (typeof v === 'string' && v.trim()) params[k] = k === 'a' || k === 'b' || k === 'actor' ? v.trim().toUpperCase() : v.trim();
        }
        // A dyad needs both sides (the API answers 400 otherwise): one side alone is an actor.
        if (!params.a !== !params.b && !params.actor) {
          params.actor = params.a ?? params.b;
          delete params.a;
          delete params.b;
        }
        location.hash = link(route, null, params);
      },
    },
    input('actor', 'Actor', { placeholder: 'DZA', size: 8 }),
    input('a', 'Dyad', { placeholder: 'MLI', size: 6 }),
    input('b', '–', { placeholder: 'UKR', size: 6 }),
    h('label', null, h('input', { type: 'checkbox', name: 'directed', value: '1', checked: f.directed === '1' }), ' a → b only'),
    input('code', 'CAMEO', { placeholder: '16', size: 5 }),
    h('label', null, 'Quad ', select('quad', str('quad'), [['', 'any'], ...QUAD_NAMES.map((n, i): [string, string] => [String(i + 1), `${i + 1} ${n}`])])),
    h('label', null, 'Modality ', select('modality', str('modality'), [['', 'any'], ...MODALITIES.map((m): [string, string] => [m, m])])),
    h('label', null, 'Language ', select('lang', str('lang'), [['', 'any'], ['fr', 'fr'], ['en', 'en']])),
    input('site', 'Site', { placeholder: 'fr.wikinews.org', size: 14 }),
    input('from', 'From', { type: 'date' }),
    input('to', 'To', { type: 'date' }),
    input('text', 'Words', { placeholder: 'full-text', size: 16 }),
    h('button', { type: 'submit', 'data-testid': 'filter-submit' }, 'Filter'),
    h('a', { href: link(route), class: 'reset' }, 'Reset'),
    ...extra,
  );
  return form;
}

export async function eventsView({ root, route, signal }: ViewContext): Promise<void> {
  const f = filtersFrom(route.query);
  const offset = Math.max(0, parseInt(route.query.get('offset') ?? '0', 10) || 0);
  root.append(
    h('h1', null, 'Events'),
    filterForm('events', f),
    h(
      'p',
      { class: 'exports' },
      'Export these events: ',
      (['csv', 'jsonl', 'gdelt'] as const).map((format) => [h('a', { href: apiLink('export', { ...f, format }), download: `vigie-events.${format === 'gdelt' ? 'tsv' : format}` }, format), ' ']),
    ),
  );
  const page = await getJson<EventPage>('events', { ...f, limit: PAGE, offset }, signal);
  const pager = h(
    'nav',
    { class: 'pager', 'data-testid': 'pager' },
    offset > 0 ? h('a', { href: link('events', null, { ...f, offset: Math.max(0, offset - PAGE) || undefined }), 'data-testid': 'prev' }, '← newer') : null,
    h('span', { class: 'muted' }, page.events.length ? `events ${offset + 1}–${offset + page.events.length}` : 'no events'),
    page.more ? h('a', { href: link('events', null, { ...f, offset: offset + PAGE }), 'data-testid': 'next' }, 'older →') : null,
  );
  root.append(
    pager,
    h(
      'div',
      { class: 'event-list', 'data-testid': 'event-list', 'data-count': page.events.length },
      page.events.length ? page.events.map(eventCard) : h('p', { class: 'muted', 'data-testid': 'no-events' }, 'No event matches these filters.'),
    ),
    pager.cloneNode(true),
  );
}

export async function eventView({ root, route, signal }: ViewContext): Promise<void> {
  const ev = await getJson<VigieEvent>(`events/${encodeURIComponent(route.param)}`, {}, signal);
  const mentions = Array.isArray(ev.mentions) ? ev.mentions : [];
  const a = ev.source?.country ?? ev.source?.org;
  const b = ev.target?.country ?? ev.target?.org;
  root.append(
    h('h1', null, `Event ${ev.id}`),
    eventCard({ ...ev, mentions: mentions.length }),
    h(
      'p',
      null,
      ev.first_seen ? `Reported from ${ev.first_seen} to ${ev.last_seen ?? ev.first_seen}` : '',
      ev.articles !== undefined ? ` in ${ev.articles} article${ev.articles === 1 ? '' : 's'}` : '',
      ev.sources !== undefined ? ` from ${ev.sources} source${ev.sources === 1 ? '' : 's'}. ` : '. ',
      a && b ? h('a', { href: link('relation', null, { a, b, by: 'month' }) }, `Relation ${a} – ${b}`) : null,
    ),
    section('Evidence', 'event-mentions', mentions.map(mentionCard)),
  );
}
