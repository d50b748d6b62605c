// Plausible ranges per level (issue #13 item 5): data with provenance, a warning zone and a hard
// limit; the editor's evaluation refuses a 1,000 mm residual femur at the field and warns at 450 mm.
import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { checkPlausible, PLAUSIBLE_RANGES, rangeFor, type PlausibleField } from '../../../src/shared/case/plausible-ranges'
import { LEVELS } from '../../../src/shared/case/types'
import { evaluateDraft } from '../../../src/renderer/src/features/editor/evaluate-draft'
import { DEFAULT_PROFILE } from '../../../src/shared'
import { BUILTIN_SYSTEMS } from '../../../src/shared/catalog/systems'

const load = (name: string) => JSON.parse(readFileSync(`resources/cases/${name}`, 'utf8')) as Record<string, any>
const options = { profile: DEFAULT_PROFILE, systems: BUILTIN_SYSTEMS }

describe('plausible ranges data', () => {
  it('has, for every field and level, a typical range inside its hard limit, with provenance', () => {
    for (const field of Object.keys(PLAUSIBLE_RANGES) as PlausibleField[]) {
      for (const level of LEVELS) {
        const r = rangeFor(field, level)
        expect(r, `${field} ${level}`).toBeDefined()
        if (!r) continue
        expect(r.hard[0]).toBeLessThanOrEqual(r.typical[0])
        expect(r.typical[0]).toBeLessThan(r.typical[1])
        expect(r.typical[1]).toBeLessThanOrEqual(r.hard[1])
        expect(r.provenance.length).toBeGreaterThan(10)
      }
    }
  })

  it('warns in the warning zone and refuses beyond the hard limit, naming the level and the unit', () => {
    expect(checkPlausible('residualLength', 'transfemoral', 250)).toEqual({ kind: 'ok' })
    expect(checkPlausible('residualLength', 'transfemoral', 450)).toMatchObject({ kind: 'warn', message: expect.stringContaining('typically 100–420 mm') })
    expect(checkPlausible('residualLength', 'transfemoral', 1000)).toMatchObject({ kind: 'refuse', message: expect.stringContaining('transfemoral') })
    expect(checkPlausible('endosteal', 'finger', 25)).toMatchObject({ kind: 'refuse' })
  })

  it('finds nothing unusual in the example cases', () => {
    for (const f of readdirSync('resources/cases').filter((n) => n.endsWith('.json'))) {
      const e = evaluateDraft(load(f), options)
      expect(e.warnings.filter((w) => /unusual|plausible/.test(w.message)), f).toEqual([])
      expect(e.ok, f).toBe(true)
    }
  })
})

describe('the editor evaluation applies them', () => {
  it('refuses a 1,000 mm residual femur at the field (no plan), and warns at 450 mm (plan computed)', () => {
    const c = load('transfemoral.json')
    const far = evaluateDraft({ ...c, bone: { ...c.bone, residualLength: 1000 } }, options)
    expect(far.ok).toBe(false)
    expect(far.errors.find((e) => e.path === 'bone.residualLength')?.message).toMatch(/outside any plausible residual bone length/)
    const long = evaluateDraft({ ...c, bone: { ...c.bone, residualLength: 450 } }, options)
    expect(long.ok).toBe(true)
    expect(long.warnings.find((w) => w.path === 'bone.residualLength')?.message).toMatch(/unusual/)
  })

  it('judges a value typed in another unit in mm (25 cm of canal is refused)', () => {
    const c = load('transfemoral.json')
    const stations = c.bone.stations.map((s: Record<string, unknown>, i: number) => (i === 0 ? { ...s, endosteal: '25 cm' } : s))
    const e = evaluateDraft({ ...c, bone: { ...c.bone, stations } }, options)
    expect(e.errors.some((x) => x.path === 'bone.stations[0].endosteal')).toBe(true)
  })
})
