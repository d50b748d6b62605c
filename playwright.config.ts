import { defineConfig } from '@playwright/test'

// End-to-end tests of the built renderer (out/web) in a real Chromium, served by vite preview on
// 127.0.0.1. scripts/e2e.mjs finds the browser and passes it in CHROMIUM_PATH.
const executablePath = process.env['CHROMIUM_PATH']
const port = Number(process.env['E2E_PORT'] ?? 4173)
const results = process.env['E2E_RESULTS'] ?? 'test-results'

export default defineConfig({
  testDir: 'tests/e2e',
  testIgnore: ['**/electron/**'],
  fullyParallel: false,
  workers: 2,
  // In CI one retry, so a test that fails once under load and then passes is reported as flaky
  // (scripts/test.mjs names it) instead of sinking the run; locally none.
  retries: process.env['CI'] ? 1 : 0,
  timeout: 30_000,
  reporter: [['list'], ['json', { outputFile: `${results}/e2e.json` }]],
  outputDir: `${results}/e2e`,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic']
    },
    trace: 'off',
    screenshot: 'only-on-failure'
  },
  webServer: {
    command: `npx vite preview --config vite.web.config.ts --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: false,
    timeout: 60_000
  }
})
