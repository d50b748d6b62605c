// Electron security checklist as data and small pure functions, so each item has a unit test.
import type { WebPreferences } from 'electron'
import { APP_ORIGIN } from '../shared/ipc'
import { CONTENT_SECURITY_POLICY } from '../shared/security-policy'

export { CONTENT_SECURITY_POLICY }

export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    // Middle-click would otherwise open links in new windows (auxclick).
    disableBlinkFeatures: 'Auxclick'
  }
}

/** The origins the renderer may be loaded from: the packaged app, or the dev server in development. */
export function trustedOrigins(devServerUrl: string | undefined): string[] {
  const origins = [APP_ORIGIN]
  if (devServerUrl) {
    const parsed = safeUrl(devServerUrl)
    if (parsed && (parsed.hostname === 'localhost' || parsed.hostname === '127.0.0.1')) origins.push(parsed.origin)
  }
  return origins
}

export function safeUrl(value: string): URL | null {
  try {
    return new URL(value)
  } catch {
    return null
  }
}

/** True when a URL belongs to the app itself (used for IPC sender checks). */
export function isTrustedUrl(url: string, origins: readonly string[]): boolean {
  const parsed = safeUrl(url)
  if (!parsed) return false
  // URL.origin is "null" for custom schemes such as app://, so build the origin by hand.
  return origins.includes(`${parsed.protocol}//${parsed.host}`)
}

/**
 * Navigation policy: the app is a single page and never navigates anywhere, not even to itself
 * with another path (a hash change is not a navigation event). Everything is denied.
 */
export function allowNavigation(_url: string): boolean {
  return false
}

/** Links the user may open in the system browser: none by default; only allow-listed https. */
export const EXTERNAL_URL_ALLOWLIST: readonly string[] = []

export function isAllowedExternalUrl(url: string, allowlist: readonly string[] = EXTERNAL_URL_ALLOWLIST): boolean {
  const parsed = safeUrl(url)
  if (!parsed || parsed.protocol !== 'https:' || parsed.username || parsed.password) return false
  return allowlist.includes(parsed.origin + parsed.pathname)
}

/** Every permission (camera, notifications, geolocation, …) is refused: the app needs none. */
export function permissionDecision(_permission: string): boolean {
  return false
}

/**
 * The policy for the window. Packaged and previewed builds get the strict policy. Only with the
 * development server (`npm run dev`, never packaged) are the dev server's inline refresh
 * preamble and its hot-reload websocket allowed, or the development renderer could not start.
 */
export function contentSecurityPolicyFor(devServerUrl: string | undefined): string {
  const dev = devServerUrl ? safeUrl(devServerUrl) : null
  if (!dev || (dev.hostname !== 'localhost' && dev.hostname !== '127.0.0.1')) return CONTENT_SECURITY_POLICY
  const ws = `ws://${dev.host}`
  return CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
    .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
    .replace("connect-src 'self'", `connect-src 'self' ${ws}`)
}

/** Adds the CSP header to every response, replacing any the server sent. */
export function withCspHeader(headers: Record<string, string[]> | undefined, policy: string = CONTENT_SECURITY_POLICY): Record<string, string[]> {
  const result: Record<string, string[]> = {}
  for (const [key, value] of Object.entries(headers ?? {})) {
    if (key.toLowerCase() !== 'content-security-policy') result[key] = value
  }
  result['Content-Security-Policy'] = [policy]
  return result
}

/** Requests the window may make: the app itself (and, in development only, the dev server and its websocket). */
export function isAllowedRequest(url: string, origins: readonly string[], devServerUrl: string | undefined): boolean {
  if (isTrustedUrl(url, origins) || url.startsWith('devtools://') || url.startsWith('data:') || url.startsWith('blob:')) return true
  const dev = devServerUrl ? safeUrl(devServerUrl) : null
  const parsed = safeUrl(url)
  return Boolean(dev && parsed && parsed.protocol === 'ws:' && parsed.host === dev.host && origins.includes(dev.origin))
}
