// Hostile image files — the hostile corpus's "image" items (tests/fixtures/hostile/manifest.json;
// files written by scripts/imaging/write-hostile-corpus.ts, the large ones generated) — each opened
// into a plan the way the radiograph panel opens a file (importImage: read, check, then store).
// Each is refused with a plain message and nothing stored, or opened with its problem listed and
// only that image added; none throws, hangs (each has the test's time limit, the read is timed),
// or leaks a stack trace or a patient's name; the rest of the library never changes.
import 'fake-indexeddb/auto'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { HOSTILE_IMAGES } from '../../../scripts/imaging/hostile'
import { IMAGE_LIMITS, readDicom } from '../../../src/shared/imaging'
import { createImagesRepo } from '../../../src/renderer/src/db/images-repo'
import { createPlansRepo } from '../../../src/renderer/src/db/plans-repo'
import { importImage } from '../../../src/renderer/src/features/imaging/load-file'
import { HOSTILE_DIR, loadCorpus, type HostileItem } from '../security/corpus'
import { caseWith, useTestDb } from '../db/helpers'

const items = loadCorpus().filter((i) => i.target === 'image')
const t = useTestDb()

function bytesOf(item: HostileItem): Uint8Array {
  if (item.file) return new Uint8Array(readFileSync(path.join(HOSTILE_DIR, item.file)))
  const id = /^image:(.+)$/.exec(item.generate ?? '')?.[1]
  const gen = HOSTILE_IMAGES.find((h) => h.id === id)
  if (!gen) throw new Error(`hostile item ${item.id}: no file and no generator`)
  return gen.bytes()
}

let tried = 0
let slowest = 0
afterAll(() => console.log(`hostile images: ${tried} files tried through the import, slowest ${slowest.toFixed(1)} ms`))

describe('hostile image files (the corpus\'s image items)', () => {
  it('the corpus holds at least 25 of them, every generator is in it, and its files are the generators\' output', () => {
    expect(items.length).toBeGreaterThanOrEqual(25)
    const ids = new Set(items.map((i) => i.id.split('.').at(-1)))
    expect(HOSTILE_IMAGES.filter((h) => !ids.has(h.id)).map((h) => h.id)).toEqual([])
    for (const item of items) {
      const gen = HOSTILE_IMAGES.find((h) => h.id === item.id.split('.').at(-1))!
      if (item.file) expect(Buffer.from(bytesOf(item)).equals(Buffer.from(gen.bytes())), `${item.file} is stale: run scripts/imaging/write-hostile-corpus.ts`).toBe(true)
    }
  })

  it.each(items.map((i) => [i.id, i] as const))('%s', async (_id, item) => {
    tried++
    const plans = createPlansRepo(t.db, t.now)
    const images = createImagesRepo(t.db, t.now)
    const plan = await plans.create({ caseFile: caseWith('H-IMG') })
    const other = await plans.create({ caseFile: caseWith('H-OTHER') })
    const snapshot = async () => ({ plans: await t.db.plans.orderBy('id').toArray(), images: await t.db.images.orderBy('id').toArray(), pixels: await t.db.imagePixels.count() })
    const before = await snapshot()
    const bytes = bytesOf(item)
    const start = performance.now()
    const r = await importImage(images, plan.id, bytes, 'single')
    slowest = Math.max(slowest, performance.now() - start)
    const after = await snapshot()
    const pattern = new RegExp(item.message ?? '', 'i')
    if (item.expect === 'reject') {
      expect(r.ok, 'refused').toBe(false)
      if (!r.ok) {
        expect(r.error).toMatch(pattern)
        expect(r.error).not.toMatch(/at \w+ \(|Error:|undefined|\[object/)
        expect(r.error).not.toMatch(/Doe|Jane/)
      }
      expect(after).toEqual(before)
    } else {
      expect(r.ok, r.ok ? '' : r.error).toBe(true)
      if (r.ok) {
        expect(r.row.header.spacing.problems.join(' ')).toMatch(pattern)
        expect(JSON.stringify(r.row)).not.toMatch(/Doe|Jane/)
      }
      // Only that image was added, to that plan; the plans (and the other plan) are unchanged.
      expect(after.plans).toEqual(before.plans)
      expect(after.images.filter((i) => !before.images.some((b) => b.id === i.id)).map((i) => i.planId)).toEqual([plan.id])
      expect(await images.list(other.id)).toEqual([])
    }
  })

  it('refuses a file above the size limit before reading it', () => {
    const big = new Uint8Array(IMAGE_LIMITS.maxFileBytes + 1)
    const r = readDicom(big)
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/up to 200 MB/) })
  })

  it('survives random corruption of a valid file (200 mutants, fixed seed)', () => {
    const base = HOSTILE_IMAGES.find((i) => i.id === 'spacing-zero')!.bytes()
    let seed = 99
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 8) % n
    for (let k = 0; k < 200; k++) {
      const m = base.slice(0, 132 + rnd(base.length - 132) + 1)
      for (let j = 0; j < 4; j++) m[132 + rnd(m.length - 132)] = rnd(256)
      const r = readDicom(m)
      if (!r.ok) expect(typeof r.error).toBe('string')
      else expect(r.image.pixels.length).toBe(r.image.header.rows * r.image.header.columns * (r.image.header.bitsAllocated / 8))
    }
  })
})
