/**
 * What the app does to the document as a whole: the theme and presenter mode as attributes
 * on <html> (CSS reads them), full screen for presenter mode where the browser allows it,
 * and the page title per route.
 */
import { useEffect } from 'react';
import type { Theme } from '../store/index.ts';

function systemDark(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
}

/** Keeps data-theme on <html> in step with the preference (and the system's, for 'system'). */
export function useThemeAttribute(theme: Theme): void {
  useEffect(() => {
    const apply = () => {
      document.documentElement.dataset.theme = theme === 'system' ? (systemDark() ? 'dark' : 'light') : theme;
    };
    apply();
    if (theme !== 'system' || typeof matchMedia !== 'function') return;
    const query = matchMedia('(prefers-color-scheme: dark)');
    query.addEventListener('change', apply);
    return () => query.removeEventListener('change', apply);
  }, [theme]);
}

/**
 * Presenter mode: data-presenter on <html>, and full screen when the browser grants it (it
 * may refuse outside a user gesture; the large type still applies).
 */
export function usePresenterAttribute(presenter: boolean): void {
  useEffect(() => {
    document.documentElement.dataset.presenter = String(presenter);
    const fullscreen = document.fullscreenElement !== null && document.fullscreenElement !== undefined;
    if (presenter && !fullscreen && document.documentElement.requestFullscreen) {
      document.documentElement.requestFullscreen().catch(() => undefined);
    } else if (!presenter && fullscreen && document.exitFullscreen) {
      document.exitFullscreen().catch(() => undefined);
    }
  }, [presenter]);
}

export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · Attention Atlas` : 'Attention Atlas';
  }, [title]);
}
