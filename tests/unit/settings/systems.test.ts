import { describe, expect, it } from 'vitest'
import { GENERIC_PRESS_FIT, OPRA_FEMUR } from '../../../src/shared/catalog/systems'
import { computePlan } from '../../../src/shared/plan'
import { emptySystemForm, formFromSystem, parseSizes, systemFromForm, type SystemForm } from '../../../src/renderer/src/features/settings/system-form'
import { exportSystems, IMPORTED_CLAIM, parseSystemsFile } from '../../../src/renderer/src/features/settings/system-io'
import { checkCustomSystem, sameSystemContent } from '../../../src/renderer/src/features/settings/system-record'
import { transfemoralCase } from './case-fixture'

const ctx = { base: null, version: '1', by: 'Dr A', at: Date.UTC(2026, 0, 2) }

function siteForm(): SystemForm {
  return {
    ...emptySystemForm(),
    id: 'site-stem',
    name: 'Site stem',
    bones: ['femur'],
    diameters: { mode: 'list', list: '16, 14; 15 17', from: '', to: '', step: '' },
    lengths: { mode: 'range', list: '', from: '100', to: '160', step: '20' },
    engagementMm: '1',
    minCortexMm: '2',
    minContactMm: '30',
    tipMarginMm: '20'
  }
}

describe('the system form', () => {
  it('reads sizes as a list or a range with a step', () => {
    expect(parseSizes({ mode: 'list', list: '16, 14 15', from: '', to: '', step: '' }, 'mm')).toEqual([14, 15, 16])
    expect(parseSizes({ mode: 'range', list: '', from: '8', to: '9', step: '0.5' }, 'mm')).toEqual([8, 8.5, 9])
    expect(parseSizes({ mode: 'range', list: '', from: '100', to: '150', step: '20' }, 'mm')).toMatch(/not reached/)
    expect(parseSizes({ mode: 'range', list: '', from: '1', to: '1000', step: '0.1' }, 'mm')).toMatch(/more than 200/)
    expect(parseSizes({ mode: 'range', list: '', from: '10', to: '5', step: '1' }, 'mm')).toMatch(/must not be smaller/)
    expect(parseSizes({ mode: 'range', list: '', from: '1', to: '5', step: '0' }, 'mm')).toMatch(/greater than 0/)
    expect(parseSizes({ mode: 'list', list: '16, abc', from: '', to: '', step: '' }, 'mm')).toBe('"abc" is not a number in mm')
  })

  it('builds a valid system whose entered values are site values confirmed by the user', () => {
    const r = systemFromForm(siteForm(), ctx)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.system.diametersMm).toMatchObject({ key: 'system.site-stem.diametersMm', value: [14, 15, 16, 17], unit: 'mm', confirmed: true, provenance: { kind: 'site-default', note: 'entered by Dr A on 2026-01-02' } })
    expect(r.system.lengthsMm.value).toEqual([100, 120, 140, 160])
    expect(r.system.stages.value).toBe('either')
    expect(r.system.maxBodyWeightKg).toBeNull()
  })

  it('gives field-level messages from the form and from the core validator', () => {
    const missing = systemFromForm({ ...siteForm(), engagementMm: '', bones: [], maxBodyWeightKg: 'heavy' }, ctx)
    expect(missing).toEqual({ ok: false, errors: { engagementMm: 'is required', bones: 'choose at least one bone', maxBodyWeightKg: 'must be a number in kg' } })
    const core = systemFromForm({ ...siteForm(), engagementMm: '14' }, ctx)
    expect(core.ok).toBe(false)
    if (!core.ok) expect(core.errors.engagementMm).toMatch(/must be (a number from 0 to 10|smaller than the smallest diameter)/)
    const badId = systemFromForm({ ...siteForm(), id: 'a b' }, ctx)
    if (!badId.ok) expect(badId.errors.id).toMatch(/letters, digits/)
    expect(badId.ok).toBe(false)
    const stage = systemFromForm({ ...siteForm(), stage2MinDays: '30' }, ctx)
    expect(stage).toMatchObject({ ok: false, errors: { stage2MaxDays: expect.stringMatching(/both/) } })
  })

  it('refuses a built-in id, and keeps provenance of unchanged values in a duplicate', () => {
    const same = systemFromForm(formFromSystem(GENERIC_PRESS_FIT), { ...ctx, base: GENERIC_PRESS_FIT })
    expect(same).toMatchObject({ ok: false, errors: { id: expect.stringMatching(/built-in/) } })
    const copy = systemFromForm({ ...formFromSystem(OPRA_FEMUR), id: 'opra-site', tipMarginMm: '25' }, { ...ctx, base: OPRA_FEMUR })
    expect(copy.ok).toBe(true)
    if (!copy.ok) return
    expect(copy.system.diametersMm.provenance).toEqual(OPRA_FEMUR.diametersMm.provenance)
    expect(copy.system.diametersMm.key).toBe('system.opra-site.diametersMm')
    expect(copy.system.tipMarginMm).toMatchObject({ value: 25, confirmed: true, provenance: { kind: 'site-default' } })
  })

  it('a custom press-fit system can be planned with', () => {
    const r = systemFromForm(siteForm(), ctx)
    if (!r.ok) throw new Error('invalid')
    const c = { ...transfemoralCase(), implant: { systemId: 'site-stem', system: null } }
    const result = computePlan(c, { systems: [GENERIC_PRESS_FIT, r.system] })
    expect(result.system).toMatchObject({ id: 'site-stem', version: '1' })
  })
})

