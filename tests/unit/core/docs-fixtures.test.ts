/** The documented examples and fixtures stay valid, and docs/rules.md names every parameter and finding. */
import { readFileSync, readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { PROFILE_KEYS, planFromRaw } from '../../../src/shared/index'

const root = fileURLToPath(new URL('../../../', import.meta.url))
const read = (rel: string) => readFileSync(root + rel, 'utf8')
const json = (rel: string) => JSON.parse(read(rel)) as unknown

describe('example case files', () => {
  const files = readdirSync(root + 'resources/cases').filter((f) => f.endsWith('.json'))
  it('cover every level', () => {
    expect(files.sort()).toEqual(['finger.json', 'thumb.json', 'transfemoral.json', 'transhumeral.json', 'transradial.json', 'transtibial.json'])
  })
  it.each(files)('%s is valid, warning-free, documented and plans without a block', (f) => {
    const raw = json(`resources/cases/${f}`) as { notes?: string }
    expect(raw.notes).toMatch(/^Example /)
    const r = planFromRaw(raw)
    expect(r.ok && r.warnings).toEqual([])
    expect(r.ok && r.result.status).not.toBe('blocked')
    expect(r.ok && r.result.implant).not.toBeNull()
  })
})

describe('test fixtures', () => {
  it('behave as their notes say', () => {
    const inv = planFromRaw(json('tests/fixtures/cases/invalid-endosteal.json'))
    expect(!inv.ok && inv.errors.map((e) => e.path)).toEqual(['patient.weight', 'bone.stations[2].endosteal'])
    const young = planFromRaw(json('tests/fixtures/cases/blocked-age.json'))
    expect(young.ok && young.result.status).toBe('blocked')
    const res = planFromRaw(json('tests/fixtures/cases/resection-transfemoral.json'))
    // available 190, required 40 + 30 + 100 + 50 = 220 → resect 30; 220 − 30 = 190 → Lmax 170 → 80 mm
    expect(res.ok && res.result.buildHeight?.afterResection).toMatchObject({ lengthMm: 80 })
    expect(res.ok && res.result.buildHeight?.resectionMm).toBeCloseTo(30, 9)
  })
})

describe('docs/rules.md', () => {
  const doc = read('docs/rules.md')
  it('documents every profile parameter', () => {
    for (const k of PROFILE_KEYS) expect(doc, k).toContain(`\`${k}\``)
  })
  it('documents every finding id the engine can raise', () => {
    const src = readdirSync(root + 'src/shared/rules')
      .map((f) => read(`src/shared/rules/${f}`))
      .concat(read('src/shared/plan.ts'))
      .join('\n')
    const found = new Set([...src.matchAll(/'((?:R-[A-Z]+|SYSTEM|PROFILE)-[A-Z-]+)'/g)].map((m) => m[1] as string))
    expect(found.size).toBeGreaterThan(20)
    for (const id of found) expect(doc, id).toContain(id)
    for (const item of ['AGE', 'INFECTION', 'MALIGNANCY', 'IMMUNOSUPPRESSION', 'PREGNANCY', 'DIABETES', 'PVD', 'SMOKING', 'BMI', 'BODY-WEIGHT', 'SOCKET-REHAB', 'HIP-FLEXION', 'HUMERUS-LENGTH'])
      expect(doc).toContain(`\`${item}\``)
  })
})
