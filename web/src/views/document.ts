// Document view: the article as stored (title, metadata, body), the reader comments apart from
// it, and the sentences events were coded from, highlighted where they stand.
import { getJson } from '../api';
import { externalLink, fmtNum, h, highlightSpans, section } from '../dom';
import { mentionCard } from '../event-card';
import { link } from '../router';
import type { DocumentPage, Mention } from '../types';
import type { ViewContext } from '../view';

/** The evidence sentences of a text, each with the spans of the events coded from it. */
type Evidence = Map<string, Mention[]>;

function evidenceOf(mentions: Mention[], fromComment: boolean): Evidence {
  const out: Evidence = new Map();
  for (const m of mentions) {
    if (!!m.from_comment !== fromComment || !m.text) continue;
    const list = out.get(m.text) ?? [];
    list.push(m);
    out.set(m.text, list);
  }
  return out;
}

/**
 * A paragraph as nodes: each evidence sentence found in it becomes a <mark> holding the
 * evidence words. Sentences are located by search because the API gives no paragraph offsets.
 */
function paragraphNodes(text: string, evidence: Evidence): Node[] {
  const found: { begin: number; end: number; mentions: Mention[] }[] = [];
  for (const [sentence, mentions] of evidence) {
    const at = text.indexOf(sentence);
    if (at >= 0) found.push({ begin: at, end: at + sentence.length, mentions });
  }
  found.sort((x, y) => x.begin - y.begin);
  const out: Node[] = [];
  let pos = 0;
  for (const f of found) {
    if (f.begin < pos) continue; // overlapping sentences: keep the first
    if (f.begin > pos) out.push(document.createTextNode(text.slice(pos, f.begin)));
    const sentence = text.slice(f.begin, f.end);
    const spans = f.mentions.map((m) => m.span).filter((s): s is [number, number] => !!s);
    const title = f.mentions.map((m) => `CAMEO ${m.cameo} (${m.modality})`).join(', ');
    out.push(h('mark', { class: 'evidence-sentence', title, 'data-testid': 'evidence-sentence' }, highlightSpans(sentence, spans)));
    pos = f.end;
  }
  if (pos < text.length) out.push(document.createTextNode(text.slice(pos)));
  return out;
}

export async function documentView({ root, route, signal }: ViewContext): Promise<void> {
  const doc = await getJson<DocumentPage>(`documents/${encodeURIComponent(route.param)}`, {}, signal);
  const meta: [string, Node | string | null][] = [
    ['site', doc.site],
    ['date', doc.date],
    ['modified', doc.modified],
    ['language', doc.lang],
    ['author', doc.author],
    ['format', doc.format],
    ['tone', doc.tone === null ? null : fmtNum(doc.tone)],
    ['duplicate of', doc.duplicate_of ? h('a', { href: link('document', doc.duplicate_of) }, doc.duplicate_of) : null],
    ['original', externalLink(doc.url, doc.url ?? '', 'original-link')],
    ['id', doc.id],
  ];
  const bodyEvidence = evidenceOf(doc.mentions ?? [], false);
  const commentEvidence = evidenceOf(doc.mentions ?? [], true);
  root.append(
    h('h1', { 'data-testid': 'document-title' }, doc.title || '(untitled document)'),
    h(
      'dl',
      { class: 'meta', 'data-testid': 'document-meta' },
      meta.filter(([, v]) => v !== null && v !== '').map(([k, v]) => [h('dt', null, k), h('dd', null, v)]),
    ),
    h(
      'article',
      { class: 'panel document-body', 'data-testid': 'document-body', lang: doc.lang ?? undefined },
      h('h2', null, 'Article'),
      doc.paragraphs.map((p) => h('p', null, paragraphNodes(p, bodyEvidence))),
    ),
    h(
      'section',
      { class: 'panel comments', 'data-testid': 'document-comments', 'aria-label': 'reader comments' },
      h('h2', null, `Reader comments (${doc.comments.length})`),
      h('p', { class: 'muted' }, 'Written by readers, not part of the article: events coded from them are marked as such.'),
      doc.comments.length === 0
        ? h('p', { class: 'muted' }, 'No comment.')
        : doc.comments.map((c) =>
            h(
              'blockquote',
              { class: 'comment', 'data-testid': 'comment' },
              h('p', null, paragraphNodes(c.text, commentEvidence)),
              h('footer', null, c.author ? `— ${c.author}` : '— anonymous', c.date ? `, ${c.date}` : ''),
            ),
          ),
    ),
    section(
      `Events found in this document (${doc.mentions?.length ?? 0})`,
      'document-mentions',
      (doc.mentions ?? []).map((m) => {
        const card = mentionCard(m);
        if (m.event_id !== null && m.event_id !== undefined) {
          card.querySelector('.mention-foot')?.append(h('a', { href: link('event', m.event_id) }, `event ${m.event_id}`));
        }
        return card;
      }),
    ),
  );
}
