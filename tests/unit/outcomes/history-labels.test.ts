// The plan's history names each field of a corrected or deleted outcome record in clinical words
// (it showed "Visit tug s" for the Timed Up and Go before).
import { describe, expect, it } from 'vitest'
import { flatten } from '../../../src/renderer/src/db/object-diff'
import { outcomeFieldLabel } from '../../../src/renderer/src/features/outcomes/form-model'
import { event, operation, visit } from './fixtures'

const stripped = ({ id: _i, planId: _p, createdAt: _c, updatedAt: _u, ...rest }: { id: string; planId: string; createdAt: number; updatedAt: number }) => rest

function labels(kind: string, record: Parameters<typeof stripped>[0]): Map<string, string | undefined> {
  return new Map([...flatten(stripped(record)).keys()].map((path) => [path, outcomeFieldLabel(`${kind}.${path}`)]))
}

describe('outcome fields in the plan history', () => {
  it('every field of a fully filled visit, event and operation has a clinical label', () => {
    const filled = {
      visit: visit('p', '2026-03-01', { kind: 'follow-up', kLevel: 'K3', wearHoursPerDay: 10, wearDaysPerWeek: 7, sixMinuteWalkM: 400, tugS: 9.5, qtfa: { prostheticUse: 80, mobility: 70, problem: 20, global: 75 }, quickDash: 30, pain: 2, falls: 1, notes: 'ok' }),
      event: event('p', 'infection', '2026-04-01', { infectionGrade: '2', note: 'treated' }),
      operation: operation('p', '2026-01-10', {
        stages: [{ stage: 1, date: '2026-01-10', surgeon: 'A' }, { stage: 2, date: '2026-03-10', surgeon: 'B' }],
        implant: { systemId: 'opra', diameterMm: 18, lengthMm: 80, lot: 'L1', serial: 'S1' },
        canal: { finalReamerMm: 17.5, note: 'ream' },
        changes: [{ change: 'shorter', reason: 'bone' }],
        complications: ['fissure'],
        notes: 'n'
      })
    }
    for (const [kind, record] of Object.entries(filled)) {
      for (const [path, label] of labels(kind, record)) {
        expect(label, `${kind}.${path}`).toBeDefined()
        expect(label, `${kind}.${path}`).not.toMatch(/\b[a-z]+[A-Z]|\[|\./)
      }
    }
  })

  it('names the measures and stages as the forms do', () => {
    expect(outcomeFieldLabel('visit.tugS')).toBe('Timed Up and Go (s)')
    expect(outcomeFieldLabel('visit.qtfa.global')).toBe('Q-TFA global (0–100)')
    expect(outcomeFieldLabel('operation.stages[1].date')).toBe('Stage 2 — date')
    expect(outcomeFieldLabel('operation.implant.diameterMm')).toBe('Implanted diameter (mm)')
    expect(outcomeFieldLabel('event.infectionGrade')).toBe('Infection grade')
    expect(outcomeFieldLabel('event.date')).toBe('Event date')
    expect(outcomeFieldLabel('bone.stations[2].endosteal')).toBeUndefined()
  })
})
