// Loading-protocol parameters in the settings profile: confirm, change and reset them like any
// other parameter; they reach the plan; stored profiles from before still read.
import { describe, expect, it } from 'vitest'
import { computePlan } from '../../../src/shared/plan'
import { DEFAULT_PROFILE } from '../../../src/shared/profile/defaults'
import { PROTOCOL_PARAM_KEYS, shippedProtocolParam } from '../../../src/shared/profile/protocol-params'
import {
  changeParam,
  confirmParam,
  EDITABLE_KEYS,
  errorsForKey,
  isShippedParam,
  lastChange,
  parseParamText,
  profileParam,
  readProfileRecord,
  resetParam,
  shippedProfileRecord,
  unconfirmedKeys,
  type ProfileRecord
} from '../../../src/renderer/src/features/settings/profile-record'
import { transfemoralCase } from './case-fixture'

function ok(result: ReturnType<typeof changeParam>): ProfileRecord {
  if (!result.ok) throw new Error(JSON.stringify(result.errors))
  return result.record
}

const START_LOAD = 'protocol.radboud-slow.startLoadKg'

describe('protocol parameters in the profile editor', () => {
  it('are listed after the profile parameters, and their site defaults count as unconfirmed', () => {
    expect(EDITABLE_KEYS.slice(-PROTOCOL_PARAM_KEYS.length)).toEqual(PROTOCOL_PARAM_KEYS)
    const unconfirmed = unconfirmedKeys(DEFAULT_PROFILE)
    expect(unconfirmed).toEqual(expect.arrayContaining([START_LOAD, 'protocol.radboud-slow.startDay', 'protocol.royal-free-lower.stepKg', 'protocol.opra.startDay']))
    // Published protocol values need no confirmation.
    expect(unconfirmed).not.toContain('protocol.radboud-slow.halfDay')
  })

  it('confirming one records who and when, bumps the version and stores only that parameter', () => {
    const r = ok(confirmParam(shippedProfileRecord(), START_LOAD, 'Dr P', 7))
    expect(r.profile.version).toBe('1.0.1')
    expect(Object.keys(r.profile.protocolParams ?? {})).toEqual([START_LOAD])
    expect(profileParam(r.profile, START_LOAD)).toMatchObject({ value: 10, confirmed: true, provenance: { kind: 'site-default' } })
    expect(lastChange(r, START_LOAD)).toMatchObject({ action: 'confirmed', by: 'Dr P', at: 7, version: '1.0.1' })
    expect(unconfirmedKeys(r.profile)).not.toContain(START_LOAD)
    // The same key in the other Radboud protocol is a separate parameter.
    expect(unconfirmedKeys(r.profile)).toContain('protocol.radboud-standard.startLoadKg')
  })

  it('a changed value reaches the plan; reset returns to the shipped value and drops the override', () => {
    const c = { ...transfemoralCase(), protocolId: 'radboud-slow' }
    const changed = ok(changeParam(shippedProfileRecord(), START_LOAD, 15, 'Dr P', 8))
    expect(computePlan(c, { profile: changed.profile }).rehab.schedule[0]).toMatchObject({ day: 3, loadKg: 15 })
    expect(isShippedParam(profileParam(changed.profile, START_LOAD), START_LOAD)).toBe(false)
    const reset = ok(resetParam(changed, START_LOAD, 'Dr P', 9))
    expect(reset.profile.protocolParams).toEqual({})
    expect(profileParam(reset.profile, START_LOAD)).toBe(shippedProtocolParam(START_LOAD))
    expect(computePlan(c, { profile: reset.profile }).rehab.schedule[0]).toMatchObject({ day: 3, loadKg: 10 })
  })

  it('a changed published value becomes a confirmed site value based on its source', () => {
    const r = ok(changeParam(shippedProfileRecord(), 'protocol.radboud-slow.fullDay', 90, 'Dr P', 8))
    expect(profileParam(r.profile, 'protocol.radboud-slow.fullDay')).toMatchObject({
      value: 90,
      confirmed: true,
      provenance: { kind: 'site-default', basedOn: ['S11'] }
    })
  })

  it('bad values are refused with a message for that field, changing nothing', () => {
    const start = shippedProfileRecord()
    expect(parseParamText(START_LOAD, 'ten')).toEqual({ ok: false, message: 'must be a number (kg)' })
    const range = changeParam(start, START_LOAD, 400, 'x', 1)
    expect(!range.ok && errorsForKey(range.errors, START_LOAD).map((e) => e.message)).toEqual(['must be between 0 and 300 kg'])
    const order = changeParam(start, 'protocol.radboud-slow.startDay', 50, 'x', 1)
    expect(!order.ok && errorsForKey(order.errors, 'protocol.radboud-slow.startDay')[0]?.message).toMatch(/must be earlier than/)
    expect(start.profile.protocolParams).toBeUndefined()
  })
})

describe('stored profiles and protocol parameters', () => {
  it('round-trip, and a profile stored before protocol parameters existed still reads', () => {
    const r = ok(confirmParam(shippedProfileRecord(), START_LOAD, 'Dr P', 7))
    const read = readProfileRecord(JSON.parse(JSON.stringify(r)))
    expect(read.ok && profileParam(read.record.profile, START_LOAD).confirmed).toBe(true)
    expect(read.ok && lastChange(read.record, START_LOAD)?.by).toBe('Dr P')
    const old = JSON.parse(JSON.stringify(shippedProfileRecord())) as Record<string, unknown>
    expect(readProfileRecord(old).ok).toBe(true)
  })

  it('refuses unknown protocol keys and non-object protocolParams', () => {
    const raw = JSON.parse(JSON.stringify(ok(confirmParam(shippedProfileRecord(), START_LOAD, 'Dr P', 7)))) as { profile: Record<string, unknown> }
    const evil = { ...raw, profile: { ...raw.profile, protocolParams: { 'protocol.evil.x': { key: 'protocol.evil.x', value: 1, unit: 'kg', provenance: { kind: 'site-default' } } } } }
    expect(readProfileRecord(evil)).toMatchObject({ ok: false, errors: [{ path: 'protocolParams["protocol.evil.x"]' }] })
    expect(readProfileRecord({ ...raw, profile: { ...raw.profile, protocolParams: 'x' } }).ok).toBe(false)
  })
})
