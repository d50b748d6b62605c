// CSV export (quoting, formula guard, one row per record) and the outcome forms' text → record
// conversion and error mapping.
import { describe, expect, it } from 'vitest'
import { eventsCsv, operationsCsv, parseOperation, parseVisit, toCsv, visitsCsv, VISIT_COLUMNS } from '../../../src/shared/outcomes'
import { errorsByField, formToOperation, formToVisit, numberOrText, operationToForm, visitToForm } from '../../../src/renderer/src/features/outcomes/form-model'
import { outcomeLoss } from '../../../src/renderer/src/features/outcomes/confirm-plan-delete'
import { event, operation, patient, visit } from './fixtures'

describe('CSV', () => {
  it('quotes commas, quotes and line breaks, and neutralises formulas in text', () => {
    expect(toCsv(['a', 'b'], [['x, y', 'say "hi"'], ['=cmd()', -3], ['line\nbreak', undefined]])).toBe('a,b\r\n"x, y","say ""hi"""\r\n\'=cmd(),-3\r\n"line\nbreak",\r\n')
  })
  it('writes one row per operation, visit and event with documented columns', () => {
    const p = patient('a', '2026-01-01', {
      operation: operation('a', '2026-01-01', { implant: { systemId: 'opra-femur', diameterMm: 17, lengthMm: 80, lot: 'L1' }, changes: [{ change: 'larger Ø', reason: 'loose trial' }] }),
      visits: [visit('a', '2026-07-01', { sixMinuteWalkM: 400, qtfa: { global: 60 } }), visit('a', '2025-12-01', { kind: 'baseline', tugS: 14 })],
      events: [event('a', 'infection', '2026-03-01', { infectionGrade: '1', note: 'oral antibiotics' })]
    })
    const ops = operationsCsv([p]).trim().split('\r\n')
    expect(ops).toHaveLength(2)
    expect(ops[1]).toContain('a,A,transfemoral,Dr Okafor,rev-a,2026-01-01,,,,opra-femur,16,17,one-size,80,80,exact,L1')
    expect(ops[1]).toContain('larger Ø: loose trial')
    const visits = visitsCsv([p]).trim().split('\r\n')
    expect(visits[0]).toBe(VISIT_COLUMNS.join(','))
    expect(visits[1]!.startsWith('a,A,2025-12-01,baseline,-1,')).toBe(true)
    expect(visits[2]).toContain('2026-07-01,follow-up,5.9,')
    expect(eventsCsv([p]).trim().split('\r\n')[1]).toBe('a,A,2026-03-01,Infection,1,,0.16,oral antibiotics')
  })
})

describe('outcome forms', () => {
  it('keeps text that is not a plain number so the validator can name it', () => {
    expect(numberOrText(' 12.5 ')).toBe(12.5)
    expect(numberOrText('12,5')).toBe('12,5')
    expect(numberOrText('')).toBeUndefined()
    const r = parseVisit({ ...formToVisit({ kind: 'follow-up', date: '2026-06-01', tugS: '12,5', 'qtfa.global': '70' }, 'p1'), id: 'v1', createdAt: 1, updatedAt: 1 })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(errorsByField(r.errors)).toEqual({ tugS: 'must be a number; use a decimal point: 12.5' })
  })
  it('round-trips a visit and an operation through the form', () => {
    const v = visit('p1', '2026-06-01', { sixMinuteWalkM: 400, qtfa: { global: 63 }, kLevel: 'K3', notes: 'well' })
    expect(parseVisit({ ...formToVisit(visitToForm(v), 'p1', v.id), createdAt: 1, updatedAt: 1 })).toMatchObject({ ok: true, value: { ...v } })
    const op = operation('p1', '2026-03-03', { stages: [{ stage: 1, date: '2026-03-03' }, { stage: 2, date: '2026-04-20', surgeon: 'Dr B' }], changes: [{ change: 'shorter', reason: 'tip near cortex' }], complications: ['bleeding'], canal: { finalReamerMm: 15 } })
    const back = parseOperation({ ...formToOperation(operationToForm(op), 'p1', op.revisionId, op.id), createdAt: 1, updatedAt: 1 })
    expect(back).toMatchObject({ ok: true, value: op })
  })
  it('maps operation errors to the form fields', () => {
    const r = parseOperation({ ...formToOperation({ stage1Date: '', systemId: 'x', diameterMm: '16', lengthMm: 'long', 'changes.0.change': 'smaller' }, 'p1', 'r1'), id: 'o', createdAt: 1, updatedAt: 1 })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(Object.keys(errorsByField(r.errors)).sort()).toEqual(['changes.0.reason', 'lengthMm', 'stage1Date'])
  })
  it('says what a plan deletion takes with it', () => {
    expect(outcomeLoss({ operations: 1, visits: 3, events: 0 })).toBe('1 operation record, 3 follow-up visits')
    expect(outcomeLoss({ operations: 0, visits: 0, events: 0 })).toBe('')
  })
})
