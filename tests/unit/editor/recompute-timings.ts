// Editor recompute timings (parse + computePlan on every keystroke, through the editor's own
// evaluateDraft) for a 30-station case, in Node. Run by `npm run bench` (scripts/bench/editor.ts);
// kept beside the editor tests because it needs the renderer's DOM-typed project.
import { readFileSync } from 'node:fs'
import { evaluateDraft } from '../../../src/renderer/src/features/editor/evaluate-draft'
import { BUILTIN_SYSTEMS, DEFAULT_PROFILE } from '../../../src/shared'
import type { CaseDraft } from '../../../src/shared'

export function thirtyStationCase(): CaseDraft {
  const base = JSON.parse(readFileSync('resources/cases/transfemoral.json', 'utf8')) as CaseDraft
  const stations = Array.from({ length: 30 }, (_, i) => ({ fromDistalEnd: i * 8, endosteal: 25 - i * 0.25, periosteal: 35 - i * 0.1 }))
  return { ...base, bone: { ...base.bone, stations } }
}

export function runRecomputeBench(keystrokes = 300): Array<{ name: string; ms: number }> {
  const draft = thirtyStationCase()
  const options = { profile: DEFAULT_PROFILE, systems: BUILTIN_SYSTEMS }
  for (let i = 0; i < 50; i++) evaluateDraft(draft, options) // warm-up
  const times: number[] = []
  for (let i = 0; i < keystrokes; i++) {
    // A keystroke: a new draft object with one changed value, as the editor produces.
    const edited = { ...draft, softTissue: { ...draft.softTissue, distalThickness: 20 + (i % 10) } }
    const start = performance.now()
    evaluateDraft(edited, options)
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(times.length * q))] as number
  return [
    { name: `recompute per keystroke, 30 stations: median of ${keystrokes}`, ms: at(0.5) },
    { name: 'recompute per keystroke, 30 stations: 95th percentile', ms: at(0.95) }
  ]
}
