// Hash routing (`#/relation?a=DZA&b=RUS`, `#/document/ID`): the server serves one index.html
// and needs no fallback for client-side paths.

export interface Route {
  /** First path segment: `relation`, `events`, `document`… ('' for home). */
  name: string;
  /** The rest of the path, decoded: a document id, an actor key, an event id. */
  param: string;
  query: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#\/?/, '');
  const q = raw.indexOf('?');
  const path = q < 0 ? raw : raw.slice(0, q);
  const query = new URLSearchParams(q < 0 ? '' : raw.slice(q + 1));
  const slash = path.indexOf('/');
  const name = slash < 0 ? path : path.slice(0, slash);
  let param = slash < 0 ? '' : path.slice(slash + 1);
  try {
    param = decodeURIComponent(param);
  } catch {
    // A malformed escape is kept as typed: the server answers 404 for it.
  }
  return { name, param, query };
}

export type Params = Record<string, string | number | boolean | null | undefined>;

/** Query string of the non-empty parameters, in the given order. */
export function queryString(params: Params): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === null || v === undefined || v === '' || v === false) continue;
    q.set(k, v === true ? '1' : String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** `#/name/param?query`: the href of an in-app link. */
export function link(name: string, param?: string | number | null, params: Params = {}): string {
  const p = param === undefined || param === null || param === '' ? '' : `/${encodeURIComponent(String(param))}`;
  return `#/${name}${p}${queryString(params)}`;
}

/** Changes the URL without re-rendering (state kept in the URL so a view can be shared). */
export function replaceQuiet(hash: string): void {
  history.replaceState(history.state, '', hash);
}
