// Full-text search over the stored documents; matches come marked `[like this]` in snippets.
import { getJson } from '../api';
import { h, snippetNodes } from '../dom';
import { link } from '../router';
import type { SearchHit } from '../types';
import type { ViewContext } from '../view';

export async function searchView({ root, route, signal }: ViewContext): Promise<void> {
  const q = route.query.get('q')?.trim() ?? '';
  const input = h('input', { type: 'search', name: 'q', value: q, placeholder: 'Tebboune Lavrov', size: 40, 'aria-label': 'words', 'data-testid': 'search-input' });
  root.append(
    h('h1', null, 'Search documents'),
    h(
      'form',
      {
        class: 'inline-form',
        role: 'search',
        'data-testid': 'search-form',
        onsubmit: (ev: Event) => {
          ev.preventDefault();
          location.hash = link('search', null, { q: input.value.trim() });
        },
      },
      input,
      h('button', { type: 'submit' }, 'Search'),
    ),
  );
  if (!q) return;
  const hits = await getJson<SearchHit[]>('search', { q, limit: 30 }, signal);
  root.append(
    h('p', { class: 'muted', 'data-testid': 'search-count' }, `${hits.length} document${hits.length === 1 ? '' : 's'}`),
    h(
      'ol',
      { class: 'hits', 'data-testid': 'search-results' },
      hits.map((hit) =>
        h(
          'li',
          { class: 'hit', 'data-testid': 'search-result', 'data-doc-id': hit.doc_id },
          h('a', { href: link('document', hit.doc_id), class: 'title', 'data-testid': 'search-result-link' }, hit.title || `(untitled) ${hit.doc_id}`),
          h('div', { class: 'muted' }, [hit.date ?? 'undated', hit.site, hit.lang].filter(Boolean).join(' · ')),
          h('p', { class: 'snippet', 'data-testid': 'snippet' }, snippetNodes(hit.snippet ?? '')),
        ),
      ),
    ),
  );
}