describe('import and export of systems', () => {
  const system = (() => {
    const r = systemFromForm(siteForm(), ctx)
    if (!r.ok) throw new Error('invalid')
    return r.system
  })()

  it('round-trips an export, every parameter arriving unconfirmed (a file is not a confirmation)', () => {
    const confirmed = { ...system, engagementMm: { ...system.engagementMm, confirmed: true } }
    const parsed = parseSystemsFile(exportSystems([confirmed], 0))
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    expect(parsed.systems[0]!.engagementMm.confirmed).toBeUndefined()
    const unconfirmed = (s: typeof system) => JSON.parse(JSON.stringify(s, (k, v: unknown) => (k === 'confirmed' || k === 'note' ? undefined : v))) as typeof system
    expect(sameSystemContent(unconfirmed(parsed.systems[0]!), unconfirmed(system))).toBe(true)
  })

  it('refuses hostile or malformed files with a reason', () => {
    const file = (systems: unknown, extra: Record<string, unknown> = {}) => JSON.stringify({ format: 'osseoplan.implant-systems', version: 1, systems, ...extra })
    expect(parseSystemsFile('{not json')).toMatchObject({ ok: false, errors: [{ message: expect.stringMatching(/not valid JSON/) }] })
    expect(parseSystemsFile('[]')).toMatchObject({ ok: false })
    expect(parseSystemsFile(JSON.stringify({ format: 'osseoplan.case', version: 1 }))).toMatchObject({ ok: false, errors: [{ path: 'format' }] })
    expect(parseSystemsFile(file([], { version: 2 }))).toMatchObject({ ok: false, errors: [{ path: 'version' }] })
    expect(parseSystemsFile(file({ 0: system }))).toMatchObject({ ok: false, errors: [{ path: 'systems' }] })
    expect(parseSystemsFile(file([]))).toMatchObject({ ok: false })
    expect(parseSystemsFile(' '.repeat(2_000_001))).toMatchObject({ ok: false, errors: [{ message: expect.stringMatching(/too large/) }] })
    expect(parseSystemsFile(file([system, system]))).toMatchObject({ ok: false, errors: [{ path: 'systems[1].id' }] })
    expect(parseSystemsFile(file([GENERIC_PRESS_FIT]))).toMatchObject({ ok: false, errors: [{ path: 'systems[0].id' }] })
    const inches = { ...system, lengthsMm: { ...system.lengthsMm, unit: 'in' } }
    expect(parseSystemsFile(file([system, inches].map((s, i) => ({ ...s, id: `s${i}` }))))).toMatchObject({ ok: false, errors: [{ path: 'systems[1].lengthsMm.unit' }] })
    const nan = { ...system, diametersMm: { ...system.diametersMm, value: [14, '15'] } }
    expect(parseSystemsFile(file([nan])).ok).toBe(false)
    const noProvenance = { ...system, minCortexMm: { key: 'x', value: 2, unit: 'mm' } }
    expect(parseSystemsFile(file([noProvenance])).ok).toBe(false)
  })

  it('rebuilds systems from known fields only (no extra keys) and refuses prototype keys and repeated keys', () => {
    const text = `{"format":"osseoplan.implant-systems","version":1,"systems":[${JSON.stringify({ ...system, extra: 'x' })}]}`
    const parsed = parseSystemsFile(text)
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    expect(Object.keys(parsed.systems[0]!)).not.toContain('extra')
    expect(parsed.systems[0]!.template).toBe(false)
    const proto = parseSystemsFile(text.replace(/}]}$/, ',"__proto__":{"polluted":true}}]}'))
    expect(proto).toMatchObject({ ok: false, errors: [{ path: 'systems[0].__proto__', message: expect.stringMatching(/forbidden key/) }] })
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
    // JSON.parse would keep the second id; the strict reader refuses the file.
    expect(parseSystemsFile(text.replace('"id":"', '"id":"other","id":"'))).toMatchObject({ ok: false, errors: [{ path: 'systems[0].id', message: expect.stringMatching(/appears twice/) }] })
  })

  it('takes a "published" value only with a source OsseoPlan knows, shown as the file\'s claim; names stay unique', () => {
    const file = (s: unknown) => JSON.stringify({ format: 'osseoplan.implant-systems', version: 1, systems: [s] })
    const published = (source: string) => ({ ...system, minCortexMm: { ...system.minCortexMm, provenance: { kind: 'published', source, note: 'trust me' } } })
    const known = parseSystemsFile(file(published('S1')))
    expect(known.ok && known.systems[0]!.minCortexMm.provenance).toEqual({ kind: 'published', source: 'S1', note: IMPORTED_CLAIM })
    expect(parseSystemsFile(file(published('S404')))).toMatchObject({ ok: false, errors: [{ path: 'systems[0].minCortexMm.provenance', message: expect.stringMatching(/unknown source key "S404"/) }] })
    expect(parseSystemsFile(file({ ...system, name: ' OPRA  Femur fixture' }))).toMatchObject({ ok: false, errors: [{ path: 'systems[0].name', message: expect.stringMatching(/already the name of another system \(opra-femur\)/) }] })
    expect(parseSystemsFile(file(system), [{ ...system, id: 'mine-1' }])).toMatchObject({ ok: false, errors: [{ path: 'systems[0].name' }] })
    expect(parseSystemsFile(file(system), [system]).ok).toBe(true)
  })

  it('checkCustomSystem re-keys parameters to the system id', () => {
    const r = checkCustomSystem({ ...system, id: 'other', diametersMm: { ...system.diametersMm, key: 'system.evil.diametersMm' } })
    expect(r.ok && r.system.diametersMm.key).toBe('system.other.diametersMm')
  })
})
