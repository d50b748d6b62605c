import { describe, expect, it } from 'vitest'
import { summaryFontsReady, type FontLoader } from '../../../src/renderer/src/features/print/print-fonts'

describe('summaryFontsReady', () => {
  it('asks for the regular and the bold face of the summary font', async () => {
    const asked: string[] = []
    const fonts: FontLoader = { load: (font) => (asked.push(font), Promise.resolve([])) }
    await summaryFontsReady(fonts)
    expect(asked).toEqual(['400 1em "OsseoPlan Sans"', '700 1em "OsseoPlan Sans"'])
  })

  it('waits for both faces', async () => {
    let release: () => void = () => undefined
    const slow = new Promise<unknown>((r) => (release = () => r([])))
    let done = false
    const ready = summaryFontsReady({ load: (font) => (font.startsWith('700') ? slow : Promise.resolve([])) }).then(() => (done = true))
    await Promise.resolve()
    await Promise.resolve()
    expect(done).toBe(false)
    release()
    await ready
    expect(done).toBe(true)
  })

  it('resolves when a face cannot be loaded, so the summary still shows (in the fallback face)', async () => {
    await expect(summaryFontsReady({ load: () => Promise.reject(new Error('blocked')) })).resolves.toBeUndefined()
  })

  it('resolves where there is no font loading API', async () => {
    await expect(summaryFontsReady(undefined)).resolves.toBeUndefined()
  })
})
