/** Loading-protocol parameters in the planning profile: confirm or change them, validated, applied by the plan. */
import { describe, expect, it } from 'vitest'
import {
  DEFAULT_PROFILE,
  PROTOCOL_PARAM_KEYS,
  PROTOCOLS,
  protocolParam,
  protocolsFor,
  shippedProtocolParam,
  validateProfile,
  type ParamValue,
  type PlanningProfile
} from '../../../src/shared/index'
import { baseRaw, plan } from './helpers'

function withProtocolParams(params: Record<string, ParamValue<number>>): PlanningProfile {
  return { ...DEFAULT_PROFILE, version: '1.0.1', protocolParams: params }
}

function confirmed(key: string, value?: number): ParamValue<number> {
  const shipped = shippedProtocolParam(key) as ParamValue<number>
  return { ...shipped, value: value ?? shipped.value, confirmed: true }
}

const siteDefaultKeys = (p: ReturnType<typeof plan>) => p.siteDefaultsUsed.filter((r) => !r.confirmed).map((r) => r.key)

describe('protocol parameters as profile settings', () => {
  it('lists every protocol number once, with its key, unit and provenance', () => {
    expect(PROTOCOL_PARAM_KEYS).toContain('protocol.radboud-slow.startLoadKg')
    expect(PROTOCOL_PARAM_KEYS).toContain('protocol.royal-free-lower.intervalDays')
    expect(new Set(PROTOCOL_PARAM_KEYS).size).toBe(PROTOCOL_PARAM_KEYS.length)
    // halfFraction is one parameter used by two anchors of the Radboud standard protocol.
    expect(PROTOCOL_PARAM_KEYS.filter((k) => k === 'protocol.radboud-standard.halfFraction')).toHaveLength(1)
    expect(shippedProtocolParam('protocol.opra.startDay')).toMatchObject({ value: 0, unit: 'days', provenance: { kind: 'site-default' } })
    expect(shippedProtocolParam('protocol.nope.startDay')).toBeUndefined()
  })

  it('without site values the profile plans with the shipped protocols', () => {
    expect(protocolsFor(DEFAULT_PROFILE)).toBe(PROTOCOLS)
    expect(protocolParam(DEFAULT_PROFILE, 'protocol.opra.startLoadKg')?.value).toBe(10)
  })

  it('a confirmed site default is no longer listed as unconfirmed; the numbers stay the same', () => {
    const r = baseRaw()
    r.implant = { systemId: 'opra-femur' }
    const before = plan(r)
    expect(siteDefaultKeys(before)).toEqual(expect.arrayContaining(['protocol.opra.startDay', 'protocol.opra.startLoadKg']))
    const profile = withProtocolParams({ 'protocol.opra.startDay': confirmed('protocol.opra.startDay'), 'protocol.opra.startLoadKg': confirmed('protocol.opra.startLoadKg') })
    expect(validateProfile(profile)).toEqual([])
    const after = plan(r, { profile })
    expect(siteDefaultKeys(after)).not.toContain('protocol.opra.startDay')
    expect(siteDefaultKeys(after)).not.toContain('protocol.opra.startLoadKg')
    expect(siteDefaultKeys(after)).toHaveLength(siteDefaultKeys(before).length - 2)
    expect(after.siteDefaultsUsed.find((p) => p.key === 'protocol.opra.startLoadKg')).toMatchObject({ confirmed: true, label: 'Start load' })
    expect(after.rehab.schedule).toEqual(before.rehab.schedule)
    expect(after.profileVersion).toBe('1.0.1')
  })

  it('a changed start load changes the schedule (hand-worked: 20 kg at day 0 → 80 kg at day 182)', () => {
    const r = baseRaw()
    r.implant = { systemId: 'opra-femur' }
    const p = plan(r, { profile: withProtocolParams({ 'protocol.opra.startLoadKg': confirmed('protocol.opra.startLoadKg', 20) }) })
    expect(p.rehab.schedule[0]).toMatchObject({ day: 0, loadKg: 20 })
    // day 98: 20 + (80 − 20) × 98/182 = 52.308
    expect(p.rehab.schedule[7]?.loadKg).toBeCloseTo(52.308, 3)
    expect(p.basis['rehab.schedule']?.parameters.find((x) => x.key === 'protocol.opra.startLoadKg')?.value).toBe(20)
    // The shipped table is untouched.
    expect(PROTOCOLS.opra).toMatchObject({ anchors: [{ load: { kind: 'kg', kg: { value: 10 } } }, {}] })
  })

  it('applies a key shared by two anchors everywhere, and to the slow variant chosen by the rule', () => {
    const r = baseRaw()
    r.implant.system.stages = 1
    r.protocolId = 'radboud-standard'
    const half = plan(r, { profile: withProtocolParams({ 'protocol.radboud-standard.halfFraction': confirmed('protocol.radboud-standard.halfFraction', 0.4) }) })
    // 80 kg × 0.4 = 32 kg on day 10 and on day 35
    expect(half.rehab.schedule.filter((x) => x.day === 10 || x.day === 35).map((x) => x.loadKg)).toEqual([32, 32])

    const slow = baseRaw()
    slow.patient.tScore = -3
    const s = plan(slow, { profile: withProtocolParams({ 'protocol.radboud-slow.startDay': confirmed('protocol.radboud-slow.startDay', 7) }) })
    expect(s.rehab.protocolId).toBe('radboud-slow')
    expect(s.rehab.schedule[0]).toMatchObject({ day: 7, loadKg: 10 })
    expect(siteDefaultKeys(s)).not.toContain('protocol.radboud-slow.startDay')
  })

  it('steps: a changed interval moves every step (Royal Free, 80 kg: 5 kg + 5 kg every 4 days)', () => {
    const r = baseRaw()
    r.protocolId = 'royal-free-lower'
    const p = plan(r, { profile: withProtocolParams({ 'protocol.royal-free-lower.intervalDays': confirmed('protocol.royal-free-lower.intervalDays', 4) }) })
    expect(p.rehab.schedule.slice(0, 3).map((x) => [x.day, x.loadKg])).toEqual([
      [3, 5],
      [7, 10],
      [11, 15]
    ])
  })
})

