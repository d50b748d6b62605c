import { describe, expect, it } from 'vitest'
import { SUMMARY_FACES, summaryFaces, summaryFontsReady, type FontRegistry, type LoadableFace } from '../../../src/renderer/src/features/print/print-fonts'

/** A font set that records what is added, with faces whose load() the test decides. */
function registry(load: (weight: string) => Promise<unknown> = () => Promise.resolve()): FontRegistry & { made: string[][]; set: unknown[] } {
  const set: unknown[] = []
  const made: string[][] = []
  return {
    set,
    made,
    fonts: { add: (face: never) => set.push(face) },
    makeFace: (family, source, weight): LoadableFace => (made.push([family, source, weight]), { load: () => load(weight) })
  }
}

describe('summary faces', () => {
  it('adds the regular and the bold face of OsseoPlan Sans from the bundled woff2 files', () => {
    const r = registry()
    summaryFaces(r)
    expect(r.made.map(([family, , weight]) => [family, weight])).toEqual([
      ['OsseoPlan Sans', '400'],
      ['OsseoPlan Sans', '700']
    ])
    expect(r.made.map(([, source]) => source)).toEqual(SUMMARY_FACES.map((f) => `url("${f.url}") format("woff2")`))
    expect(SUMMARY_FACES.map((f) => f.url)).toEqual([expect.stringMatching(/osseoplan-sans-400.*\.woff2$/), expect.stringMatching(/osseoplan-sans-700.*\.woff2$/)])
    expect(r.set).toHaveLength(2)
  })

  it('adds them once however often the summary is opened', async () => {
    const r = registry()
    await summaryFontsReady(r)
    await summaryFontsReady(r)
    summaryFaces(r)
    expect(r.set).toHaveLength(2)
    expect(r.made).toHaveLength(2)
  })

  it('waits for both faces', async () => {
    let release: () => void = () => undefined
    const slow = new Promise<unknown>((resolve) => (release = () => resolve(undefined)))
    let done = false
    const ready = summaryFontsReady(registry((weight) => (weight === '700' ? slow : Promise.resolve()))).then(() => (done = true))
    await Promise.resolve()
    await Promise.resolve()
    expect(done).toBe(false)
    release()
    await ready
    expect(done).toBe(true)
  })

  it('resolves when a face cannot be loaded, so the summary still shows (in the fallback face)', async () => {
    await expect(summaryFontsReady(registry(() => Promise.reject(new Error('blocked'))))).resolves.toBeUndefined()
  })

  it('resolves where there is no font loading API', async () => {
    await expect(summaryFontsReady(null)).resolves.toBeUndefined()
    // The unit tests run without a document: the default finds no font set.
    await expect(summaryFontsReady()).resolves.toBeUndefined()
  })
})
