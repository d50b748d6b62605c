import { describe, expect, it } from 'vitest'
import {
  CONTENT_SECURITY_POLICY,
  allowNavigation,
  contentSecurityPolicyFor,
  isAllowedRequest,
  isAllowedExternalUrl,
  isTrustedUrl,
  permissionDecision,
  secureWebPreferences,
  trustedOrigins,
  withCspHeader
} from '../../../src/main/security'

describe('secure web preferences', () => {
  it('isolates the renderer from Node and Electron', () => {
    const prefs = secureWebPreferences('/app/preload/index.cjs')
    expect(prefs).toMatchObject({
      preload: '/app/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      disableBlinkFeatures: 'Auxclick'
    })
  })
})

describe('content security policy', () => {
  const directives = Object.fromEntries(CONTENT_SECURITY_POLICY.split(';').map((d) => {
    const [name, ...values] = d.trim().split(/\s+/)
    return [name, values]
  }))
  it('allows scripts from the app only: no inline, no eval, no remote origin', () => {
    expect(directives['script-src']).toEqual(["'self'"])
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/)
  })
  it('denies everything not named', () => {
    expect(directives['default-src']).toEqual(["'none'"])
    expect(directives['object-src']).toEqual(["'none'"])
    expect(directives['base-uri']).toEqual(["'none'"])
    expect(directives['connect-src']).toEqual(["'self'"])
  })
  it('replaces any CSP header a response carries', () => {
    const headers = withCspHeader({ 'content-security-policy': ["default-src *"], 'Content-Type': ['text/html'] })
    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] })
    expect(withCspHeader(undefined)).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] })
  })
})

describe('trusted origins and URLs', () => {
  it('trusts the app scheme and a local dev server only', () => {
    expect(trustedOrigins(undefined)).toEqual(['app://osseoplan'])
    expect(trustedOrigins('http://localhost:5173/')).toEqual(['app://osseoplan', 'http://localhost:5173'])
    expect(trustedOrigins('http://evil.example:5173/')).toEqual(['app://osseoplan'])
  })
  it('recognises the app origin and nothing that merely resembles it', () => {
    const origins = trustedOrigins(undefined)
    expect(isTrustedUrl('app://osseoplan/index.html#/plans', origins)).toBe(true)
    expect(isTrustedUrl('app://osseoplan.evil/index.html', origins)).toBe(false)
    expect(isTrustedUrl('app://other/index.html', origins)).toBe(false)
    expect(isTrustedUrl('https://osseoplan/index.html', origins)).toBe(false)
    expect(isTrustedUrl('file:///etc/passwd', origins)).toBe(false)
    expect(isTrustedUrl('not a url', origins)).toBe(false)
    expect(isTrustedUrl('', origins)).toBe(false)
  })
})

describe('navigation, windows, permissions and external links', () => {
  it('denies every navigation', () => {
    for (const url of ['https://example.com', 'app://osseoplan/other.html', 'file:///etc/passwd', 'javascript:alert(1)']) {
      expect(allowNavigation(url)).toBe(false)
    }
  })
  it('denies every permission request', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      expect(permissionDecision(permission)).toBe(false)
    }
  })
  it('opens only allow-listed https URLs externally', () => {
    const allow = ['https://example.org/help']
    expect(isAllowedExternalUrl('https://example.org/help', allow)).toBe(true)
    expect(isAllowedExternalUrl('https://example.org/help?x=1', allow)).toBe(true)
    expect(isAllowedExternalUrl('http://example.org/help', allow)).toBe(false)
    expect(isAllowedExternalUrl('https://user:pw@example.org/help', allow)).toBe(false)
    expect(isAllowedExternalUrl('https://example.org/other', allow)).toBe(false)
    expect(isAllowedExternalUrl('file:///C:/Windows/system32/calc.exe', allow)).toBe(false)
    expect(isAllowedExternalUrl('https://example.org/help')).toBe(false)
  })
})

describe('development server exceptions', () => {
  it('keep the strict policy unless a local dev server is in use', () => {
    expect(contentSecurityPolicyFor(undefined)).toBe(CONTENT_SECURITY_POLICY)
    expect(contentSecurityPolicyFor('http://evil.example:5173/')).toBe(CONTENT_SECURITY_POLICY)
    expect(contentSecurityPolicyFor('not a url')).toBe(CONTENT_SECURITY_POLICY)
  })
  it('allow the dev server preamble and its websocket, and nothing remote', () => {
    const dev = contentSecurityPolicyFor('http://localhost:5173/')
    expect(dev).toContain("script-src 'self' 'unsafe-inline'")
    expect(dev).toContain("connect-src 'self' ws://localhost:5173")
    expect(dev).not.toMatch(/unsafe-eval|https?:/)
  })
  it('let requests reach only the app, and the dev server websocket in development', () => {
    const origins = trustedOrigins(undefined)
    expect(isAllowedRequest('app://osseoplan/assets/a.js', origins, undefined)).toBe(true)
    expect(isAllowedRequest('https://example.com/x.js', origins, undefined)).toBe(false)
    expect(isAllowedRequest('ws://localhost:5173/', origins, undefined)).toBe(false)
    const devOrigins = trustedOrigins('http://localhost:5173')
    expect(isAllowedRequest('ws://localhost:5173/', devOrigins, 'http://localhost:5173')).toBe(true)
    expect(isAllowedRequest('ws://localhost:9999/', devOrigins, 'http://localhost:5173')).toBe(false)
    expect(isAllowedRequest('http://localhost:5173/src/main.tsx', devOrigins, 'http://localhost:5173')).toBe(true)
  })
})
