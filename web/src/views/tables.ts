// Tables shared by several views.
import { fmtNum, h } from '../dom';
import type { TopRow } from '../types';

/** A `/api/top` answer: the first column is a link built by `head`. */
export function topTable(rows: TopRow[], what: string, head: (r: TopRow) => Node): HTMLElement {
  if (rows.length === 0) return h('p', { class: 'muted' }, 'Nothing yet.');
  return h(
    'table',
    { class: 'top' },
    h('thead', null, h('tr', null, h('th', null, what), h('th', { class: 'num' }, 'events'), h('th', { class: 'num' }, 'mentions'), h('th', { class: 'num' }, 'Goldstein'))),
    h(
      'tbody',
      null,
      rows.map((r) =>
        h(
          'tr',
          { 'data-key': r.key },
          h('td', null, head(r)),
          h('td', { class: 'num' }, fmtNum(r.events)),
          h('td', { class: 'num' }, fmtNum(r.mentions)),
          h('td', { class: `num ${(r.goldstein_mean ?? 0) < 0 ? 'neg' : 'pos'}` }, fmtNum(r.goldstein_mean)),
        ),
      ),
    ),
  );
}
