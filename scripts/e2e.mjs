#!/usr/bin/env node
// `npm run test:e2e`: builds the web renderer and runs the browser end-to-end tests.
import { spawnSync } from 'node:child_process'
import { BROWSER_HINT, findChromium } from './find-browser.mjs'

const chromium = await findChromium()
if (!chromium) {
  console.error(BROWSER_HINT)
  process.exit(1)
}
const build = spawnSync('npx', ['vite', 'build', '--config', 'vite.web.config.ts', '--logLevel', 'warn'], { stdio: 'inherit' })
if (build.status !== 0) process.exit(build.status ?? 1)
const test = spawnSync('npx', ['playwright', 'test', '-c', 'playwright.config.ts', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, CHROMIUM_PATH: chromium }
})
process.exit(test.status ?? 1)
