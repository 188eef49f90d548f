/**
 * The views of the app. A route is plain data: the URL is built from it (url.ts) and the
 * app shell renders from it; steps are 0-based here and 1-based in the URL.
 */
import { clampInt, sanitizeId } from './ids.ts';

export type Route =
  | { name: 'home' }
  | { name: 'lesson'; lessonId: string; step: number }
  | { name: 'explore' }
  | { name: 'models'; modelId?: string };

export type RouteName = Route['name'];

/** Most steps a lesson may have (the URL's step runs from 1 to this). */
export const MAX_STEPS = 999;

export const HOME: Route = { name: 'home' };

/**
 * A route that can be shown: lesson ids and model ids restricted to [a-z0-9-] (an unsafe
 * lesson id sends home, an unsafe model id shows the model list) and the step clamped.
 */
export function sanitizeRoute(route: Route | null | undefined): Route {
  switch (route?.name) {
    case 'lesson': {
      const lessonId = sanitizeId(route.lessonId);
      return lessonId ? { name: 'lesson', lessonId, step: clampInt(route.step, 0, MAX_STEPS - 1) } : HOME;
    }
    case 'explore':
      return { name: 'explore' };
    case 'models': {
      const modelId = sanitizeId(route.modelId);
      return modelId ? { name: 'models', modelId } : { name: 'models' };
    }
    default:
      return HOME;
  }
}

/** Same view: a change between two unequal routes is a navigation (a new history entry). */
export function sameRoute(a: Route, b: Route): boolean {
  if (a.name !== b.name) return false;
  if (a.name === 'lesson' && b.name === 'lesson') return a.lessonId === b.lessonId && a.step === b.step;
  if (a.name === 'models' && b.name === 'models') return a.modelId === b.modelId;
  return true;
}
