/** Route slice: which view is showing. Navigating to a lesson step also records the visit. */
import { sanitizeRoute, sameRoute, type Route } from '../route.ts';
import type { ActionsCreator } from '../state.ts';

export interface RouteState {
  route: Route;
}

export interface RouteActions {
  /** Shows a route (sanitized: an unsafe id goes home); a lesson step counts as visited. */
  navigate(route: Route): void;
}

export const createRouteActions: ActionsCreator<RouteActions> = (set, get) => ({
  navigate: (to) => {
    const route = sanitizeRoute(to);
    if (!sameRoute(route, get().route)) set({ route });
    if (route.name === 'lesson') get().visitStep(route.lessonId, route.step);
  },
});
