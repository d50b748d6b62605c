// Puts the app's Content-Security-Policy into the built index.html as a meta tag, so the policy
// holds in a plain browser too. Build only: the dev server needs an inline preamble script.
import type { Plugin } from 'vite'
import { CONTENT_SECURITY_POLICY } from '../src/shared/security-policy.ts'

export function cspMetaPlugin(): Plugin {
  return {
    name: 'osseoplan-csp-meta',
    apply: 'build',
    transformIndexHtml(html) {
      return html.replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`)
    }
  }
}
