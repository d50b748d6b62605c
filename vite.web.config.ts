import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'
import { cspMetaPlugin } from './build-tools/csp-plugin.ts'

// The same renderer as the desktop app, built for a plain browser: development, demos and
// the end-to-end tests. `base: './'` keeps asset paths relative, as under file:// in Electron.
export default defineConfig({
  root: 'src/renderer',
  base: './',
  plugins: [react(), cspMetaPlugin()],
  build: { outDir: '../../out/web', emptyOutDir: true, minify: true },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true }
})
