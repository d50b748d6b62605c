import { describe, expect, it } from 'vitest'
import { mapErrors, messageFor, pathLabel, sameErrors, sectionOf } from '../../../src/renderer/src/features/editor/field-errors'
import { getAt, parsePath, setAt } from '../../../src/renderer/src/features/editor/draft-path'
import { parseCase } from '../../../src/shared'
import { fieldLabel } from '../../../src/shared/case/field-labels'

describe('mapping field errors onto the form', () => {
  const errors = [
    { path: 'patient.weight', message: 'is required', code: 'required' as const },
    { path: 'bone.stations[1].endosteal', message: 'must be smaller than the periosteal diameter (25 mm)', code: 'invalid' as const },
    { path: 'limb.level', message: 'is required', code: 'required' as const },
    { path: '', message: 'not a case file', code: 'invalid' as const }
  ]

  it('puts invalid values at their field and missing ones in the still-needed list, by section order', () => {
    const m = mapErrors(errors)
    expect(messageFor(m, 'bone.stations[1].endosteal')).toMatch(/smaller than the periosteal/)
    expect(messageFor(m, 'patient.weight')).toBe('is required')
    expect(m.missingBySection.map((s) => s.id)).toEqual(['patient', 'limb'])
    expect(m.general.map((e) => e.message)).toEqual(['not a case file'])
  })

  it('names sections and readable labels from paths', () => {
    expect(sectionOf('softTissue.method')).toBe('soft')
    expect(sectionOf('protocolId')).toBe('protocol')
    expect(pathLabel('bone.stations[1].endosteal')).toBe('Station 2 — endosteal Ø')
    expect(pathLabel('patient.ageYears')).toBe('Age')
  })

  it('names missing fields in clinical words: a missing section lists its fields, each linkable (#13 item 8)', () => {
    const parsed = parseCase({ format: 'osseoplan.case', version: 1 })
    if (parsed.ok) throw new Error('an empty case planned')
    const m = mapErrors(parsed.errors)
    const patient = m.missingBySection.find((s) => s.id === 'patient')
    expect(patient?.paths).toEqual(['patient.code', 'patient.ageYears', 'patient.weight', 'patient.height', 'patient.conditions'])
    expect(patient?.paths.map(pathLabel)).toEqual(['Patient code', 'Age', 'Body weight', 'Body height', 'Conditions screened'])
    const limb = m.missingBySection.find((s) => s.id === 'limb')
    expect(limb?.paths.map(pathLabel)).toEqual(['Level', 'Side'])
    // No label is a path or a variable name.
    for (const s of m.missingBySection) for (const p of s.paths) expect(pathLabel(p)).not.toMatch(/[.[\]]|[a-z][A-Z]/)
  })

  it('every error the core reports for an empty draft maps to a section', () => {
    const parsed = parseCase({ format: 'osseoplan.case', version: 1 })
    expect(parsed.ok).toBe(false)
    if (parsed.ok) return
    for (const e of parsed.errors) expect(sectionOf(e.path), e.path).not.toBeNull()
  })
})

describe('draft paths', () => {
  it('parses the core path syntax', () => {
    expect(parsePath('bone.stations[2].endosteal')).toEqual(['bone', 'stations', 2, 'endosteal'])
  })

  it('sets immutably, creating objects and arrays along the way, and removes on undefined', () => {
    const a = { bone: { stations: [{ fromDistalEnd: 1 }] } }
    const b = setAt(a, 'bone.stations[0].endosteal', 12)
    expect(b).toEqual({ bone: { stations: [{ fromDistalEnd: 1, endosteal: 12 }] } })
    expect(a.bone.stations[0]).toEqual({ fromDistalEnd: 1 })
    expect(setAt({}, 'prosthesis.components[0].name', 'knee')).toEqual({ prosthesis: { components: [{ name: 'knee' }] } })
    expect(setAt(b, 'bone.stations[0].endosteal', undefined)).toEqual(a)
    expect(getAt(b, 'bone.stations[0].endosteal')).toBe(12)
    expect(getAt(b, 'patient.code')).toBeUndefined()
  })
})

describe('one field-label module serves the editor and the documents (#13)', () => {
  it('the editor names a field as its form does, and every other field as the shared labels do', () => {
    // The form's own words where it has a control with its own label …
    expect(pathLabel('bone.landmark')).toBe('Proximal landmark')
    expect(pathLabel('patient.conditions[1]')).toBe('Conditions screened')
    expect(fieldLabel('bone.landmark')).toBe('Landmark')
    // … the shared clinical labels for the rest (the editor's own table had none of these:
    // "Profile — soft — target mm", "Implant — system — min cortex mm").
    expect(pathLabel('profile.soft.targetMm')).toBe(fieldLabel('profile.soft.targetMm'))
    expect(pathLabel('profile.soft.targetMm')).toMatch(/^Planning parameter — /)
    expect(pathLabel('implant.system.minCortexMm')).toBe('Implant system (case file) — minimum remaining cortex')
    expect(pathLabel('bone.stations[2].fromDistalEnd')).toBe(fieldLabel('bone.stations[2].fromDistalEnd'))
    expect(pathLabel('prosthesis.components[1].buildHeight')).toBe('Component 2 — build height')
  })
})

describe('the same messages are recognised as the same (issue #14: the editor keeps the earlier object)', () => {
  const base = [
    { path: 'patient.weight', message: 'is required', code: 'required' as const },
    { path: 'bone.stations[1].endosteal', message: 'must be smaller than the periosteal diameter (25 mm)', code: 'invalid' as const },
    { path: '', message: 'not a case file', code: 'invalid' as const }
  ]
  const warn = [{ path: 'patient.weight', message: 'unusually low' }]

  it('finds two mappings of the same errors and warnings equal', () => {
    expect(sameErrors(mapErrors(base, undefined, warn), mapErrors([...base], undefined, [...warn]))).toBe(true)
    expect(sameErrors(mapErrors([]), mapErrors([]))).toBe(true)
  })

  it('tells apart a changed message, a new missing field, a warning and a general error', () => {
    const m = mapErrors(base)
    expect(sameErrors(m, mapErrors(base.map((e) => (e.code === 'invalid' && e.path ? { ...e, message: 'must be smaller than the periosteal diameter (24 mm)' } : e))))).toBe(false)
    expect(sameErrors(m, mapErrors([...base, { path: 'limb.level', message: 'is required', code: 'required' as const }]))).toBe(false)
    expect(sameErrors(m, mapErrors(base, undefined, warn))).toBe(false)
    expect(sameErrors(m, mapErrors(base.filter((e) => e.path !== '')))).toBe(false)
    expect(sameErrors(mapErrors([]), m)).toBe(false)
  })
})
