// Entry point: picks the view for the current hash and renders it into <main id="app">.
import './style.css';
import { clear, errorBox, h } from './dom';
import { parseHash } from './router';
import type { View, ViewContext } from './view';
import { homeView } from './views/home';
import { relationView } from './views/relation';
import { eventsView, eventView } from './views/events';
import { documentView } from './views/document';
import { searchView } from './views/search';
import { mapView } from './views/map';
import { actorView } from './views/actor';
import { alertsView } from './views/alerts';

const views: Record<string, View> = {
  '': homeView,
  relation: relationView,
  events: eventsView,
  event: eventView,
  document: documentView,
  search: searchView,
  map: mapView,
  actor: actorView,
  alerts: alertsView,
};

const app = document.getElementById('app') as HTMLElement;
let current: { abort: AbortController; cleanups: (() => void)[] } | null = null;

async function render(): Promise<void> {
  if (current) {
    current.abort.abort();
    for (const fn of current.cleanups) fn();
  }
  const route = parseHash(location.hash);
  const state = { abort: new AbortController(), cleanups: [] as (() => void)[] };
  current = state;
  clear(app);
  app.setAttribute('data-view', route.name || 'home');
  for (const a of document.querySelectorAll<HTMLAnchorElement>('nav a[data-route]')) {
    a.classList.toggle('active', a.dataset.route === route.name);
  }
  const view = views[route.name];
  if (!view) {
    app.append(h('h1', null, 'Not found'), h('p', null, 'No such page: ', h('code', null, location.hash), '. ', h('a', { href: '#/' }, 'Home')));
    return;
  }
  const ctx: ViewContext = {
    root: app,
    route,
    signal: state.abort.signal,
    onCleanup: (fn) => state.cleanups.push(fn),
  };
  app.setAttribute('aria-busy', 'true'); // the stylesheet shows "Loading…" meanwhile
  try {
    await view(ctx);
  } catch (err) {
    if (state.abort.signal.aborted) return; // navigated away meanwhile: nothing to report
    console.error(err);
    app.append(errorBox(err));
  } finally {
    if (current === state) {
      app.removeAttribute('aria-busy');
      app.setAttribute('data-ready', '1');
    }
  }
}

window.addEventListener('hashchange', () => {
  app.removeAttribute('data-ready');
  void render();
});
void render();
