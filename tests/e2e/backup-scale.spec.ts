// Issue #14: every backup the app writes can be restored. A 100,000-plan library (about 130 MB,
// over the old 64 MiB limit) is restored through the file picker, backed up again, and the two
// files hold the same plans, revisions and audit history (the restore adds only its own audit
// entry and the "imported" mark). Not timed: the restore's speed is a row of `npm run bench`.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from './fixtures'

const PLANS = 100_000

type Backup = { plans: Array<Record<string, unknown>>; revisions: Array<Record<string, unknown>>; audit: Array<Record<string, unknown>> }

/** JSON with keys sorted at every level: the restore rebuilds rows, so key order may differ. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, (v as Record<string, unknown>)[k]])) : v
  )
}

test('a 100,000-plan backup restores, and backing it up again loses nothing', async ({ page }) => {
  test.setTimeout(900_000)
  const dir = mkdtempSync(join(tmpdir(), 'osseoplan-100k-'))
  try {
    const file = join(dir, 'library-100000.json')
    // One reviewed, two approved and one superseded plan (with their revisions, ~50 kB each) per
    // 2,500 plans: about 140 MB, like the app's own backup of such a library.
    execFileSync('npx', ['tsx', 'tests/unit/db/library-generator.ts', file, String(PLANS), '2500'])
    expect(statSync(file).size).toBeGreaterThan(64 * 1024 * 1024)
    page.on('crash', () => console.log('backup-scale: the page crashed'))
    page.on('pageerror', (error) => console.log(`backup-scale: page error ${error.message}`))
    await page.goto('/')
    await expect(page.getByText('No plans yet')).toBeVisible()
    await page.getByLabel('Library backup to restore').setInputFiles(file)
    await expect(page.getByRole('status')).toContainText(`Restored ${PLANS} plans`, { timeout: 800_000 })

    const download = page.waitForEvent('download', { timeout: 300_000 })
    await page.getByRole('button', { name: 'Back up library' }).click()
    const again = join(dir, 'again.json')
    await (await download).saveAs(again)

    const before = JSON.parse(readFileSync(file, 'utf8')) as Backup
    const after = JSON.parse(readFileSync(again, 'utf8')) as Backup
    expect(after.plans.length).toBe(PLANS)
    // Compared record by record (one toEqual over 100,000 plans makes an unreadable failure).
    const mismatch = (a: unknown[], b: unknown[]) => a.findIndex((row, i) => canonical(row) !== canonical(b[i]))
    expect(mismatch(after.plans, before.plans)).toBe(-1)
    expect(after.revisions.length).toBe(before.revisions.length)
    expect(mismatch(after.revisions, before.revisions)).toBe(-1)
    const restores = after.audit.filter((a) => a['action'] === 'restore-backup')
    expect(restores).toHaveLength(1)
    const history = after.audit.filter((a) => a['action'] !== 'restore-backup')
    expect(history.every((a) => typeof a['importedFrom'] === 'string')).toBe(true)
    expect(mismatch(history.map(({ importedFrom: _i, ...row }) => row), before.audit)).toBe(-1)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
