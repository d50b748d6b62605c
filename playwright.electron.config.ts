import { defineConfig } from '@playwright/test'

// The desktop app itself, launched through Playwright's Electron support. Runs only where an
// Electron binary exists (scripts/e2e-electron.mjs decides and says so otherwise).
export default defineConfig({
  testDir: 'tests/e2e/electron',
  workers: 1,
  timeout: 60_000,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e-electron.json' }]],
  outputDir: 'test-results/e2e-electron'
})
