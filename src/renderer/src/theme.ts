// Light or dark: follows the system setting unless the user chose one in Settings. The choice is
// kept in this computer's localStorage (a display preference, like the window size) so it applies
// before the first paint; the resolved theme is set on <html data-theme="light|dark">, which the
// style sheets (styles.css, theme.css) key on.

export type ThemePref = 'system' | 'light' | 'dark'
export const THEME_PREFS: readonly ThemePref[] = ['system', 'light', 'dark']
export const THEME_STORAGE_KEY = 'osseoplan.theme'

const listeners = new Set<() => void>()

export function readThemePref(): ThemePref {
  try {
    const v = window.localStorage.getItem(THEME_STORAGE_KEY)
    return v === 'light' || v === 'dark' ? v : 'system'
  } catch {
    return 'system'
  }
}

function systemDark(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-color-scheme: dark)').matches
}

export function resolveTheme(pref: ThemePref, prefersDark: boolean): 'light' | 'dark' {
  return pref === 'system' ? (prefersDark ? 'dark' : 'light') : pref
}

export function applyTheme(pref: ThemePref = readThemePref()): void {
  document.documentElement.dataset['theme'] = resolveTheme(pref, systemDark())
}

export function setThemePref(pref: ThemePref): void {
  try {
    if (pref === 'system') window.localStorage.removeItem(THEME_STORAGE_KEY)
    else window.localStorage.setItem(THEME_STORAGE_KEY, pref)
  } catch {
    // Storage unavailable: the choice holds for this session only.
  }
  applyTheme(pref)
  listeners.forEach((l) => l())
}

export function onThemePrefChange(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** Applies the stored choice now and follows the system setting while the choice is "system". */
export function startTheme(): void {
  applyTheme()
  if (typeof window.matchMedia !== 'function') return
  window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => {
    if (readThemePref() === 'system') applyTheme('system')
  })
}
