// Home: what the database holds, the busiest relations and actors, and a way into a relation.
import { getJson } from '../api';
import { fmtNum, h, section } from '../dom';
import { cameoName } from '../labels';
import { link } from '../router';
import type { Stats, Top } from '../types';
import type { ViewContext } from '../view';
import { relationForm } from './relation-form';
import { topTable } from './tables';

export async function homeView({ root, signal }: ViewContext): Promise<void> {
  root.append(h('h1', null, 'Overview'));
  const [stats, dyads, actors, codes] = await Promise.all([
    getJson<Stats>('stats', {}, signal),
    getJson<Top>('top', { kind: 'dyads', limit: 15 }, signal),
    getJson<Top>('top', { kind: 'actors', limit: 15 }, signal),
    getJson<Top>('top', { kind: 'codes', limit: 10 }, signal),
  ]);
  const cards: [string, number][] = [
    ['events', stats.events],
    ['evidence sentences', stats.mentions],
    ['documents', stats.documents],
    ['duplicates', stats.duplicates],
    ['reader comments', stats.comments],
    ['sentences', stats.sentences],
  ];
  root.append(
    h(
      'div',
      { class: 'stats', 'data-testid': 'stats' },
      cards.map(([label, n]) => h('div', { class: 'stat', 'data-stat': label }, h('strong', null, fmtNum(n)), h('span', null, label))),
    ),
    section('Compare two actors', 'home-relation', relationForm({})),
    h(
      'div',
      { class: 'columns' },
      section(
        'Busiest relations',
        'top-dyads',
        topTable(dyads.rows, 'relation', (r) => {
          const a = r.a ?? r.key.split('-')[0];
          const b = r.b ?? r.key.split('-')[1];
          return h('a', { href: link('relation', null, { a, b, by: 'year' }) }, `${a} – ${b}`);
        }),
      ),
      section(
        'Busiest actors',
        'top-actors',
        topTable(actors.rows, 'actor', (r) => h('a', { href: link('actor', r.key) }, r.name && r.name !== r.key ? `${r.name} (${r.key})` : r.key)),
      ),
      section(
        'Most frequent event codes',
        'top-codes',
        topTable(codes.rows, 'code', (r) => h('a', { href: link('events', null, { code: r.key }) }, `${r.key} ${r.name || cameoName(r.key)}`)),
      ),
    ),
  );
}
