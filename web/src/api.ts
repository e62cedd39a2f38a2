// The one place that talks to `vigie serve`. Paths are relative (`api/…`) so the dashboard
// also works behind a proxy that mounts it under a prefix.
import { queryString, type Params } from './router';

/** `?token=XYZ` on the dashboard's own URL is passed on to every API call (doc/api.md). */
const token = new URLSearchParams(location.search).get('token');

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function apiPath(path: string, params: Params = {}): string {
  return `api/${path}${queryString(params)}`;
}

export async function getJson<T>(path: string, params: Params = {}, signal?: AbortSignal): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  let res: Response;
  try {
    res = await fetch(apiPath(path, params), { headers, signal });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new ApiError(0, `cannot reach the vigie server (${String(err)})`);
  }
  if (!res.ok) {
    let msg = `${res.status} ${res.statusText}`;
    try {
      const body = (await res.json()) as { error?: string };
      if (body && typeof body.error === 'string') msg = `${res.status}: ${body.error}`;
    } catch {
      // Not JSON: keep the status line.
    }
    if (res.status === 401) msg += ' — open the dashboard with ?token=YOUR_TOKEN in its URL';
    throw new ApiError(res.status, msg);
  }
  return (await res.json()) as T;
}

/**
 * URL of an API resource meant to be opened as a link (Atom feed, export): a link cannot carry
 * a header, so the token goes in the query, which the server also accepts.
 */
export function apiLink(path: string, params: Params = {}): string {
  return apiPath(path, token ? { ...params, token } : params);
}
