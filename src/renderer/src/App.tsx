// The application shell: top navigation between the plan library, the editor and settings,
// and the native menu's commands routed to the same actions.
import { lazy, Suspense, useEffect, useRef, useState, type MouseEvent } from 'react'
import { onMenuCommand } from './platform'
import { navigate, routeHash, useRoute, type Route } from './router'
import { createAndOpenPlan } from './features/library/create-plan'
import { LibraryPage } from './features/library/LibraryPage'
import { PlanningContextProvider } from './features/settings/planning-context'
import { FirstRunGate } from './features/onboarding/FirstRunGate'
import { DatabaseNotice } from './features/library/DatabaseNotice'
import { ScreenErrorBoundary } from './components/ScreenErrorBoundary'
import { whenIdle } from './when-idle'

// The first screen is the library; the other screens load on first use (docs/performance.md, "Size").
const EditorPage = lazy(() => import('./features/editor/EditorPage').then((m) => ({ default: m.EditorPage })))
const SummaryPage = lazy(() => import('./features/print/SummaryPage').then((m) => ({ default: m.SummaryPage })))
const OutcomesPage = lazy(() => import('./features/outcomes/OutcomesPage').then((m) => ({ default: m.OutcomesPage })))
let auditModule: typeof import('./features/outcomes/AuditPage') | null = null
const loadAuditPage = () => import('./features/outcomes/AuditPage').then((m) => (auditModule = m))
const LazyAuditPage = lazy(() => loadAuditPage().then((m) => ({ default: m.AuditPage })))

/** The Audit screen, drawn at once when its code is already loaded (it loads when the app is idle):
 *  React.lazy suspends on its first use even then, and React holds a screen that suspended back
 *  for 300 ms before showing it. Chosen once per opening, so the screen never re-mounts. */
function AuditScreen() {
  const [Screen] = useState(() => auditModule?.AuditPage ?? LazyAuditPage)
  return <Screen />
}
const SettingsPage = lazy(() => import('./features/settings/SettingsPage').then((m) => ({ default: m.SettingsPage })))

function NavLink({ route, current, label, preload }: { route: Route; current: Route; label: string; preload?: () => Promise<unknown> }) {
  const active = route.name === current.name
  // Pointing at or focusing the link starts loading its screen's code before the click (a failure
  // here is ignored: the screen's own load reports it).
  const early = preload && !active ? () => void Promise.resolve(preload()).catch(() => undefined) : undefined
  return (
    <a className={active ? 'nav-link active' : 'nav-link'} aria-current={active ? 'page' : undefined} href={routeHash(route)} onPointerEnter={early} onFocus={early}>
      {label}
    </a>
  )
}

/** Moves focus to the main content (the skip link). */
function focusMain(event?: MouseEvent): void {
  event?.preventDefault() // the URL fragment is the route: a plain #main link would navigate
  document.getElementById('main')?.focus()
}

/** The screen's name, read out when a new screen takes focus. */
const SCREEN_NAMES: Record<Route['name'], string> = {
  library: 'Plans',
  editor: 'Plan editor',
  summary: 'Plan summary',
  theatre: 'Theatre sheet',
  settings: 'Settings',
  outcomes: 'After surgery',
  audit: 'Audit'
}

export function App() {
  const route = useRoute()
  const hash = routeHash(route)

  // A new screen replaces the control that opened it; focus would fall back to the page body.
  // It goes to the screen's name at the top of the page instead: screen readers announce the
  // new screen, and the first Tab reaches "Skip to main content" on every screen, as on the
  // first one (user guide, Keyboard). Not on the first screen after start.
  const shownHash = useRef(hash)
  const screenName = useRef<HTMLParagraphElement>(null)
  useEffect(() => {
    if (shownHash.current === hash) return
    shownHash.current = hash
    screenName.current?.focus()
  }, [hash])

  // The Audit screen's code (the largest screen after the editor's) loads once the first screen is
  // drawn and the page is idle, so opening the Audit does not wait for it (docs/performance.md,
  // "Audit screen"); pointing at its link still starts it sooner. A failure is ignored here: the
  // screen's own load reports it.
  useEffect(() => whenIdle(() => void loadAuditPage().catch(() => undefined)), [])

  useEffect(
    () =>
      onMenuCommand((command) => {
        if (command === 'new-plan') void createAndOpenPlan()
        else if (command === 'open-library') navigate({ name: 'library' })
        else if (command === 'open-settings') navigate({ name: 'settings' })
        else window.dispatchEvent(new CustomEvent('osseoplan:command', { detail: command }))
      }),
    []
  )

  return (
    <div className="app">
      <p className="visually-hidden screen-name" tabIndex={-1} ref={screenName} data-testid="screen-name">
        {SCREEN_NAMES[route.name]}
      </p>
      <a className="skip-link" href="#main" onClick={focusMain}>
        Skip to main content
      </a>
      <header className="app-header">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" />
          OsseoPlan
        </div>
        <nav aria-label="Main">
          <NavLink route={{ name: 'library' }} current={route} label="Plans" />
          {route.name === 'outcomes' && (
            <a className="nav-link active" aria-current="page" href={routeHash(route)}>
              After surgery
            </a>
          )}
          {(route.name === 'editor' || route.name === 'summary' || route.name === 'theatre') && (
            <a className="nav-link active" aria-current="page" href={`#/plans/${route.planId}`}>
              Plan editor
            </a>
          )}
          <NavLink route={{ name: 'audit' }} current={route} label="Audit" preload={loadAuditPage} />
          <NavLink route={{ name: 'settings' }} current={route} label="Settings" />
        </nav>
        <div className="header-note">Decision support for qualified surgeons</div>
      </header>
      <DatabaseNotice />
      <main className="app-main" id="main" tabIndex={-1}>
        <PlanningContextProvider>
          <FirstRunGate>
            <ScreenErrorBoundary resetKey={hash}>
              <Suspense fallback={<p className="empty">Loading…</p>}>
                {route.name === 'library' && <LibraryPage />}
                {route.name === 'editor' && <EditorPage key={route.planId} planId={route.planId} />}
                {(route.name === 'summary' || route.name === 'theatre') && (
                  <SummaryPage
                    key={`${route.name}/${route.planId}/${route.revisionId ?? ''}`}
                    planId={route.planId}
                    document={route.name}
                    {...(route.revisionId ? { revisionId: route.revisionId } : {})}
                  />
                )}
                {route.name === 'settings' && <SettingsPage />}
                {route.name === 'outcomes' && <OutcomesPage key={route.planId} planId={route.planId} />}
                {route.name === 'audit' && <AuditScreen />}
              </Suspense>
            </ScreenErrorBoundary>
          </FirstRunGate>
        </PlanningContextProvider>
      </main>
    </div>
  )
}
