// How one event or one evidence sentence is shown everywhere: who → whom, CAMEO code,
// Goldstein, modality badge and the sentence with its evidence words highlighted.
import { getJson } from './api';
import { cameoName, quadName } from './labels';
import { errorBox, externalLink, fmtNum, h, highlightSpan, loading } from './dom';
import { link } from './router';
import type { Actor, Mention, VigieEvent } from './types';

/** `Mali (MLI)`, or the bare code when the coder had no name. */
export function actorLabel(a: Actor | null | undefined): string {
  if (!a) return '?';
  const key = a.code ?? a.country ?? a.org ?? '?';
  return a.name && a.name !== key ? `${a.name} (${key})` : key;
}

/** The key actor pages and relations use: country, else org (DESIGN.md). */
export function actorKey(a: Actor | null | undefined): string | null {
  return a?.country ?? a?.org ?? a?.code ?? null;
}

function actorLink(a: Actor | null | undefined): HTMLElement {
  const key = actorKey(a);
  const label = actorLabel(a);
  return key ? h('a', { href: link('actor', key), class: 'actor' }, label) : h('span', { class: 'actor' }, label);
}

export function modalityBadge(m: string): HTMLElement {
  return h('span', { class: `badge modality modality-${m}`, 'data-testid': 'modality-badge', title: 'modality' }, m);
}

function goldsteinBadge(g: number): HTMLElement {
  const cls = g > 0 ? 'pos' : g < 0 ? 'neg' : 'zero';
  return h('span', { class: `badge goldstein ${cls}`, title: 'Goldstein score (-10 conflict … +10 cooperation)' }, `G ${fmtNum(g, 1)}`);
}

function cameoBadge(cameo: string, quad?: number): HTMLElement {
  const q = quad ? ` · ${quadName(quad)}` : '';
  return h('span', { class: `badge cameo quad-${quad ?? 0}`, title: `${cameoName(cameo)}${q}`, 'data-testid': 'cameo' }, `CAMEO ${cameo}`);
}

/** The links of a sentence: its document in the app, and the original article when known. */
function sourceLinks(docId: string, url: string | null, site: string | null): HTMLElement {
  return h(
    'span',
    { class: 'links' },
    h('a', { href: link('document', docId), 'data-testid': 'document-link' }, 'document'),
    site ? h('span', { class: 'site' }, site) : null,
    externalLink(url, 'original ↗', 'original-link'),
  );
}

export function eventCard(ev: VigieEvent): HTMLElement {
  const count = typeof ev.mentions === 'number' ? ev.mentions : ev.mentions.length;
  const details = h('div', { class: 'mentions', hidden: true });
  let loaded = false;
  const toggle = h(
    'button',
    {
      type: 'button',
      class: 'link-button',
      'data-testid': 'event-expand',
      'aria-expanded': 'false',
      onclick: () => {
        details.hidden = !details.hidden;
        toggle.setAttribute('aria-expanded', String(!details.hidden));
        if (!loaded && !details.hidden) {
          loaded = true;
          void loadMentions(ev.id, details);
        }
      },
    },
    `evidence (${count} mention${count === 1 ? '' : 's'})`,
  );
  return h(
    'article',
    { class: `event quad-${ev.quad}`, 'data-testid': 'event', 'data-event-id': ev.id },
    h(
      'header',
      null,
      h('a', { href: link('event', ev.id), class: 'date', title: 'event page' }, ev.date ?? 'undated'),
      ' ',
      actorLink(ev.source),
      ' → ',
      actorLink(ev.target),
      ' ',
      cameoBadge(ev.cameo, ev.quad),
      goldsteinBadge(ev.goldstein),
      modalityBadge(ev.modality),
    ),
    h('p', { class: 'sentence', lang: ev.lang ?? undefined }, highlightSpan(ev.text, ev.evidence)),
    h(
      'footer',
      null,
      h('span', { class: 'code-name' }, cameoName(ev.cameo)),
      ev.location?.name ? h('span', { class: 'place', title: 'where' }, `at ${ev.location.name}`) : null,
      sourceLinks(ev.doc_id, ev.url, ev.site),
      ev.sources && ev.sources > 1 ? h('span', { class: 'muted' }, `${ev.sources} sources`) : null,
      toggle,
    ),
    details,
  );
}

async function loadMentions(id: number, into: HTMLElement): Promise<void> {
  into.append(loading());
  try {
    const full = await getJson<VigieEvent>(`events/${id}`);
    into.replaceChildren(...(Array.isArray(full.mentions) ? full.mentions.map(mentionCard) : [h('p', null, 'no mentions')]));
  } catch (err) {
    into.replaceChildren(errorBox(err));
  }
}

export function mentionCard(m: Mention): HTMLElement {
  return h(
    'div',
    { class: 'mention', 'data-testid': 'mention' },
    h(
      'div',
      { class: 'mention-head' },
      h('span', { class: 'date' }, m.date ?? 'undated'),
      ' ',
      h('span', null, `${actorLabel(m.source)} → ${actorLabel(m.target)}`),
      ' ',
      cameoBadge(m.cameo),
      goldsteinBadge(m.goldstein),
      modalityBadge(m.modality),
      m.from_comment ? h('span', { class: 'badge comment' }, 'reader comment') : null,
      m.counted === false ? h('span', { class: 'badge muted', title: 'duplicate article: not counted' }, 'not counted') : null,
    ),
    h('p', { class: 'sentence', lang: m.lang ?? undefined }, highlightSpan(m.text, m.span)),
    h('div', { class: 'mention-foot' }, sourceLinks(m.doc_id, m.url, m.site), m.rule ? h('code', { class: 'rule' }, m.rule) : null),
  );
}
