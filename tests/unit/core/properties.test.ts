/** Property tests (fast-check) over generated valid cases of every level. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  CONDITIONS,
  LEVEL_BONES,
  LEVELS,
  PROTOCOL_IDS,
  basisFor,
  computePlan,
  defaultSystemIdForBone,
  parseCase,
  type Level,
  type PlanResult
} from '../../../src/shared/index'
import { rangeFor, type PlausibleField } from '../../../src/shared/case/plausible-ranges'
import { testSystem } from './helpers'

const RUNS = Number(process.env.CORE_FC_RUNS ?? 150)

/** A length as an integer number of tenths of an inch (so mm, cm and in are all exact decimals). */
const tenthsIn = (min: number, max: number) => fc.integer({ min, max })

interface Gen {
  level: Level
  boneIndex: number
  residual: number // tenths of an inch
  zs: number[]
  endo: number[]
  peri: number[]
  imaging: Record<string, unknown>
  soft: number
  softMethod: string
  sound: number | null
  components: number[]
  adapter: number | null
  pWeight: number | null
  age: number
  weight: number
  height: number
  conditions: string[]
  tScore: number | null
  socket: number | null
  hip: number | null
  builtin: boolean
  protocolId: string | null
}

/**
 * The whole tenths of an inch inside a field's plausible range at a level (its hard limits, so the
 * warning zone is drawn too): a generated case is one parseCase accepts — no 8 mm femurs.
 */
function tenthsRange(field: PlausibleField, level: Level): [number, number] {
  const [lo, hi] = rangeFor(field, level)!.hard
  return [Math.ceil(lo / 2.54), Math.floor(hi / 2.54)]
}
/** A fraction (0–1000) of a level's range, as whole tenths of an inch. */
const inRange = ([lo, hi]: [number, number], frac: number) => lo + Math.round((frac / 1000) * (hi - lo))
const frac = fc.integer({ min: 0, max: 1000 })

const genArb = (periFactor: number) =>
  fc
    .record({
      level: fc.constantFrom(...LEVELS),
      boneIndex: fc.integer({ min: 0, max: 1 }),
      residual: frac, // of the level's plausible residual length
      n: fc.integer({ min: 2, max: 6 }),
      zFracs: fc.uniqueArray(fc.integer({ min: 0, max: 1000 }), { minLength: 6, maxLength: 6 }),
      endo: fc.array(frac, { minLength: 6, maxLength: 6 }), // of the level's plausible canal
      extra: fc.array(tenthsIn(1, 6), { minLength: 6, maxLength: 6 }),
      imaging: fc.oneof(
        fc.constant({ source: 'ct' }),
        fc.constant({ source: 'calibrated' }),
        fc.constant({ source: 'xray' }),
        fc.integer({ min: 100, max: 130 }).map((k) => ({ source: 'xray', magnification: k / 100 })),
        fc.integer({ min: 0, max: 30 }).map((k) => ({ source: 'xray', marker: { trueSize: 100, measuredSize: 100 + k } }))
      ),
      soft: frac, // of the level's plausible soft-tissue thickness
      softMethod: fc.constantFrom('xray', 'ct', 'ultrasound', 'clinical'),
      sound: fc.option(tenthsIn(20, 350)),
      components: fc.array(tenthsIn(0, 60), { maxLength: 4 }),
      adapter: fc.option(tenthsIn(1, 20)),
      pWeight: fc.option(fc.integer({ min: 1, max: 80 }).map((x) => x / 10)),
      age: fc.integer({ min: 10, max: 90 }),
      weight: fc.integer({ min: 40, max: 150 }),
      height: fc.integer({ min: 140, max: 200 }),
      conditions: fc.subarray([...CONDITIONS]),
      tScore: fc.option(fc.integer({ min: -40, max: 20 }).map((x) => x / 10)),
      socket: fc.option(fc.integer({ min: 0, max: 36 })),
      hip: fc.option(fc.integer({ min: 0, max: 40 })),
      builtin: fc.boolean(),
      protocolId: fc.option(fc.constantFrom(...PROTOCOL_IDS), { freq: 4 })
    })
    .map((g): Gen => {
      const residual = inRange(tenthsRange('residualLength', g.level), g.residual)
      const zs = g.zFracs
        .slice(0, g.n)
        .map((f) => Math.round((f / 1000) * residual))
        .filter((z, i, a) => a.indexOf(z) === i)
      while (zs.length < 2) zs.push(zs.includes(residual) ? 0 : residual)
      // The canal inside its range, with room to widen it by 30 % (a property below) and for the
      // wider bone around it inside the outer diameter's range.
      const [pLo, pHi] = tenthsRange('periosteal', g.level)
      const [eLo, eHi] = tenthsRange('endosteal', g.level)
      const eTop = Math.max(eLo, Math.min(Math.floor(eHi / 1.3), Math.floor((pHi - 1) / periFactor)))
      const endo = zs.map((_, i) => inRange([eLo, eTop], g.endo[i] as number))
      const peri = endo.map((e, i) => Math.min(pHi, Math.max(pLo, Math.ceil(e * periFactor) + (g.extra[i] as number))))
      const soft = inRange(tenthsRange('distalThickness', g.level), g.soft)
      return { ...g, residual, soft, zs, endo, peri, sound: g.sound, adapter: g.adapter, pWeight: g.pWeight } as unknown as Gen
    })