describe('validateProfile: protocol parameters', () => {
  const path = (k: string) => `protocolParams["${k}"].value`
  it('rejects unknown keys, wrong units, values out of range and missing provenance', () => {
    const start = confirmed('protocol.radboud-slow.startLoadKg')
    const errors = validateProfile(
      withProtocolParams({
        'protocol.radboud-slow.nope': { ...start, key: 'protocol.radboud-slow.nope' },
        'protocol.radboud-slow.startLoadKg': { ...start, value: 500 },
        'protocol.radboud-slow.startDay': { ...confirmed('protocol.radboud-slow.startDay'), value: 2.5 },
        'protocol.royal-free-lower.stepKg': { ...confirmed('protocol.royal-free-lower.stepKg'), value: 0 },
        'protocol.opra.startDay': { ...confirmed('protocol.opra.startDay'), unit: 'weeks' },
        'protocol.opra.startLoadKg': { ...confirmed('protocol.opra.startLoadKg'), provenance: undefined as never }
      })
    )
    expect(errors.map((e) => [e.path, e.message])).toEqual([
      ['protocolParams["protocol.radboud-slow.nope"]', 'unknown protocol parameter'],
      [path('protocol.radboud-slow.startLoadKg'), 'must be between 0 and 300 kg'],
      [path('protocol.radboud-slow.startDay'), 'must be a whole number'],
      [path('protocol.royal-free-lower.stepKg'), 'must be greater than 0 kg'],
      ['protocolParams["protocol.opra.startDay"].unit', 'must be "days"'],
      ['protocolParams["protocol.opra.startLoadKg"].provenance', 'provenance is missing']
    ])
  })

  it('keeps the days of a schedule in order', () => {
    const errors = validateProfile(withProtocolParams({ 'protocol.radboud-slow.startDay': confirmed('protocol.radboud-slow.startDay', 42) }))
    expect(errors).toEqual([
      { path: path('protocol.radboud-slow.startDay'), message: 'must be earlier than “Day 50 % body weight is reached (week 6)” (42 days)', code: 'invalid' }
    ])
    const crutch = validateProfile(withProtocolParams({ 'protocol.royal-free-lower.oneCrutchAfterCapDays': confirmed('protocol.royal-free-lower.oneCrutchAfterCapDays', 90) }))
    expect(crutch.map((e) => e.path)).toEqual([path('protocol.royal-free-lower.oneCrutchAfterCapDays')])
  })

  it('rejects protocolParams that are not an object', () => {
    expect(validateProfile({ ...DEFAULT_PROFILE, protocolParams: [] as never })).toEqual([
      { path: 'protocolParams', message: 'must be an object keyed by protocol parameter', code: 'invalid' }
    ])
  })
})
