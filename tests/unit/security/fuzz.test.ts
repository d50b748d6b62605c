// Property-based fuzzing (fast-check) of the case parser and computePlan, over both "valid-ish"
// cases (the example files of resources/cases with a few values perturbed) and junk. Whatever
// comes in: no exception, no NaN or Infinity anywhere in a computed plan, every refusal a list
// of field messages, no unhandled promise rejection. Prints how many cases were generated.
import { readdirSync, readFileSync } from 'node:fs'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { validateCaseFileText, validateLibraryBackup } from '../../../src/renderer/src/db/backup-validate'
import { computePlan, parseCase, planFromRaw } from '../../../src/shared/index'
import { findNonFinite } from './non-finite'

/** Runs per property; the total (printed at the end) must stay ≥ 10,000. FUZZ_SCALE=10 for a long soak. */
const SCALE = Number(process.env['FUZZ_SCALE'] ?? 1)
/** Fixed seeds keep CI reproducible; FUZZ_SEED=<n> explores other inputs. */
const SEED = Number(process.env['FUZZ_SEED'] ?? 8)
const RUNS = { perturbed: 7000 * SCALE, sections: 2000 * SCALE, junk: 1500 * SCALE, imports: 300 * SCALE }

const EXAMPLES = readdirSync('resources/cases')
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(`resources/cases/${f}`, 'utf8')) as Record<string, unknown>)

const tally = { generated: 0, planned: 0, refused: 0 }
const unhandled: unknown[] = []
const onUnhandled = (reason: unknown) => unhandled.push(reason)

beforeAll(() => {
  process.on('unhandledRejection', onUnhandled)
})
afterAll(() => {
  process.off('unhandledRejection', onUnhandled)
  console.log(`fuzz: ${tally.generated} generated cases (${tally.planned} planned, ${tally.refused} refused), 0 crashes, 0 NaN/Infinity, ${unhandled.length} unhandled rejections`)
})

/** Every leaf path of a JSON value, e.g. ['patient', 'weight'] or ['bone', 'stations', 2, 'endosteal']. */
function leafPaths(value: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  if (typeof value !== 'object' || value === null) return [prefix]
  const entries: Array<[string | number, unknown]> = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value)
  const own = prefix.length > 0 ? [prefix] : []
  return [...own, ...entries.flatMap(([k, v]) => leafPaths(v, [...prefix, k]))]
}

const PATHS = EXAMPLES.map((c) => leafPaths(c))

/** A replacement for one value: mostly plausible (scaled, with a unit, another enum), sometimes hostile. */
const replacement = (old: unknown): fc.Arbitrary<unknown> => {
  const scaled = typeof old === 'number' ? [fc.double({ min: 0.8, max: 1.2, noNaN: true }).map((f) => old * f)] : []
  const withUnit = typeof old === 'number' ? [fc.constantFrom('mm', 'cm', 'in', 'kg', 'lb', 'm', 'MM', 'furlong').map((u) => `${old} ${u}`)] : []
  return fc.oneof(
    { weight: 14, arbitrary: scaled.length ? fc.oneof(...scaled) : fc.constant(old) },
    { weight: 2, arbitrary: withUnit.length ? fc.oneof(...withUnit) : fc.string({ maxLength: 12 }) },
    { weight: 1, arbitrary: fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, -1, 1e308, 5e-324, Number.MAX_SAFE_INTEGER) },
    { weight: 1, arbitrary: fc.double() },
    { weight: 1, arbitrary: fc.constantFrom('12,5', '12,5 mm', '1e400 mm', 'NaN', '', '  ', '<img src=x onerror=alert(1)>', 'transfemoral', 'right', 'xray', 'opra-femur', 'humerus', 'tibia') },
    { weight: 1, arbitrary: fc.constantFrom(null, undefined, true, [], {}, [1, 2], { value: 1 }) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) }
  )
}

/** An example case with 1–3 values replaced (or removed). */
const perturbedCase = fc
  .integer({ min: 0, max: EXAMPLES.length - 1 })
  .chain((i) =>
    fc.tuple(
      fc.constant(i),
      fc.array(
        fc.integer({ min: 0, max: (PATHS[i] as unknown[]).length - 1 }).chain((p) => {
          const path = (PATHS[i] as Array<Array<string | number>>)[p] as Array<string | number>
          return fc.tuple(fc.constant(path), replacement(get(EXAMPLES[i], path)))
        }),
        { minLength: 1, maxLength: 3 }
      )
    )
  )
  .map(([i, edits]) => {
    const doc = structuredClone(EXAMPLES[i]) as Record<string, unknown>
    for (const [path, value] of edits) set(doc, path, value)
    return doc
  })

/** An example case with one whole section replaced by junk. */
const junkSection = fc
  .tuple(
    fc.integer({ min: 0, max: EXAMPLES.length - 1 }),
    fc.constantFrom('patient', 'limb', 'imaging', 'bone', 'softTissue', 'prosthesis', 'implant', 'profile', 'protocolId', 'notes', 'meta'),
    fc.oneof(fc.anything({ maxDepth: 3 }), fc.jsonValue({ maxDepth: 3 }), fc.object({ maxDepth: 2 }))
  )
  .map(([i, key, junk]) => ({ ...structuredClone(EXAMPLES[i]), [key]: junk }) as Record<string, unknown>)

