import { describe, expect, it } from 'vitest'
import { computePlan } from '../../../src/shared/plan'
import { DEFAULT_PROFILE } from '../../../src/shared/profile/defaults'
import {
  bumpVersion,
  changeParam,
  confirmParam,
  copyProfile,
  errorsForKey,
  isShippedParam,
  lastChange,
  parseParamText,
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

describe('profile versions', () => {
  it('increments the last number of the version', () => {
    expect(bumpVersion('1.0.0')).toBe('1.0.1')
    expect(bumpVersion('1.0.9')).toBe('1.0.10')
    expect(bumpVersion('2')).toBe('3')
    expect(bumpVersion('beta')).toBe('beta.1')
  })
})

describe('confirming and changing parameters', () => {
  it('confirms a site default with who and when, and bumps the version', () => {
    const start = shippedProfileRecord()
    const before = unconfirmedKeys(start.profile)
    expect(before).toContain('soft.targetMm')
    const next = ok(confirmParam(start, 'soft.targetMm', 'Dr Example', 1_700_000_000_000))
    expect(next.profile.version).toBe('1.0.1')
    expect(next.profile.params['soft.targetMm'].confirmed).toBe(true)
    expect(next.profile.params['soft.targetMm'].value).toBe(15)
    expect(unconfirmedKeys(next.profile)).toHaveLength(before.length - 1)
    expect(lastChange(next, 'soft.targetMm')).toEqual({ key: 'soft.targetMm', action: 'confirmed', by: 'Dr Example', at: 1_700_000_000_000, from: 15, to: 15, version: '1.0.1' })
    // The shipped default profile itself is untouched.
    expect(DEFAULT_PROFILE.params['soft.targetMm'].confirmed).toBeUndefined()
  })

  it('does nothing when confirming a published value', () => {
    const start = shippedProfileRecord()
    expect(ok(confirmParam(start, 'elig.maxHipFlexionDeg', 'x', 1))).toBe(start)
  })

  it('a changed site default is a confirmed site value; a changed published value stops claiming its source', () => {
    let r = ok(changeParam(shippedProfileRecord(), 'soft.targetMm', 10, 'Dr A', 5))
    expect(r.profile.params['soft.targetMm']).toMatchObject({ value: 10, confirmed: true, provenance: { kind: 'site-default' } })
    r = ok(changeParam(r, 'elig.maxHipFlexionDeg', 20, 'Dr B', 6))
    expect(r.profile.version).toBe('1.0.2')
    const bmi = r.profile.params['elig.maxHipFlexionDeg']
    expect(bmi.provenance).toMatchObject({ kind: 'site-default', basedOn: ['S15'] })
    expect(bmi.provenance.note).toContain('published value 15')
    expect(r.history.map((h) => [h.key, h.action, h.by, h.from, h.to])).toEqual([
      ['soft.targetMm', 'changed', 'Dr A', 15, 10],
      ['elig.maxHipFlexionDeg', 'changed', 'Dr B', 15, 20]
    ])
  })

  it('refuses out-of-range and inconsistent values with messages for that field, changing nothing', () => {
    const start = shippedProfileRecord()
    const range = changeParam(start, 'soft.targetMm', 500, 'x', 1)
    expect(range.ok).toBe(false)
    if (!range.ok) expect(errorsForKey(range.errors, 'soft.targetMm').map((e) => e.message)).toEqual(['must be between 0 and 100 mm'])
    const cross = changeParam(start, 'mag.warnBelow', 1.25, 'x', 1)
    expect(cross.ok).toBe(false)
    if (!cross.ok) expect(errorsForKey(cross.errors, 'mag.warnBelow')[0]?.message).toMatch(/must not exceed the upper warning limit/)
    const days = changeParam(start, 'stage.threadedDays', 10.5, 'x', 1)
    expect(days.ok).toBe(false)
    expect(start.profile.version).toBe('1.0.0')
    expect(start.history).toEqual([])
  })

  it('resets a parameter to the shipped value and provenance (unconfirmed again)', () => {
    const changed = ok(changeParam(shippedProfileRecord(), 'soft.targetMm', 10, 'Dr A', 5))
    expect(isShippedParam(changed.profile.params['soft.targetMm'], 'soft.targetMm')).toBe(false)
    const reset = ok(resetParam(changed, 'soft.targetMm', 'Dr A', 6))
    expect(reset.profile.params['soft.targetMm']).toEqual(DEFAULT_PROFILE.params['soft.targetMm'])
    expect(reset.profile.version).toBe('1.0.2')
    expect(unconfirmedKeys(reset.profile)).toContain('soft.targetMm')
  })

  it('a copy keeps values and confirmations under a new id, name and version', () => {
    const src = ok(confirmParam(shippedProfileRecord(), 'soft.targetMm', 'Dr A', 5))
    const copy = ok(copyProfile(src, 'strict', '  Strict  '))
    expect(copy.profile).toMatchObject({ id: 'strict', name: 'Strict', version: '1.0.0' })
    expect(copy.profile.params['soft.targetMm'].confirmed).toBe(true)
    expect(copyProfile(src, 'x', '   ').ok).toBe(false)
  })

  it('parses typed values by the parameter kind', () => {
    expect(parseParamText('soft.targetMm', ' 12.5 ')).toEqual({ ok: true, value: 12.5 })
    // A decimal comma gets the editor's message (issue #13 §15), anything else "must be a number".
    expect(parseParamText('soft.targetMm', '12,5')).toEqual({ ok: false, message: 'use a decimal point, not a comma: write "12.5"' })
    expect(parseParamText('soft.targetMm', 'twelve')).toEqual({ ok: false, message: 'must be a number (mm)' })
    expect(parseParamText('soft.targetMm', '1e3')).toMatchObject({ ok: false })
    expect(parseParamText('stage.preferred', '2')).toEqual({ ok: true, value: 2 })
    expect(parseParamText('elig.severity.DIABETES', 'absolute')).toEqual({ ok: true, value: 'absolute' })
    expect(parseParamText('elig.severity.DIABETES', 'maybe').ok).toBe(false)
  })
})

describe('the plan flag follows confirmation', () => {
  it('siteDefaultsUsed reports a confirmed parameter as confirmed', () => {
    const c = transfemoralCase()
    const before = computePlan(c, { profile: DEFAULT_PROFILE })
    const target = before.siteDefaultsUsed.find((p) => p.key === 'soft.targetMm')
    expect(target?.confirmed).toBe(false)
    const r = ok(confirmParam(shippedProfileRecord(), 'soft.targetMm', 'Dr A', 5))
    const after = computePlan(c, { profile: r.profile })
    expect(after.profileVersion).toBe('1.0.1')
    expect(after.siteDefaultsUsed.find((p) => p.key === 'soft.targetMm')?.confirmed).toBe(true)
    expect(after.siteDefaultsUsed.filter((p) => !p.confirmed).length).toBe(before.siteDefaultsUsed.filter((p) => !p.confirmed).length - 1)
  })

  it('with every profile site default confirmed, only system and protocol defaults remain unconfirmed', () => {
    let r = shippedProfileRecord()
    for (const key of unconfirmedKeys(r.profile)) r = ok(confirmParam(r, key, 'Dr A', 5))
    expect(unconfirmedKeys(r.profile)).toEqual([])
    const result = computePlan(transfemoralCase(), { profile: r.profile })
    expect(result.siteDefaultsUsed.filter((p) => !p.confirmed && !p.key.startsWith('system.') && !p.key.startsWith('protocol.'))).toEqual([])
  })
})

describe('reading stored profiles', () => {
  it('round-trips a stored record', () => {
    const r = ok(changeParam(shippedProfileRecord(), 'soft.targetMm', 10, 'Dr A', 5))
    const read = readProfileRecord(JSON.parse(JSON.stringify(r)))
    expect(read.ok).toBe(true)
    if (read.ok) {
      expect(read.record.profile.params['soft.targetMm'].value).toBe(10)
      expect(read.record.history).toHaveLength(1)
    }
  })

  it('refuses damaged or hostile records', () => {
    expect(readProfileRecord(null).ok).toBe(false)
    expect(readProfileRecord({ profile: 'x' }).ok).toBe(false)
    const r = JSON.parse(JSON.stringify(shippedProfileRecord())) as { profile: { params: Record<string, { value: unknown }> } }
    r.profile.params['soft.targetMm']!.value = '15; drop'
    expect(readProfileRecord(r).ok).toBe(false)
    const extra = JSON.parse(JSON.stringify(shippedProfileRecord())) as { profile: { params: Record<string, unknown> } }
    extra.profile.params['evil.param'] = { key: 'evil.param', value: 1, unit: '', provenance: { kind: 'site-default' } }
    expect(readProfileRecord(extra).ok).toBe(false)
  })

  it('drops unknown fields and malformed history entries', () => {
    const raw = JSON.parse(JSON.stringify(shippedProfileRecord())) as Record<string, unknown> & { profile: { params: Record<string, Record<string, unknown>> } }
    raw.profile.params['soft.targetMm']!['script'] = '<img onerror=alert(1)>'
    raw['history'] = [{ key: 'soft.targetMm', action: 'hack', at: 1 }, { key: 'soft.targetMm', action: 'confirmed', by: 'A', at: 2, from: 15, to: 15, version: '1.0.1' }, 'junk']
    const read = readProfileRecord(raw)
    expect(read.ok).toBe(true)
    if (read.ok) {
      expect(Object.keys(read.record.profile.params['soft.targetMm'])).not.toContain('script')
      expect(read.record.history).toHaveLength(1)
    }
  })
})

describe('stored profiles from before issue #12', () => {
  it('still read: the "WHO" source key becomes [W1] and an "off" eligibility item becomes relative', () => {
    const stored = JSON.parse(JSON.stringify(shippedProfileRecord())) as ProfileRecord
    const p = stored.profile.params as unknown as Record<string, { value: unknown; provenance: Record<string, unknown> }>
    p['rehab.osteoporosisTScore']!.provenance = { kind: 'published', source: 'WHO', also: ['S29'] }
    p['elig.severity.SMOKING']!.value = 'off'
    const read = readProfileRecord(stored)
    expect(read.ok).toBe(true)
    if (read.ok) {
      expect(read.record.profile.params['rehab.osteoporosisTScore'].provenance).toEqual({ kind: 'published', source: 'W1', also: ['S29'] })
      expect(read.record.profile.params['elig.severity.SMOKING'].value).toBe('relative')
    }
  })
})
