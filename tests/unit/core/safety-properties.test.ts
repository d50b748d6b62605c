/**
 * Issue #12 proof: safety properties over generated cases (fast-check). The profile is evaluated
 * here independently of the engine: stations from the raw case, linear between them, per plane.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DEFAULT_PROFILE, computePlan, parseCase, type PlanResult } from '../../../src/shared/index'
import { rangeFor } from '../../../src/shared/case/plausible-ranges'
import { baseRaw, testSystem } from './helpers'

const RUNS = Number(process.env.CORE_FC_RUNS ?? 150)

interface St {
  z: number
  ap: [number, number] // endosteal, periosteal
  lat: [number, number]
}

/**
 * The narrowest canal drawn (tenths of a mm): with the thinnest wall (0.5 mm) the bone is still at
 * the plausible minimum of a femur's outer diameter (plausible-ranges.ts), as parseCase requires.
 */
const E_MIN = Math.round((rangeFor('periosteal', 'transfemoral')!.hard[0] - 0.5) * 10)

/** Stations with two planes (a one-plane station when ap = lat), CT (m = 1). */
const stationsArb = fc
  .array(
    fc.record({
      z: fc.integer({ min: 0, max: 2600 }),
      eAp: fc.integer({ min: E_MIN, max: 200 }),
      eLat: fc.integer({ min: E_MIN, max: 200 }),
      wAp: fc.integer({ min: 5, max: 100 }),
      wLat: fc.integer({ min: 5, max: 100 }),
      onePlane: fc.boolean()
    }),
    { minLength: 2, maxLength: 6 }
  )
  .map((xs) => {
    const seen = new Set<number>()
    const out: St[] = []
    for (const x of xs) {
      const z = x.z / 10
      if (seen.has(z)) continue
      seen.add(z)
      const ap: [number, number] = [x.eAp / 10, (x.eAp + x.wAp) / 10]
      out.push({ z, ap, lat: x.onePlane ? ap : [x.eLat / 10, (x.eLat + x.wLat) / 10] })
    }
    return out
  })
  .filter((s) => s.length >= 2)

function rawOf(st: St[], residual: number, minCortex: number): Record<string, any> {
  const r = baseRaw()
  r.bone.residualLength = residual
  r.bone.stations = st.map((s) =>
    s.ap === s.lat
      ? { fromDistalEnd: s.z, endosteal: s.ap[0], periosteal: s.ap[1] }
      : { fromDistalEnd: s.z, endostealAP: s.ap[0], periostealAP: s.ap[1], endostealLat: s.lat[0], periostealLat: s.lat[1] }
  )
  r.implant.system = testSystem({ diametersMm: [8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20], lengthsMm: [40, 60, 80, 100, 120, 140, 160, 180, 200], minCortexMm: minCortex })
  delete r.prosthesis.soundSideLength // no resection: the zone is [0, L] of the bone as measured
  return r
}

function planOf(raw: unknown): PlanResult {
  const p = parseCase(raw)
  if (!p.ok) throw new Error(JSON.stringify(p.errors))
  return computePlan(p.value)
}

/** Linear interpolation of one plane's (endosteal, periosteal) at z within the stations. */
function at(st: St[], z: number, plane: 'ap' | 'lat'): [number, number] {
  const s = [...st].sort((a, b) => a.z - b.z)
  for (let i = 0; i + 1 < s.length; i++) {
    const a = s[i]!
    const b = s[i + 1]!
    if (z >= a.z && z <= b.z) {
      const f = (z - a.z) / (b.z - a.z)
      return [a[plane][0] + f * (b[plane][0] - a[plane][0]), a[plane][1] + f * (b[plane][1] - a[plane][1])]
    }
  }
  const one = s.find((x) => x.z === z)!
  return one[plane]
}

/** Every 0.1 mm of the measured part of [0, L], plus its ends. */
function scanPoints(st: St[], L: number): number[] {
  const zs = st.map((s) => s.z)
  const from = Math.max(0, Math.min(...zs))
  const to = Math.min(L, Math.max(...zs))
  if (to < from) return []
  const pts: number[] = []
  for (let k = Math.ceil(from * 10); k <= Math.floor(to * 10); k++) pts.push(k / 10)
  pts.push(from, to)
  return pts
}

