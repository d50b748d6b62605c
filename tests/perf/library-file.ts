// The library the browser benchmark restores: 10,000 generated plans (the same generator as the
// scale tests), one of which — the transfemoral plan BENCH_PLAN_ID — has 30 canal stations, the
// case the editor keystrokes are timed on.
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'

export const BENCH_PLANS = 10_000
/** generatedLibrary cycles through the sorted example cases; index 2 is transfemoral. */
export const BENCH_PLAN_ID = 'gen000002'

interface GeneratedPlan {
  id: string
  caseFile: { limb: { level: string }; bone: Record<string, unknown> }
}

export function writeBenchLibrary(file: string, plans = BENCH_PLANS): void {
  // The generator is renderer-project code (tests/unit/db): run it, as the scale e2e test does.
  execFileSync('npx', ['tsx', 'tests/unit/db/library-generator.ts', file, String(plans)])
  const library = JSON.parse(readFileSync(file, 'utf8')) as { plans: GeneratedPlan[] }
  const plan = library.plans.find((p) => p.id === BENCH_PLAN_ID)
  if (plan?.caseFile.limb.level !== 'transfemoral') throw new Error(`bench: ${BENCH_PLAN_ID} is not the transfemoral example`)
  // The same 30 stations as tests/unit/editor/recompute-timings.ts.
  const stations = Array.from({ length: 30 }, (_, i) => ({ fromDistalEnd: i * 8, endosteal: 25 - i * 0.25, periosteal: 35 - i * 0.1 }))
  plan.caseFile = { ...plan.caseFile, bone: { ...plan.caseFile.bone, stations } }
  writeFileSync(file, JSON.stringify(library))
}
