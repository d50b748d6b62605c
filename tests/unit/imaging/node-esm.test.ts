// readDicom in plain Node ESM (bench, command line, main process), not only under Vite: the UMD
// dicom-parser exposes its functions there only as the default export.
import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'

describe('readDicom outside the bundler', () => {
  it('reads a DICOM file when run by Node directly', () => {
    const out = execFileSync('npx', ['tsx', 'scripts/imaging/read-file.ts'], { encoding: 'utf8', timeout: 120_000 })
    expect(JSON.parse(out.trim().split('\n').pop()!)).toMatchObject({ ok: true, rows: 40, columns: 30 })
  }, 120_000)
})
