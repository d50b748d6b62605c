/** The `plan` command: exit codes, JSON and text output, messages on stderr, never a stack trace. */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../../../', import.meta.url))

/** Equivalent to `npx tsx scripts/plan.ts …` without npx's start-up cost. */
function run(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/plan.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

// Each run starts Node and compiles the core with tsx: seconds on a quiet machine, tens of seconds at a load of 20.
const LOADED_MACHINE_MS = 120_000

const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at .+:\d+:\d+/)

describe('plan command', () => {
  it('prints the PlanResult as JSON and exits 0', () => {
    const r = run('resources/cases/transfemoral.json')
    expect(r.code).toBe(0)
    const result = JSON.parse(r.stdout) as { implant: { diameterMm: number; lengthMm: number }; engineVersion: string; status: string }
    expect(result.implant).toMatchObject({ diameterMm: 18.5, lengthMm: 80 })
    expect(result.engineVersion).toMatch(/^\d+\.\d+\.\d+$/)
    expect(r.stderr).toBe('')
  }, LOADED_MACHINE_MS)

  it('prints a readable summary with --text (exit 0 even for a blocked plan)', () => {
    const r = run('tests/fixtures/cases/blocked-age.json', '--text')
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('Status: BLOCKED')
    expect(r.stdout).toContain('Implant: Ø 12 mm × 140 mm')
    expect(r.stdout).toContain('[BLOCK] R-ELIG-AGE: Skeletal immaturity: age 16 years is below 18')
    noStack(r.stdout + r.stderr)
  }, LOADED_MACHINE_MS)

  it('exits 2 with field messages on stderr for an invalid case', () => {
    const r = run('tests/fixtures/cases/invalid-endosteal.json')
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toContain('the case is invalid (2 problems)')
    expect(r.stderr).toContain('patient.weight: use a decimal point, not a comma: write "12.5 kg"')
    expect(r.stderr).toContain('bone.stations[2].endosteal: must be smaller than the periosteal diameter (31.05 mm)')
    noStack(r.stderr)
  }, LOADED_MACHINE_MS)

  it('exits 2 for unreadable files and invalid JSON, never with a stack trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'osseoplan-cli-'))
    const file = join(dir, 'broken.json')
    writeFileSync(file, '{"format": "osseoplan.case",')
    const b = run(join(dir, 'missing.json'))
    expect(b.code).toBe(2)
    expect(b.stderr).toBe(`plan: ${join(dir, 'missing.json')}: no such file\n`)
    const c = run(file)
    expect(c.code).toBe(2)
    expect(c.stderr).toContain('not valid JSON')
    noStack(b.stderr + c.stderr)
  }, LOADED_MACHINE_MS)
})

