#!/usr/bin/env node
// `npm test`: type checking, unit tests, both builds, browser end-to-end tests in Chromium and,
// where an Electron binary exists, the desktop end-to-end test. Ends with one summary line.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { BROWSER_HINT, findChromium } from './find-browser.mjs'
import { findElectronBinary } from './electron-binary.mjs'

const results = []
let passed = 0
let failed = 0

function run(label, command, args, env = {}) {
  console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`)
  const started = Date.now()
  const child = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } })
  const ok = child.status === 0
  results.push(`${ok ? 'ok  ' : 'FAIL'} ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`)
  return ok
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    return null
  }
}

rmSync('test-results', { recursive: true, force: true })
mkdirSync('test-results', { recursive: true })

const typesOk = run('type check', 'npx', ['tsc', '-b'])
if (!typesOk) failed++

run('unit tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/unit.json'])
const unit = readJson('test-results/unit.json')
if (unit) {
  passed += unit.numPassedTests
  failed += unit.numFailedTests + (unit.numFailedTestSuites ?? 0) + (unit.success === false && unit.numFailedTests === 0 ? 1 : 0)
} else failed++

const desktopBuildOk = run('desktop build', 'npx', ['electron-vite', 'build'])
if (!desktopBuildOk) failed++
const webBuildOk = run('web build', 'npx', ['vite', 'build', '--config', 'vite.web.config.ts', '--logLevel', 'warn'])
if (!webBuildOk) failed++
if (webBuildOk && !run('size budget', 'node', ['scripts/size-budget.mjs', 'out/renderer', 'out/web'])) failed++

const chromium = await findChromium()
if (!chromium) {
  console.error(`\n${BROWSER_HINT}`)
  results.push('FAIL browser end-to-end tests: no browser')
  failed++
} else if (webBuildOk) {
  run('browser end-to-end tests', 'npx', ['playwright', 'test', '-c', 'playwright.config.ts'], { CHROMIUM_PATH: chromium })
  const e2e = readJson('test-results/e2e.json')
  if (e2e?.stats) {
    passed += e2e.stats.expected + e2e.stats.flaky
    failed += e2e.stats.unexpected
    if (e2e.stats.flaky) results.push(`flaky: ${e2e.stats.flaky} browser test(s) failed once and passed on retry — see the list above`)
  } else failed++
}

const electron = findElectronBinary()
if (!electron) {
  results.push('not run: desktop end-to-end test (no Electron binary; set ELECTRON_EXEC_PATH or let electron download on a machine with internet)')
} else if (desktopBuildOk) {
  run('desktop end-to-end test', 'npx', ['playwright', 'test', '-c', 'playwright.electron.config.ts'], { ELECTRON_EXEC_PATH: electron })
  const desk = readJson('test-results/e2e-electron.json')
  if (desk?.stats) {
    passed += desk.stats.expected + desk.stats.flaky
    failed += desk.stats.unexpected
  } else failed++
}

console.log('\nSummary')
for (const line of results) console.log(`  ${line}`)
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed === 0 && existsSync('test-results') ? 0 : 1)