/** Anything at all, and objects that start out looking like a case file. */
const junk = fc.oneof(
  fc.anything({ maxDepth: 4 }),
  fc.record({ format: fc.constantFrom('osseoplan.case', 'x'), version: fc.oneof(fc.constant(1), fc.anything()) }, { requiredKeys: [] }).chain((head) =>
    fc.dictionary(fc.string({ maxLength: 12 }), fc.anything({ maxDepth: 3 }), { maxKeys: 12 }).map((rest) => ({ ...rest, ...head }))
  )
)

function get(doc: unknown, path: Array<string | number>): unknown {
  return path.reduce<unknown>((cur, k) => (typeof cur === 'object' && cur !== null ? (cur as Record<string | number, unknown>)[k] : undefined), doc)
}

function set(doc: Record<string, unknown>, path: Array<string | number>, value: unknown): void {
  let cur = doc as Record<string | number, unknown>
  for (const k of path.slice(0, -1)) {
    const next = cur[k]
    if (typeof next !== 'object' || next === null) return
    cur = next as Record<string | number, unknown>
  }
  const last = path[path.length - 1] as string | number
  if (value === undefined) delete cur[last]
  else cur[last] = typeof value === 'object' && value !== null ? structuredClone(value) : value // never share a generator's (or an example's) object
}

/** The whole pipeline on one input: never throws; a plan has only finite numbers; a refusal names fields. */
function checkOne(raw: unknown): void {
  tally.generated++
  const planned = planFromRaw(raw)
  if (planned.ok) {
    tally.planned++
    const bad = findNonFinite(planned.result)
    if (bad.length > 0) throw new Error(`non-finite numbers in the plan: ${bad.join(', ')}`)
    if (planned.result.status !== 'ok' && planned.result.status !== 'warnings' && planned.result.status !== 'blocked') throw new Error(`status ${String(planned.result.status)}`)
  } else {
    tally.refused++
    if (planned.errors.length === 0) throw new Error('refused without a message')
    for (const e of planned.errors) if (typeof e.message !== 'string' || e.message === '' || typeof e.path !== 'string') throw new Error(`unclear error ${JSON.stringify(e)}`)
  }
}

// Timeouts are generous: CI shares two cores; the default run takes about 3 s.
describe('fuzzing the case parser and computePlan', { timeout: 60_000 * SCALE }, () => {
  it(`perturbed example cases (${RUNS.perturbed} runs): no crash, no NaN/Infinity, refusals name the field`, () => {
    const before = tally.planned
    fc.assert(fc.property(perturbedCase, (raw) => checkOne(raw)), { numRuns: RUNS.perturbed, seed: SEED })
    // The generator must keep many cases valid, or computePlan would hardly be exercised.
    expect(tally.planned - before).toBeGreaterThan(RUNS.perturbed * 0.3)
  })

  it(`example cases with a section replaced by junk (${RUNS.sections} runs)`, () => {
    fc.assert(fc.property(junkSection, (raw) => checkOne(raw)), { numRuns: RUNS.sections, seed: SEED })
  })

  it(`junk of every shape (${RUNS.junk} runs)`, () => {
    fc.assert(fc.property(junk, (raw) => checkOne(raw)), { numRuns: RUNS.junk, seed: SEED })
  })

  it('computePlan on a parsed case is deterministic and finite (perturbed cases)', () => {
    fc.assert(
      fc.property(perturbedCase, (raw) => {
        const parsed = parseCase(raw)
        if (!parsed.ok) return
        tally.generated++
        tally.planned++
        const a = computePlan(parsed.value)
        expect(findNonFinite(a)).toEqual([])
        expect(JSON.stringify(computePlan(parsed.value))).toBe(JSON.stringify(a))
      }),
      { numRuns: 500 * SCALE, seed: SEED + 1 }
    )
  })

  it(`the import path (file text → validateCaseFileText, library backup → validateLibraryBackup) never rejects its promise (${RUNS.imports} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(perturbedCase, junkSection), fc.boolean(), async (raw, asBackup) => {
        tally.generated++
        const text = JSON.stringify(raw)
        const at = 1_767_312_000_000
        if (!asBackup) {
          const checked = validateCaseFileText(text)
          if (!checked.ok) expect(checked.problem).not.toMatch(/\n\s+at /)
          return
        }
        const plan = { id: 'fuzz1', patientCode: '', surgeon: '', level: '', side: '', systemId: '', status: 'draft', archived: 0, createdAt: at, updatedAt: at, parentId: '', caseFile: raw, notes: '' }
        const backup = JSON.stringify({ format: 'osseoplan.library', version: 1, exportedAt: '', appVersion: '', plans: [plan], revisions: [], audit: [] })
        const checked = await validateLibraryBackup(backup)
        if (!checked.ok) expect(checked.problem).not.toMatch(/\n\s+at /)
      }),
      { numRuns: RUNS.imports, seed: SEED }
    )
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(unhandled).toEqual([])
  })

  it('generated at least 10,000 cases in all', () => {
    expect(tally.generated).toBeGreaterThanOrEqual(10_000)
  })
})
