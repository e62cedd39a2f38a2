// Actor page: who an actor deals with (links to each relation), what it does, what happened last.
import { getJson } from '../api';
import { fmtNum, h, section } from '../dom';
import { eventCard } from '../event-card';
import { cameoName } from '../labels';
import { link } from '../router';
import type { ActorPage } from '../types';
import type { ViewContext } from '../view';
import { topTable } from './tables';

export async function actorView({ root, route, signal }: ViewContext): Promise<void> {
  const key = route.param.trim().toUpperCase();
  const actor = await getJson<ActorPage>(`actors/${encodeURIComponent(key)}`, {}, signal);
  root.append(
    h('h1', { 'data-testid': 'actor-title' }, actor.name && actor.name !== actor.key ? `${actor.name} (${actor.key})` : actor.key),
    h(
      'p',
      { class: 'summary' },
      `${fmtNum(actor.events)} events, ${fmtNum(actor.mentions)} evidence sentences, mean Goldstein ${fmtNum(actor.goldstein_mean)}. `,
      h('a', { href: link('events', null, { actor: actor.key }) }, 'All its events'),
      ' · ',
      h('a', { href: link('map', null, { actor: actor.key }) }, 'on the map'),
    ),
    h(
      'div',
      { class: 'columns' },
      section(
        'Relations',
        'actor-relations',
        topTable(actor.relations, 'with', (r) => {
          const [a, b] = [r.a ?? r.key.split('-')[0], r.b ?? r.key.split('-')[1]];
          const other = a === actor.key ? b : a;
          return h('a', { href: link('relation', null, { a: actor.key, b: other, by: 'month' }), 'data-testid': 'relation-link' }, other);
        }),
      ),
      section(
        'Event codes',
        'actor-codes',
        topTable(actor.codes, 'CAMEO', (r) => h('a', { href: link('events', null, { actor: actor.key, code: r.key }) }, `${r.key} ${r.name || cameoName(r.key)}`)),
      ),
    ),
    section('Recent events', 'actor-recent', h('div', { class: 'event-list' }, actor.recent.length ? actor.recent.map(eventCard) : h('p', { class: 'muted' }, 'None.'))),
  );
}
