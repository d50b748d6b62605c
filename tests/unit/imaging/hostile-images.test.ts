// Hostile image files: each is refused with a plain message (or opened with its problem listed);
// none throws, hangs, or leaks a stack trace or a patient's name into what is kept.
import { afterAll, describe, expect, it } from 'vitest'
import { HOSTILE_IMAGES } from '../../../scripts/imaging/hostile'
import { checkRasterHeader, IMAGE_LIMITS, readDicom, sniffImageKind } from '../../../src/shared/imaging'

function read(bytes: Uint8Array): { ok: boolean; message: string } {
  const kind = sniffImageKind(bytes)
  if (kind === 'png' || kind === 'jpeg') {
    const r = checkRasterHeader(bytes)
    return r.ok ? { ok: true, message: '' } : { ok: false, message: r.error }
  }
  const r = readDicom(bytes)
  return r.ok ? { ok: true, message: [...r.image.header.spacing.problems].join(' ') } : { ok: false, message: r.error }
}

let tried = 0
afterAll(() => console.log(`hostile images: ${tried} files tried`))

describe('hostile image files', () => {
  it('has at least 25 of them', () => expect(HOSTILE_IMAGES.length).toBeGreaterThanOrEqual(25))

  for (const item of HOSTILE_IMAGES) {
    it(`${item.id}: ${item.what}`, () => {
      tried++
      const r = read(item.bytes())
      expect(r.ok).toBe(item.expect !== 'reject')
      expect(r.message).toMatch(item.message)
      expect(r.message).not.toMatch(/at \w+ \(|Error:|undefined|\[object/)
      expect(r.message).not.toMatch(/Doe|Jane/)
    })
  }

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