type Enc = (tenths: number) => number | string
const asMm: Enc = (k) => Number((k * 2.54).toFixed(6))
const asCm: Enc = (k) => `${Number((k * 0.254).toFixed(7))} cm`
const asIn: Enc = (k) => `${Number((k * 0.1).toFixed(4))} in`

function toRaw(g: Gen, L: Enc = asMm, order?: number[]): Record<string, any> {
  const bones = LEVEL_BONES[g.level]
  const bone = bones[Math.min(g.boneIndex, bones.length - 1)] as string
  const idx = order ?? g.zs.map((_, i) => i)
  const imaging: Record<string, any> = { ...g.imaging }
  if (imaging.marker) imaging.marker = { trueSize: L(100), measuredSize: L(imaging.marker.measuredSize) }
  const prosthesis: Record<string, any> = { components: g.components.map((c, i) => ({ name: `c${i}`, buildHeight: L(c) })) }
  if (g.sound !== null) prosthesis.soundSideLength = L(g.sound)
  if (g.adapter !== null) prosthesis.adapterTranscutaneousLength = L(g.adapter)
  if (g.pWeight !== null) prosthesis.weight = g.pWeight
  const patient: Record<string, any> = { code: 'P', ageYears: g.age, weight: g.weight, height: g.height, conditions: g.conditions }
  if (g.tScore !== null) patient.tScore = g.tScore
  if (g.socket !== null) patient.socketRehabMonths = g.socket
  if (g.hip !== null) patient.hipFlexionContractureDeg = g.hip
  const raw: Record<string, any> = {
    format: 'osseoplan.case',
    version: 1,
    patient,
    limb: { level: g.level, side: 'left', bone },
    imaging,
    bone: {
      residualLength: L(g.residual),
      landmark: 'x',
      stations: idx.map((i) => ({ fromDistalEnd: L(g.zs[i] as number), endosteal: L(g.endo[i] as number), periosteal: L(g.peri[i] as number) }))
    },
    softTissue: { distalThickness: L(g.soft), method: g.softMethod },
    prosthesis,
    implant: g.builtin ? { systemId: defaultSystemIdForBone(bone as never) } : { system: testSystem() }
  }
  if (g.protocolId !== null) raw.protocolId = g.protocolId
  return raw
}

function planOf(raw: unknown): PlanResult {
  const p = parseCase(raw)
  if (!p.ok) throw new Error('generated case rejected: ' + JSON.stringify(p.errors))
  return computePlan(p.value)
}

