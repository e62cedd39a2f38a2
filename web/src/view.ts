// What a view gets: where to draw, the route, and the lifetime of this rendering.
import type { Route } from './router';

export interface ViewContext {
  root: HTMLElement;
  route: Route;
  /** Aborted when the user navigates away: pending fetches stop and must not draw. */
  signal: AbortSignal;
  /** Registers what to undo on navigation (chart instances, observers). */
  onCleanup(fn: () => void): void;
}

export type View = (ctx: ViewContext) => void | Promise<void>;
