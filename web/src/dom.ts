// Small DOM helpers. Every string handed to them becomes a text node or an attribute value:
// text from the API (titles, bodies, comments, snippets) is never parsed as HTML, so an article
// containing `<script>` shows the tag as text. Nothing in this app uses innerHTML.

export type Child = Node | string | number | null | undefined | false | Child[];
type AttrValue = string | number | boolean | null | undefined | ((ev: Event) => void);
export type Attrs = Record<string, AttrValue>;

/** Creates an element: `on*` function attributes become listeners, `value` the live property. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs?: Attrs | null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  let value: AttrValue;
  for (const [key, v] of Object.entries(attrs ?? {})) {
    if (typeof v === 'function') {
      el.addEventListener(key.slice(2), v);
    } else if (key === 'value') {
      value = v; // set after the children: a <select> needs its options first
    } else if (key === 'style' || key.toLowerCase().startsWith('on')) {
      // Inline styles are forbidden by the server's CSP, handlers must be functions.
      throw new Error(`h(): attribute ${key} is not allowed`);
    } else if (v === true) {
      el.setAttribute(key, '');
    } else if (v !== false && v !== null && v !== undefined) {
      el.setAttribute(key, String(v));
    }
  }
  append(el, children);
  if (value !== undefined && value !== null && 'value' in el) {
    (el as HTMLInputElement).value = String(value);
  }
  return el;
}

export function append(parent: Node, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(parent, c);
    else if (c instanceof Node) parent.appendChild(c);
    else parent.appendChild(document.createTextNode(String(c)));
  }
}

export function clear(el: Element): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}

/** Only http(s) links leave the app: a `javascript:` URL from a document never becomes a link. */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** A link to an original article, opened without leaking the dashboard's URL (it may hold a token). */
export function externalLink(url: string | null | undefined, label: Child, testid?: string): HTMLElement | null {
  const href = safeHref(url);
  if (!href) return null;
  return h('a', { href, target: '_blank', rel: 'noopener noreferrer', class: 'external', 'data-testid': testid }, label);
}

/**
 * `text` with the code-point span [begin, end) wrapped in <mark>. Offsets count Unicode code
 * points (DESIGN.md), so the string is split with Array.from, not indexed as UTF-16.
 */
export function highlightSpan(text: string, span: [number, number] | null | undefined, testid = 'evidence-span'): Node[] {
  const cps = Array.from(text);
  if (!span || span.length !== 2) return [document.createTextNode(text)];
  const begin = Math.max(0, Math.min(cps.length, span[0]));
  const end = Math.max(begin, Math.min(cps.length, span[1]));
  if (begin === end) return [document.createTextNode(text)];
  return [
    document.createTextNode(cps.slice(0, begin).join('')),
    h('mark', { class: 'evidence', 'data-testid': testid }, cps.slice(begin, end).join('')),
    document.createTextNode(cps.slice(end).join('')),
  ];
}

/**
 * `text` with several code-point spans marked (merged where they overlap): the evidence of
 * every event found in one sentence.
 */
export function highlightSpans(text: string, spans: [number, number][], cls = 'evidence'): Node[] {
  const cps = Array.from(text);
  const sorted = spans
    .map(([b, e]): [number, number] => [Math.max(0, b), Math.min(cps.length, e)])
    .filter(([b, e]) => b < e)
    .sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const s of sorted) {
    const last = merged[merged.length - 1];
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
    else merged.push([s[0], s[1]]);
  }
  const out: Node[] = [];
  let pos = 0;
  for (const [b, e] of merged) {
    if (b > pos) out.push(document.createTextNode(cps.slice(pos, b).join('')));
    out.push(h('mark', { class: cls, 'data-testid': 'evidence-span' }, cps.slice(b, e).join('')));
    pos = e;
  }
  if (pos < cps.length) out.push(document.createTextNode(cps.slice(pos).join('')));
  return out;
}

/**
 * A search snippet: words between `[` and `]` are the matches (doc/api.md) and become <mark>;
 * the text's own brackets and backslashes come escaped with a backslash.
 */
export function snippetNodes(snippet: string): Node[] {
  const out: Node[] = [];
  let buf = '';
  let inMark = false;
  let escaped = false;
  const flush = () => {
    if (!buf) return;
    out.push(inMark ? h('mark', { class: 'match' }, buf) : document.createTextNode(buf));
    buf = '';
  };
  for (const ch of snippet) {
    if (escaped) {
      buf += ch;
      escaped = false;
    } else if (ch === '\\') {
      escaped = true;
    } else if (ch === '[' && !inMark) {
      flush();
      inMark = true;
    } else if (ch === ']' && inMark) {
      flush();
      inMark = false;
    } else {
      buf += ch;
    }
  }
  flush();
  return out;
}

export function fmtNum(v: number | null | undefined, digits = 2): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '–';
  return Number.isInteger(v) ? String(v) : v.toFixed(digits);
}

/** A box saying something went wrong, with the server's own message. */
export function errorBox(err: unknown): HTMLElement {
  const msg = err instanceof Error ? err.message : String(err);
  return h('div', { class: 'error', role: 'alert', 'data-testid': 'error' }, msg);
}

export function loading(label = 'Loading…'): HTMLElement {
  return h('p', { class: 'loading', 'data-testid': 'loading' }, label);
}

export function section(title: string, testid: string, ...children: Child[]): HTMLElement {
  return h('section', { class: 'panel', 'data-testid': testid }, h('h2', null, title), ...children);
}
