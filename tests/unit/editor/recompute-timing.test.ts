// Recompute on a keystroke (parse + computePlan) must stay well under one frame (16 ms) for a
// case with 30 stations. Prints the figure recorded in docs/performance.md ("Editor").
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { evaluateDraft } from '../../../src/renderer/src/features/editor/evaluate-draft'
import { BUILTIN_SYSTEMS, DEFAULT_PROFILE } from '../../../src/shared'
import type { CaseDraft } from '../../../src/shared'

function thirtyStationCase(): CaseDraft {
  const base = JSON.parse(readFileSync('resources/cases/transfemoral.json', 'utf8')) as CaseDraft
  const stations = Array.from({ length: 30 }, (_, i) => ({ fromDistalEnd: i * 8, endosteal: 25 - i * 0.25, periosteal: 35 - i * 0.1 }))
  return { ...base, bone: { ...base.bone, stations } }
}

describe('editor recompute time', () => {
  it('parses and plans a 30-station case in well under 16 ms per keystroke', () => {
    const draft = thirtyStationCase()
    const options = { profile: DEFAULT_PROFILE, systems: BUILTIN_SYSTEMS }
    const first = evaluateDraft(draft, options)
    expect(first.ok).toBe(true)
    for (let i = 0; i < 50; i++) evaluateDraft(draft, options) // warm-up
    const times: number[] = []
    for (let i = 0; i < 300; i++) {
      // A keystroke: a new draft object with one changed value, as the editor produces.
      const edited = { ...draft, softTissue: { ...draft.softTissue, distalThickness: 20 + (i % 10) } }
      const start = performance.now()
      evaluateDraft(edited, options)
      times.push(performance.now() - start)
    }
    times.sort((a, b) => a - b)
    const median = times[Math.floor(times.length / 2)] as number
    const p95 = times[Math.floor(times.length * 0.95)] as number
    console.log(`[editor] recompute, 30 stations: median ${median.toFixed(3)} ms, p95 ${p95.toFixed(3)} ms, max ${(times[times.length - 1] as number).toFixed(3)} ms (n=${times.length})`)
    expect(median).toBeLessThan(16)
  })
})
