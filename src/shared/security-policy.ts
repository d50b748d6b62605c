// The Content-Security-Policy of the built renderer, shared by the Electron main process (as a
// response header) and the renderer build (as a meta tag, so a plain browser enforces it too).
// No inline or eval script, no remote origin of any kind: patient data never leaves the machine.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "object-src 'none'"
].join('; ')
