import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'
import { cspMetaPlugin } from './build-tools/csp-plugin.ts'

// The same renderer as the desktop app, built for a plain browser: development, demos and
// the end-to-end tests. `base: './'` keeps asset paths relative, as under file:// in Electron.
// WEB_OUT_DIR and E2E_PORT let several test runs share one checkout without clashing;
// BENCH_NO_MINIFY=1 keeps names readable for profiling (tests/perf/keystroke-trace.ts).
const outDir = process.env['WEB_OUT_DIR'] ?? 'out/web'
const port = Number(process.env['E2E_PORT'] ?? 4173)

export default defineConfig({
  root: 'src/renderer',
  base: './',
  plugins: [react(), cspMetaPlugin()],
  build: { outDir: `../../${outDir}`, emptyOutDir: true, minify: process.env['BENCH_NO_MINIFY'] ? false : true },
  preview: { host: '127.0.0.1', port, strictPort: true }
})
