// Confirming a shipped system's site defaults: duplicate it and save the copy; the values kept as
// they were become the site's, confirmed by the person saving, and plans with the copy are not flagged.
import { describe, expect, it } from 'vitest'
import { OPRA_FEMUR } from '../../../src/shared/catalog/systems'
import { computePlan } from '../../../src/shared/plan'
import { formFromSystem, systemFromForm } from '../../../src/renderer/src/features/settings/system-form'
import { unconfirmedSystemParams } from '../../../src/renderer/src/features/settings/system-record'
import { transfemoralCase } from './case-fixture'

const at = Date.UTC(2026, 0, 2)

describe('confirming a shipped system by duplicating it', () => {
  it('lists the shipped site defaults, and none on the saved copy', () => {
    expect(unconfirmedSystemParams(OPRA_FEMUR)).toEqual(['engagementMm', 'minCortexMm', 'minContactMm', 'tipMarginMm'])
    const copy = systemFromForm({ ...formFromSystem(OPRA_FEMUR), id: 'opra-femur-site' }, { base: OPRA_FEMUR, version: '1', by: 'Dr C', at })
    if (!copy.ok) throw new Error(JSON.stringify(copy.errors))
    expect(unconfirmedSystemParams(copy.system)).toEqual([])
    // A kept site default keeps its value and basis, and says who confirmed it and when.
    expect(copy.system.tipMarginMm).toMatchObject({
      key: 'system.opra-femur-site.tipMarginMm',
      value: OPRA_FEMUR.tipMarginMm.value,
      confirmed: true,
      provenance: { kind: 'site-default', basedOn: ['S36'], note: expect.stringMatching(/confirmed by Dr C on 2026-01-02$/) }
    })
    // Published values stay published.
    expect(copy.system.diametersMm.provenance).toEqual(OPRA_FEMUR.diametersMm.provenance)
    expect(copy.system.diametersMm.confirmed).toBeUndefined()
  })

  it('a plan with the copy has no unconfirmed system parameters and the same size', () => {
    const copy = systemFromForm({ ...formFromSystem(OPRA_FEMUR), id: 'opra-femur-site' }, { base: OPRA_FEMUR, version: '1', by: 'Dr C', at })
    if (!copy.ok) throw new Error('invalid copy')
    const c = { ...transfemoralCase(), implant: { systemId: 'opra-femur', system: null } }
    const shipped = computePlan(c)
    const site = computePlan({ ...c, implant: { ...c.implant, systemId: 'opra-femur-site' } }, { systems: [OPRA_FEMUR, copy.system] })
    const systemFlags = (r: typeof shipped) => r.siteDefaultsUsed.filter((p) => p.key.startsWith('system.') && !p.confirmed).length
    expect(systemFlags(shipped)).toBeGreaterThan(0)
    expect(systemFlags(site)).toBe(0)
    expect([site.implant?.diameterMm, site.implant?.lengthMm]).toEqual([shipped.implant?.diameterMm, shipped.implant?.lengthMm])
  })
})
