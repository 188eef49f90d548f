/**
 * The shell: header with the course's places, the current route's page, and the classroom
 * controls (presenter mode, theme, copy link). Pages get their route's parameters as
 * props; everything a link must reproduce lives in the store, which mirrors it to the URL.
 */
import { lazy, Suspense, useCallback, useState } from 'react';
import { lessonById } from '../../lessons/catalog.ts';
import { LESSON_STEP_COUNTS } from '../../lessons/registry.ts';
import {
  selectPresenter, selectProgress, selectRoute, selectSetTheme, selectTheme, selectTogglePresenter,
  hashOf, useAtlas, type Route, type Theme,
} from '../store/index.ts';
import { useDocumentTitle, usePresenterAttribute, useThemeAttribute } from './document-effects.ts';
import { HomePage } from './HomePage.tsx';
import { useKeyboard } from './keyboard.ts';
import { LessonPage } from './LessonPage.tsx';
import { ModelsPage } from './ModelsPage.tsx';
import { WidgetBoundary } from './WidgetBoundary.tsx';

const ExplorerPage = lazy(() => import('./ExplorerPage.tsx').then((m) => ({ default: m.ExplorerPage })));

function titleOf(route: Route): string {
  if (route.name === 'lesson') return lessonById(route.lessonId)?.title ?? 'No such lesson';
  if (route.name === 'explore') return 'Attention Explorer';
  if (route.name === 'models') return route.modelId ?? 'Models';
  return '';
}

function CopyLinkButton() {
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = () => {
    const done = (ok: boolean) => {
      setCopied(ok ? 'copied' : 'failed');
      setTimeout(() => setCopied('idle'), 2000);
    };
    if (!navigator.clipboard) return done(false);
    // Built from the store, not location.href: the URL is rewritten a moment after typing stops.
    const link = `${location.origin}${location.pathname}${location.search}${hashOf(useAtlas.getState())}`;
    navigator.clipboard.writeText(link).then(() => done(true), () => done(false));
  };
  return (
    <button type="button" onClick={copy} aria-live="polite">
      {copied === 'copied' ? 'Link copied' : copied === 'failed' ? 'Copy failed: use the address bar' : 'Copy link'}
    </button>
  );
}

function Header({ route }: { route: Route }) {
  const presenter = useAtlas(selectPresenter);
  const togglePresenter = useAtlas(selectTogglePresenter);
  const theme = useAtlas(selectTheme);
  const setTheme = useAtlas(selectSetTheme);
  const current = (name: Route['name']) => (route.name === name ? 'page' : undefined);
  return (
    <header className="app-header">
      <a className="brand" href="#/">Attention Atlas</a>
      <nav aria-label="Main">
        <ul>
          <li><a href="#/" aria-current={current('home') ?? (route.name === 'lesson' ? 'page' : undefined)}>Lessons</a></li>
          <li><a href="#/explore" aria-current={current('explore')}>Explorer</a></li>
          <li><a href="#/models" aria-current={current('models')}>Models</a></li>
        </ul>
      </nav>
      <div className="header-tools">
        <span className="chrome"><CopyLinkButton /></span>
        <label className="chrome theme-picker">
          <span className="visually-hidden">Theme</span>
          <select value={theme} onChange={(e) => setTheme(e.target.value as Theme)} aria-label="Theme">
            <option value="system">System theme</option>
            <option value="light">Light</option>
            <option value="dark">Dark</option>
          </select>
        </label>
        <button type="button" aria-pressed={presenter} onClick={togglePresenter} title="Presenter mode (P)">
          {presenter ? 'Leave presenter mode' : 'Presenter mode'}
        </button>
      </div>
    </header>
  );
}

function Page({ route }: { route: Route }) {
  const progress = useAtlas(selectProgress);
  const onVisit = useCallback((id: string, step: number, of: number) => {
    const s = useAtlas.getState();
    if (step === of) s.completeLesson(id);
  }, []);
  switch (route.name) {
    case 'lesson':
      return <LessonPage lessonId={route.lessonId} step={route.step + 1} onVisit={onVisit} />;
    case 'explore':
      return (
        <Suspense fallback={<main id="main" tabIndex={-1}><h1>Attention Explorer</h1><p className="status">Loading the Explorer…</p></main>}>
          <ExplorerPage />
        </Suspense>
      );
    case 'models':
      return <ModelsPage modelId={route.modelId} />;
    default:
      return <HomePage progress={progress} stepCounts={LESSON_STEP_COUNTS} />;
  }
}

export function App() {
  const route = useAtlas(selectRoute);
  const theme = useAtlas(selectTheme);
  const presenter = useAtlas(selectPresenter);
  useThemeAttribute(theme);
  usePresenterAttribute(presenter);
  useDocumentTitle(titleOf(route));
  useKeyboard(useAtlas);
  return (
    <>
      <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>
        Skip to content
      </a>
      <Header route={route} />
      <WidgetBoundary name="This page">
        <Page route={route} />
      </WidgetBoundary>
      <footer className="app-footer chrome">
        Every number on these pages is computed in your browser by Attention Atlas's TypeScript runtime. Keys: P presenter
        mode · ←/→ steps · ↑/↓ layer · [ ] head.
      </footer>
    </>
  );
}