/** Every numeric leaf of the reported result (not bases, findings or parameter lists), with its path. */
function numbers(x: unknown, path: string, out: [string, number][]): [string, number][] {
  if (typeof x === 'number') out.push([path, x])
  else if (Array.isArray(x)) x.forEach((v, i) => numbers(v, `${path}[${i}]`, out))
  else if (x && typeof x === 'object')
    for (const [k, v] of Object.entries(x)) {
      if (path === '' && ['basis', 'findings', 'siteDefaultsUsed', 'eligibility'].includes(k)) continue
      numbers(v, path ? `${path}.${k}` : k, out)
    }
  return out
}

function strip(r: PlanResult): unknown {
  return JSON.parse(JSON.stringify(r, (k, v) => (k === 'paths' || k === 'index' ? undefined : v)))
}

describe('properties of computePlan', { timeout: 120_000 }, () => {
  it('never throws, never NaN/Infinity, no negative sizes, status matches the findings', () => {
    fc.assert(
      fc.property(genArb(1.2), (g) => {
        const p = planOf(toRaw(g))
        for (const [path, v] of numbers(p, '', [])) expect(Number.isFinite(v), path).toBe(true)
        expect(p.findings.some((f) => f.id === 'ENGINE-ERROR')).toBe(false)
        const i = p.implant
        if (i) {
          for (const v of [i.diameterMm, i.lengthMm, i.preparedDiameterMm, i.requiredContactMm]) expect(v).toBeGreaterThan(0)
          expect(i.contactLengthMm).toBeGreaterThanOrEqual(i.requiredContactMm - 1e-9)
          expect(i.lengthMm).toBeLessThanOrEqual(i.maxLengthMm + 1e-9)
          for (const o of [i.smaller, i.larger]) if (o) expect(o.contactLengthMm).toBeGreaterThanOrEqual(0)
          for (const w of [i.atMagnificationMinus5, i.atMagnificationPlus5]) {
            if (w.diameterMm !== null) expect(w.diameterMm).toBeGreaterThan(0)
            if (w.lengthMm !== null) expect(w.lengthMm).toBeGreaterThan(0)
          }
        }
        expect(p.softTissue.reductionMm).toBeGreaterThanOrEqual(0)
        expect(p.softTissue.measuredMm).toBeGreaterThanOrEqual(0)
        if (p.buildHeight) {
          expect(p.buildHeight.requiredMm).toBeGreaterThanOrEqual(0)
          expect(p.buildHeight.resectionMm).toBeGreaterThanOrEqual(0)
        }
        for (const row of p.rehab.schedule) {
          expect(row.day).toBeGreaterThanOrEqual(0)
          expect(row.loadKg).toBeGreaterThanOrEqual(0)
        }
        const sev = p.findings.map((f) => f.severity)
        expect(p.status).toBe(sev.includes('block') ? 'blocked' : sev.includes('warning') ? 'warnings' : 'ok')
        // the implant is null only when sizing is impossible (on the shortened bone too, when a
        // resection is proposed), and then a block finding says why
        const why = p.findings.filter((f) => ['SYSTEM-UNKNOWN', 'SYSTEM-BONE', 'R-LEN-SHORT-BONE', 'R-DIA-CANAL-TOO-WIDE', 'R-BUILD-NO-ROOM'].includes(f.id))
        if (p.implant === null) expect(why.length).toBeGreaterThan(0)
        if (why.some((f) => f.id !== 'R-BUILD-NO-ROOM')) expect(p.implant).toBeNull()
        for (const f of why) expect(f.severity).toBe('block')
        // one consistent set of sizes: with a resection, the plan's sizes are the shortened bone's
        const after = p.buildHeight?.afterResection
        if (after && p.implant) expect([p.implant.diameterMm, p.implant.lengthMm, p.implant.resectionMm]).toEqual([after.diameterMm, after.lengthMm, after.resectionMm])
      }),
      { numRuns: RUNS }
    )
  })

  it('every reported number and every finding has a basis', () => {
    fc.assert(
      fc.property(genArb(1.2), (g) => {
        const p = planOf(toRaw(g))
        for (const [path] of numbers(p, '', [])) {
          if (['engineVersion', 'caseCode'].includes(path)) continue
          const b = basisFor(p, path)
          expect(b, `no basis for ${path}`).toBeDefined()
          expect(b?.formula.length).toBeGreaterThan(10)
        }
        for (const f of p.findings) {
          expect(f.basis.rule).toBeTruthy()
          expect(f.basis.formula.length).toBeGreaterThan(10)
          expect(Array.isArray(f.basis.parameters) && Array.isArray(f.basis.sources)).toBe(true)
          for (const prm of f.basis.parameters) expect(['published', 'site-default']).toContain(prm.provenance.kind)
        }
        for (const s of p.siteDefaultsUsed) expect(s.provenance.kind).toBe('site-default')
      }),
      { numRuns: RUNS }
    )
  })

  it('station order does not matter', () => {
    fc.assert(
      fc.property(genArb(1.2), fc.integer({ min: 0, max: 1e6 }), (g, seed) => {
        const order = g.zs.map((_, i) => i).sort((a, b) => ((a * 7919 + seed) % 101) - ((b * 7919 + seed) % 101))
        expect(strip(planOf(toRaw(g, asMm, order)))).toEqual(strip(planOf(toRaw(g))))
      }),
      { numRuns: RUNS }
    )
  })

  it('a wider canal never gives a smaller implant', () => {
    fc.assert(
      fc.property(genArb(1.5), fc.integer({ min: 0, max: 30 }), (g, pct) => {
        const narrow = planOf(toRaw(g))
        const wideRaw = toRaw(g)
        for (const s of wideRaw.bone.stations) s.endosteal = (s.endosteal as number) * (1 + pct / 100)
        const wide = planOf(wideRaw)
        if (narrow.implant && wide.implant) {
          expect(wide.implant.lengthMm).toBe(narrow.implant.lengthMm) // the canal does not change the length
          expect(wide.implant.diameterMm).toBeGreaterThanOrEqual(narrow.implant.diameterMm)
        }
        // sized before but not after widening: only because the wider canal is now too wide
        if (narrow.implant && !wide.implant) expect(wide.findings.map((f) => f.id)).toContain('R-DIA-CANAL-TOO-WIDE')
        if (!narrow.implant && narrow.findings.some((f) => f.id === 'R-DIA-CANAL-TOO-WIDE')) expect(wide.implant).toBeNull()
        // the what-if sizes move the same way
        const d = (p: PlanResult) => p.implant?.atMagnificationPlus5.diameterMm ?? null
        if (d(narrow) !== null && d(wide) !== null) expect(d(wide) as number).toBeGreaterThanOrEqual(d(narrow) as number)
      }),
      { numRuns: RUNS }
    )
  })

  it('mm, cm and in inputs give the same plan', () => {
    fc.assert(
      fc.property(genArb(1.2), (g) => {
        const mm = planOf(toRaw(g, asMm))
        expect(planOf(toRaw(g, asCm))).toEqual(mm)
        expect(planOf(toRaw(g, asIn))).toEqual(mm)
      }),
      { numRuns: RUNS }
    )
  })

  it('is deterministic and does not modify its input', () => {
    fc.assert(
      fc.property(genArb(1.2), (g) => {
        const p = parseCase(toRaw(g))
        if (!p.ok) throw new Error('rejected')
        const frozen = deepFreeze(p.value)
        expect(computePlan(frozen)).toEqual(computePlan(frozen))
      }),
      { numRuns: 50 }
    )
  })
})

function deepFreeze<T>(x: T): T {
  if (x && typeof x === 'object') {
    for (const v of Object.values(x)) deepFreeze(v)
    Object.freeze(x)
  }
  return x
}
