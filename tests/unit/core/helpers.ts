/**
 * Test helpers for the calculation core: a simple valid case (CT, m = 1) and a simple
 * case-carried implant system, so the hand-worked arithmetic in the tests stays short.
 */
import {
  computePlan,
  parseCase,
  type Finding,
  type NormalizedCase,
  type PlanOptions,
  type PlanResult,
  type RawImplantSystem
} from '../../../src/shared/index'

/** Diameters 10–14 mm, lengths 60–120 mm, engagement 1, minCortex 2, minContact 30, tipMargin 20. */
export function testSystem(over: Partial<RawImplantSystem> = {}): RawImplantSystem {
  return {
    id: 'test-stem',
    name: 'Test stem',
    fixation: 'press-fit',
    bones: ['femur', 'tibia', 'humerus', 'radius', 'ulna', 'metacarpal', 'phalanx'],
    diametersMm: [10, 11, 12, 13, 14],
    lengthsMm: [60, 80, 100, 120],
    engagementMm: 1,
    minCortexMm: 2,
    minContactMm: 30,
    tipMarginMm: 20,
    stages: 2,
    stage2IntervalDays: { min: 42, max: 56 },
    ...over
  }
}

/**
 * The base case: transfemoral, CT (m = 1), residual 200 mm, canal
 *   z   0: endo 16, peri 28
 *   z  50: endo 12, peri 26
 *   z 100: endo 10, peri 26
 *   z 150: endo 12, peri 28
 * Hand-worked with testSystem(): Lmax = 200 − 20 = 180 → L = 120; required contact 30;
 *   D 12 → r 11: [75, 100] (12 − 0.04(z − 50) ≤ 11 ⇔ z ≥ 75) + [100, 120] (10 + 0.04(z − 100) ≤ 11) = 25 + 20 = 45 ≥ 30
 *   D 11 → r 10: only the point z = 100 → 0; so D = 12.
 */
export function baseRaw(): Record<string, any> {
  return {
    format: 'osseoplan.case',
    version: 1,
    patient: {
      code: 'T-1',
      ageYears: 40,
      sex: 'female',
      weight: 80,
      height: 180,
      conditions: [],
      socketRehabMonths: 12,
      hipFlexionContractureDeg: 5,
      tScore: 0
    },
    limb: { level: 'transfemoral', side: 'left' },
    imaging: { source: 'ct' },
    bone: {
      residualLength: 200,
      landmark: 'tip of greater trochanter',
      stations: [
        { fromDistalEnd: 0, endosteal: 16, periosteal: 28 },
        { fromDistalEnd: 50, endosteal: 12, periosteal: 26 },
        { fromDistalEnd: 100, endosteal: 10, periosteal: 26 },
        { fromDistalEnd: 150, endosteal: 12, periosteal: 28 }
      ]
    },
    softTissue: { distalThickness: 15, method: 'ct' },
    prosthesis: {
      soundSideLength: 400,
      components: [
        { name: 'adapter', buildHeight: 50 },
        { name: 'safety device', buildHeight: 30 },
        { name: 'knee', buildHeight: 100 }
      ]
    },
    implant: { system: testSystem() }
  }
}

export function parseOk(raw: unknown): NormalizedCase {
  const r = parseCase(raw)
  if (!r.ok) throw new Error('expected a valid case: ' + JSON.stringify(r.errors))
  return r.value
}

export function plan(raw: unknown, options?: PlanOptions): PlanResult {
  return computePlan(parseOk(raw), options)
}

export function ids(r: PlanResult): string[] {
  return r.findings.map((f) => f.id)
}

export function finding(r: PlanResult, id: string): Finding | undefined {
  return r.findings.find((f) => f.id === id)
}

export function errorsOf(raw: unknown): { path: string; message: string; code?: string }[] {
  const r = parseCase(raw)
  if (r.ok) return []
  return r.errors
}

/** Deep clone (tests mutate their own copy of the base case). */
export function clone<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T
}
