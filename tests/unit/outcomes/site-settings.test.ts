// The site's outcome settings: the shipped schedule is exactly the audit's default; the form is
// checked field by field (nothing returned on error); provenance follows what changed; a damaged
// stored row reads as the shipped settings; the due / overdue list follows the site's schedule.
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import {
  auditCohort,
  confirmSettings,
  defaultIntervals,
  formToSettings,
  readStoredSettings,
  scheduleIntervals,
  settingsToForm,
  SHIPPED_OUTCOME_SETTINGS,
  type OutcomeSettingsForm
} from '../../../src/shared/outcomes'
import { createOutcomeSettingsRepo } from '../../../src/renderer/src/db/outcome-settings-repo'
import { useTestDb } from '../db/helpers'
import { patient, visit } from './fixtures'

const shippedForm = settingsToForm(SHIPPED_OUTCOME_SETTINGS)
const AT = Date.UTC(2026, 10, 30)
const check = (patch: Partial<OutcomeSettingsForm>) => formToSettings({ ...shippedForm, ...patch }, SHIPPED_OUTCOME_SETTINGS, 'Dr Q', AT)

describe('outcome site settings', () => {
  it('ship the schedule the audit has always used, labelled to confirm', () => {
    expect(scheduleIntervals(SHIPPED_OUTCOME_SETTINGS.schedule)).toEqual(defaultIntervals())
    expect(shippedForm.intervals).toBe('6 weeks ±14, 3 months ±28, 6 months ±42, 12 months ±61')
    expect(SHIPPED_OUTCOME_SETTINGS.schedule.provenance).toEqual({ kind: 'shipped', confirmed: false })
    // Saving the unchanged form changes nothing, provenance included.
    expect(check({})).toEqual({ ok: true, value: SHIPPED_OUTCOME_SETTINGS })
  })

  it.each([
    [{ intervals: '' }, 'intervals', /at least one visit/],
    [{ intervals: '6 weeks ±14, 3 mnths ±28' }, 'intervals', /visit 2 “3 mnths ±28”: write a number/],
    [{ intervals: '3 months ±28, 6 weeks ±14' }, 'intervals', /visit 2 “6 weeks ±14” must come after/],
    [{ intervals: '6 weeks ±400' }, 'intervals', /at most ±183 days/],
    [{ intervals: '30 months ±20' }, 'intervals', /1 and 24 months/],
    [{ yearlyUntil: '2.5' }, 'yearlyUntil', /whole number of years/],
    [{ yearlyUntil: '40' }, 'yearlyUntil', /from 1 .* to 30/],
    [{ intervals: '6 weeks ±14, 24 months ±30', yearlyUntil: '5' }, 'yearlyUntil', /year 2, which must come after/],
    [{ yearlyWindowDays: '-3' }, 'yearlyWindowDays', /0 to 183/],
    [{ scaleName: '  ' }, 'scaleName', /scale’s name/],
    [{ grades: '1 | Mild\n1 | Severe' }, 'grades', /line 2: the code 1 is used twice/],
    [{ grades: '1 | Mild\n2' }, 'grades', /line 2: write a label/],
    [{ grades: 'grade one | Mild' }, 'grades', /line 1: the code “grade one”/]
  ] as const)('refuses %o at the field %s', (patch, field, message) => {
    const checked = check(patch)
    expect(checked.ok).toBe(false)
    if (checked.ok) return
    expect(checked.errors.map((e) => e.path)).toEqual([field])
    expect(checked.errors[0]!.message).toMatch(message)
  })

  it('a changed schedule becomes the site’s, to confirm, with who and when; the scale keeps its provenance', () => {
    const checked = check({ intervals: '2 weeks ±5, 3 months ±20', yearlyUntil: '3', yearlyWindowDays: '60' })
    expect(checked.ok).toBe(true)
    if (!checked.ok) return
    expect(checked.value.schedule.provenance).toEqual({ kind: 'site', confirmed: false, by: 'Dr Q', at: AT })
    expect(scheduleIntervals(checked.value.schedule)).toEqual([
      { label: '2 weeks', dueDay: 14, windowDays: 5 },
      { label: '3 months', dueDay: 91, windowDays: 20 },
      { label: 'year 2', dueDay: 731, windowDays: 60 },
      { label: 'year 3', dueDay: 1096, windowDays: 60 }
    ])
    expect(checked.value.scale).toBe(SHIPPED_OUTCOME_SETTINGS.scale)
    const confirmed = confirmSettings(checked.value, 'Dr R', AT + 1)
    expect(confirmed.schedule.provenance).toEqual({ kind: 'site', confirmed: true, by: 'Dr R', at: AT + 1 })
    expect(confirmed.scale.confirmed).toBe(true)
  })

  it('a changed scale is a new scale (new id), so grades recorded on the old one keep their meaning', () => {
    const checked = check({ scaleName: 'Site scale', grades: 'A | Superficial | oral antibiotics\nB | Deep' })
    expect(checked.ok).toBe(true)
    if (!checked.ok) return
    expect(checked.value.scale).toEqual({ id: `site-scale-${AT}`, name: 'Site scale', source: SHIPPED_OUTCOME_SETTINGS.scale.source, confirmed: false, grades: [{ code: 'A', label: 'Superficial', description: 'oral antibiotics' }, { code: 'B', label: 'Deep', description: '' }] })
  })

  it('a damaged stored row reads as the shipped settings', () => {
    expect(readStoredSettings(null)).toEqual(SHIPPED_OUTCOME_SETTINGS)
    expect(readStoredSettings({ schedule: { intervals: 'x' } })).toEqual(SHIPPED_OUTCOME_SETTINGS)
    const damaged = structuredClone(SHIPPED_OUTCOME_SETTINGS) as unknown as { schedule: { intervals: { amount: number }[] } }
    damaged.schedule.intervals[0]!.amount = -4
    expect(readStoredSettings(damaged)).toEqual(SHIPPED_OUTCOME_SETTINGS)
  })

  it('the due / overdue list follows the site’s schedule', () => {
    const today = '2026-06-01'
    const p = patient('a', '2026-01-01', { visits: [visit('a', '2026-02-12')] })
    const shipped = auditCohort([p], {}, today).completeness
    expect(shipped.list.map((d) => `${d.label} ${d.status}`)).toEqual(['3 months overdue', '6 months due'])
    const site = check({ intervals: '2 weeks ±3, 6 weeks ±14, 20 weeks ±14' })
    if (!site.ok) throw new Error('valid')
    const custom = auditCohort([p], {}, today, scheduleIntervals(site.value.schedule)).completeness
    expect(custom.list.map((d) => `${d.label} ${d.status}`)).toEqual(['2 weeks overdue', '20 weeks due'])
    expect(custom.rows.map((r) => r.label)).toEqual(['2 weeks', '6 weeks', '20 weeks'])
  })
})

describe('outcome settings repository', () => {
  const t = useTestDb()
  it('stores, reads back and resets', async () => {
    const repo = createOutcomeSettingsRepo(t.db)
    expect(await repo.get()).toEqual(SHIPPED_OUTCOME_SETTINGS)
    const checked = check({ yearlyUntil: '5' })
    if (!checked.ok) throw new Error('valid')
    expect(await repo.save(checked.value)).toEqual(checked.value)
    expect((await repo.get()).schedule.yearlyUntil).toBe(5)
    expect(await repo.reset()).toEqual(SHIPPED_OUTCOME_SETTINGS)
  })
})
