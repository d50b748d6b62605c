// Issue #13 §6: every field a surgeon reads is named clinically (stations from one), in history,
// compare, the audit trail and "cannot be printed" — never a path or a variable name.
import { describe, expect, test } from 'vitest'
import { fieldLabel } from '../../../src/shared/case/field-labels'
import { isComparedResultPath, resultFieldLabel } from '../../../src/renderer/src/features/review/result-labels'
import { flatten } from '../../../src/renderer/src/db/object-diff'
import { auditActionText } from '../../../src/renderer/src/features/review/AuditChanges'
import { readFileSync } from 'node:fs'
import { planFromRaw } from '../../../src/shared/plan'

const loadCase = (name: string) => JSON.parse(readFileSync(`resources/cases/${name}.json`, 'utf8')) as Record<string, unknown>

/** Nothing that looks like a path, an index or a camelCase variable. */
const INTERNAL = /[[\].]|[a-z][A-Z]|Mm\b|Kg\b/

describe('case-file field labels', () => {
  test('stations and components are named clinically and counted from one', () => {
    expect(fieldLabel('bone.stations[2].endosteal')).toBe('Station 3 — endosteal Ø')
    expect(fieldLabel('bone.stations[0].periostealLat')).toBe('Station 1 — periosteal Ø lateral')
    expect(fieldLabel('bone.stations[9]')).toBe('Station 10')
    expect(fieldLabel('prosthesis.components[1].buildHeight')).toBe('Component 2 — build height')
    expect(fieldLabel('bone.residualLength')).toBe('Residual bone length')
    expect(fieldLabel('imaging.marker.trueSize')).toBe('Calibration marker — true size')
    expect(fieldLabel('patient.conditions[1]')).toBe('Conditions')
    expect(fieldLabel('parentId')).toBe('Revises an earlier approved plan')
    expect(fieldLabel('')).toBe('Case file')
  })

  test('every path of a real case file gets a label with no path syntax or variable names', () => {
    const raw = loadCase('transfemoral')
    for (const path of flatten(raw).keys()) expect(fieldLabel(path), path).not.toMatch(INTERNAL)
    expect(fieldLabel('profile.soft.targetMm.transfemoral')).toMatch(/^Planning parameter — /)
    expect(fieldLabel('implant.system.minContactMm')).toBe('Implant system (case file) — minimum contact length')
  })
})

describe('result field labels (revision compare)', () => {
  test('a computed result compares with clinical labels only, its basis trail and ids left out', () => {
    const raw = loadCase('transfemoral')
    const planned = planFromRaw(raw)
    if (!planned.ok) throw new Error('case does not compute')
    const { basis: _b, ...result } = planned.result as unknown as Record<string, unknown>
    const flat = flatten(result)
    const shown = [...flat.keys()].filter(isComparedResultPath)
    expect(shown.some((p) => p.startsWith('findings[') && p.includes('.basis'))).toBe(false)
    expect(shown).toContain('implant.diameterMm')
    for (const path of shown) expect(resultFieldLabel(path, (p) => flat.get(p)), path).not.toMatch(INTERNAL)
    expect(resultFieldLabel('implant.smaller.diameterMm')).toBe('One size smaller — diameter')
    expect(resultFieldLabel('findings[1].message')).toBe('Finding 2')
    expect(resultFieldLabel('corrected.stations[2].endostealMm')).toBe('Station 3 — endosteal Ø (corrected)')
    expect(resultFieldLabel('eligibility[0].outcome', (p) => (p === 'eligibility[0].item' ? 'SMOKING' : undefined))).toBe('Eligibility: Smoking — outcome')
  })

  test('audit actions read as words', () => {
    expect(auditActionText('status')).toBe('Status changed')
    expect(auditActionText('revise')).toBe('Revised')
  })
})

describe('printed summary texts', () => {
  test('the basis names its inputs clinically and no source cites a file of ours', async () => {
    const { buildSummary } = await import('../../../src/shared/summary')
    const { SOURCES } = await import('../../../src/shared/catalog/sources')
    const raw = loadCase('transfemoral')
    const planned = planFromRaw(raw)
    if (!planned.ok) throw new Error('case does not compute')
    const s = buildSummary(planned.case, planned.result, {
      surgeon: 'A',
      status: 'draft',
      revisionNumber: null,
      dateMs: 0,
      contentHash: '',
      units: { length: 'mm', mass: 'kg' }
    })
    const inputs = s.basis.flatMap((g) => g.numbers.flatMap((n) => n.inputs))
    expect(inputs.length).toBeGreaterThan(10)
    for (const text of inputs) expect(text.split(':')[0], text).not.toMatch(/[a-z][A-Z]/)
    expect(inputs.join(' ')).not.toMatch(/\b(asEntered|requiredContact)\b/)
    for (const title of Object.values(SOURCES)) expect(title).not.toMatch(/\.md\b/)
  })
})

describe('implant system names (issue #13 §11)', () => {
  test('a template system says "template" once', async () => {
    const { systemDisplayName } = await import('../../../src/shared/catalog/display-name')
    const { BUILTIN_SYSTEMS } = await import('../../../src/shared/catalog/systems')
    const template = BUILTIN_SYSTEMS.find((s) => s.template)
    expect(template).toBeDefined()
    expect(systemDisplayName(template!)).toBe('Generic press-fit stem (template)')
    for (const s of BUILTIN_SYSTEMS) expect(systemDisplayName(s)).not.toMatch(/template\).*template/i)
    expect(systemDisplayName({ name: 'OPRA', template: false })).toBe('OPRA')
  })

  test('the printed summary names a template system once, with its note', async () => {
    const { buildSummary } = await import('../../../src/shared/summary')
    const raw = { ...loadCase('transfemoral'), implant: { systemId: 'generic-press-fit' } }
    const planned = planFromRaw(raw)
    if (!planned.ok) throw new Error(JSON.stringify(planned.errors))
    const s = buildSummary(planned.case, planned.result, { surgeon: 'A', status: 'draft', revisionNumber: null, dateMs: 0, contentHash: '', units: { length: 'mm', mass: 'kg' } })
    const row = s.implant.rows.find((r) => r.label === 'Implant system')
    expect(row?.value).toBe('Generic press-fit stem (generic template — site default sizes, confirm)')
  })
})
