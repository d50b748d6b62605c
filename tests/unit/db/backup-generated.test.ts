// The generated libraries the scale tests and the benchmark restore must pass the restore's checks.
import { describe, expect, it } from 'vitest'
import { validateLibraryBackup } from '../../../src/renderer/src/db/backup-validate'
import { generatedLibrary } from './library-generator'

describe('generated library backups', () => {
  it('pass every restore check, with reviewed, approved and superseded plans and their revisions', async () => {
    const library = generatedLibrary(70, undefined, ['draft', 'draft', 'draft', 'reviewed', 'approved', 'approved', 'superseded'])
    const checked = await validateLibraryBackup(JSON.stringify(library))
    expect(checked.ok, checked.ok ? '' : checked.problem).toBe(true)
    if (!checked.ok) return
    const statuses = new Set(checked.value.plans.map((p) => p.status))
    expect([...statuses].sort()).toEqual(['approved', 'draft', 'reviewed', 'superseded'])
    expect(checked.value.revisions.length).toBe(70)
    expect(generatedLibrary(1000)['revisions']).toHaveLength(28)
  }, 60_000)
})
