// Which DICOMweb base URLs OsseoPlan may talk to: https anywhere, plain http only on this machine
// (a PACS on the same computer, and the tests). No credentials, query or fragment in the URL —
// credentials are kept apart, encrypted by the main process.

export type ServerUrlCheck = { ok: true; baseUrl: string; loopback: boolean } | { ok: false; error: string }

const MAX_URL_LENGTH = 2048

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase()
  if (host === 'localhost' || host === '::1') return true
  const parts = host.split('.')
  return parts.length === 4 && parts[0] === '127' && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)
}

export function checkServerUrl(value: unknown): ServerUrlCheck {
  if (typeof value !== 'string' || value.trim() === '') return { ok: false, error: 'Enter the server address, e.g. https://pacs.hospital.example/dicom-web' }
  const text = value.trim()
  if (text.length > MAX_URL_LENGTH) return { ok: false, error: 'The address is too long.' }
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return { ok: false, error: 'This is not a web address (it should start with https://).' }
  }
  const loopback = isLoopbackHost(url.hostname)
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    return { ok: false, error: 'Only https addresses are accepted (plain http only for a server on this computer).' }
  }
  if (url.username || url.password) return { ok: false, error: 'Put the user name and password in the sign-in fields, not in the address.' }
  if (url.search || url.hash) return { ok: false, error: 'The address must not contain "?" or "#" parts.' }
  const baseUrl = `${url.origin}${url.pathname.replace(/\/+$/, '')}`
  return { ok: true, baseUrl, loopback }
}
