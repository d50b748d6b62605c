// Plausible ranges wherever a case enters (issue #13): the core's parseCase, the command line and
// a case-file import judge a value the same way as the editor — refused beyond the hard limit,
// warned about in the warning zone, at the field, in clinical words — from plausible-ranges.ts.
// A case already stored (a signed revision, a backup) stays readable: there the limit only warns.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseCase, planFromRaw } from '../../../src/shared/index'
import { checkCase } from '../../../src/renderer/src/db/backup-records'
import { validateCaseFileText } from '../../../src/renderer/src/db/backup-validate'

const example = () => JSON.parse(readFileSync('resources/cases/transfemoral.json', 'utf8')) as Record<string, any>
const withResidual = (mm: number) => {
  const c = example()
  c.bone.residualLength = mm
  return c
}
const REFUSED = '700 mm is outside any plausible residual bone length at a transfemoral level (30–600 mm): check the value and its unit'
const UNUSUAL = '450 mm is unusual for a residual bone length at a transfemoral level (typically 100–420 mm): check the value and its unit'

describe('the core validation of a case applies the plausible ranges', () => {
  it('refuses a 700 mm residual femur at its field, and warns at 450 mm (the plan is still computed)', () => {
    // Before: parseCase accepted anything up to 1,000 mm; only the editor judged plausibility.
    expect(parseCase(withResidual(700))).toEqual({ ok: false, errors: [{ path: 'bone.residualLength', message: REFUSED, code: 'invalid' }], warnings: [] })
    const warned = parseCase(withResidual(450))
    expect(warned.ok).toBe(true)
    expect(warned.warnings).toContainEqual({ path: 'bone.residualLength', message: UNUSUAL })
    const planned = planFromRaw(withResidual(700))
    expect(planned.ok).toBe(false)
  })

  it('judges canal stations and soft tissue by level (a femur-sized canal in a finger is refused)', () => {
    const c = JSON.parse(readFileSync('resources/cases/finger.json', 'utf8')) as Record<string, any>
    c.bone.stations[1].endosteal = 25
    c.bone.stations[1].periosteal = 30
    const r = parseCase(c)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.errors.map((e) => e.path).sort()).toEqual(['bone.stations[1].endosteal', 'bone.stations[1].periosteal'])
  })

  it("reads a stored case beyond today's limits with a warning instead ('warn')", () => {
    const r = parseCase(withResidual(700), { plausibility: 'warn' })
    expect(r.ok).toBe(true)
    expect(r.warnings).toContainEqual({ path: 'bone.residualLength', message: REFUSED })
  })
})

describe('case files entering the library', () => {
  it('an imported case file beyond the hard limit is refused, naming the field in clinical words', () => {
    expect(validateCaseFileText(JSON.stringify(withResidual(700)))).toEqual({ ok: false, problem: `The file is not a valid case file: Residual bone length (bone.residualLength): ${REFUSED}` })
    expect(validateCaseFileText(JSON.stringify(withResidual(450))).ok).toBe(true)
  })

  it('a backup holding such a case is still restored (nothing stored is lost)', () => {
    expect(() => checkCase(withResidual(700), 'plans[0].caseFile', true)).not.toThrow()
  })
})

describe('the plan command', () => {
  const run = (file: string) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'scripts/plan.ts', file, '--text'], { encoding: 'utf8', timeout: 90000 })
  it('exits 2 with the field and the clinical message for a value beyond the hard limit; warns in the warning zone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'osseoplan-plausible-'))
    const refused = join(dir, 'refused.json')
    const unusual = join(dir, 'unusual.json')
    writeFileSync(refused, JSON.stringify(withResidual(700)))
    writeFileSync(unusual, JSON.stringify(withResidual(450)))
    const r = run(refused)
    expect(r.status).toBe(2)
    expect(r.stderr).toContain(`bone.residualLength: ${REFUSED}`)
    const u = run(unusual)
    expect(u.status).toBe(0)
    expect(u.stderr).toContain(`warning: bone.residualLength: ${UNUSUAL}`)
  }, 200000)
})
