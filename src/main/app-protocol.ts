// Serves the built renderer under app://osseoplan/ from one folder. The resolver is pure and
// refuses anything that would leave that folder (../, encoded dots, absolute or UNC paths).
import path from 'node:path'
import { APP_HOST } from '../shared/ipc'

export function resolveAppPath(requestUrl: string, rootDir: string): string | null {
  let url: URL
  try {
    url = new URL(requestUrl)
  } catch {
    return null
  }
  if (url.host !== APP_HOST) return null
  let pathname: string
  try {
    pathname = decodeURIComponent(url.pathname)
  } catch {
    return null
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null
  const segments = pathname.split('/').filter((s) => s.length > 0)
  if (segments.some((s) => s === '..' || s === '.' || /^[a-zA-Z]:$/.test(s))) return null
  const relative = segments.length === 0 ? 'index.html' : segments.join('/')
  const root = path.resolve(rootDir)
  const resolved = path.resolve(root, relative)
  if (resolved !== root && !resolved.startsWith(root + path.sep)) return null
  return resolved
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2'
}

export function mimeTypeFor(filePath: string): string {
  return MIME[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream'
}

/** Headers of every app:// response: its type (never sniffed from the content) and the CSP. */
export function appResponseHeaders(filePath: string, csp: string): Record<string, string> {
  return { 'content-type': mimeTypeFor(filePath), 'x-content-type-options': 'nosniff', 'content-security-policy': csp }
}