describe('issue #12 safety properties', { timeout: 180_000 }, () => {
  it('the minimum cortex over [0, L] equals a dense scan (every 0.1 mm, each plane) within 1e-6', () => {
    let compared = 0
    fc.assert(
      fc.property(stationsArb, fc.integer({ min: 60, max: 260 }), (st, residual) => {
        const zMax = Math.max(...st.map((s) => s.z))
        fc.pre(zMax <= residual)
        const p = planOf(rawOf(st, residual, 0.5))
        const i = p.implant
        if (!i) return
        let min = Infinity
        for (const z of scanPoints(st, i.lengthMm))
          for (const plane of ['ap', 'lat'] as const) {
            const [e, per] = at(st, z, plane)
            min = Math.min(min, (per - Math.max(e, i.preparedDiameterMm)) / 2)
          }
        if (min === Infinity) expect(i.minCortexMm).toBeNull()
        else {
          expect(Math.abs((i.minCortexMm as number) - min)).toBeLessThanOrEqual(1e-6)
          compared++
        }
      }),
      { numRuns: RUNS }
    )
    expect(compared).toBeGreaterThan(RUNS / 10) // not vacuous
  })

  it('no plan with the implant as wide as the bone anywhere in [0, L] is anything but blocked', () => {
    let wideSeen = 0
    fc.assert(
      fc.property(stationsArb, fc.integer({ min: 60, max: 260 }), fc.constantFrom(0.1, 1, 2), (st, residual, minCortex) => {
        fc.pre(Math.max(...st.map((s) => s.z)) <= residual)
        const p = planOf(rawOf(st, residual, minCortex))
        const i = p.implant
        if (!i) return
        const wide = scanPoints(st, i.lengthMm).some((z) => (['ap', 'lat'] as const).some((plane) => at(st, z, plane)[1] <= i.diameterMm))
        if (wide) {
          wideSeen++
          expect(p.status).toBe('blocked')
          expect(p.findings.map((f) => f.id)).toContain('R-CORTEX-BREACH')
        }
      }),
      { numRuns: RUNS }
    )
    expect(wideSeen).toBeGreaterThan(0) // not vacuous
  })

  it('no case-file override lowers any eligibility severity or relaxes an eligibility limit', () => {
    const items = Object.keys(DEFAULT_PROFILE.params).filter((k) => k.startsWith('elig.severity.'))
    const limits = ['elig.minAgeYears', 'elig.maxBmi', 'elig.minSocketRehabMonths', 'elig.maxHipFlexionDeg', 'elig.minResidualHumerusMm']
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...items), fc.constantFrom('absolute', 'relative', 'off', 'sometimes')),
        fc.dictionary(fc.constantFrom(...limits), fc.integer({ min: 0, max: 90 })),
        (sev, lim) => {
          const r = baseRaw()
          r.patient.conditions = ['active-infection', 'malignancy', 'pregnancy', 'diabetes', 'smoking']
          r.profile = { ...sev, ...lim }
          const parsed = parseCase(r)
          if (!parsed.ok) {
            // only invalid values are refused
            expect(Object.values(sev).some((v) => v === 'off' || v === 'sometimes') || parsed.errors.length > 0).toBe(true)
            return
          }
          const p = computePlan(parsed.value)
          for (const e of p.eligibility) {
            const base = DEFAULT_PROFILE.params[`elig.severity.${e.item}` as keyof typeof DEFAULT_PROFILE.params].value
            if (base === 'absolute') expect(e.severity, e.item).toBe('absolute')
          }
          const used = (k: string) => {
            for (const b of Object.values(p.basis)) for (const q of b.parameters) if (q.key === k) return q.value as number
            return null
          }
          for (const k of limits) {
            const v = used(k)
            if (v === null) continue
            const base = (DEFAULT_PROFILE.params as unknown as Record<string, { value: number }>)[k]!.value
            if (k.startsWith('elig.min')) expect(v, k).toBeGreaterThanOrEqual(base)
            else expect(v, k).toBeLessThanOrEqual(base)
          }
        }
      ),
      { numRuns: RUNS }
    )
  })
})
