// Issue #13 §15: Settings reads numbers as the editor does (decimal comma → the editor's message)
// and makes a new implant system's id from its name.
import { describe, expect, it } from 'vitest'
import { readNumberText, systemIdFromName } from '../../../src/renderer/src/features/settings/number-text'
import { emptySystemForm, parseSizes, systemFromForm } from '../../../src/renderer/src/features/settings/system-form'

describe('numbers typed in Settings', () => {
  it('a decimal comma gets the editor’s message', () => {
    expect(readNumberText(' 1,5 ', 'a number in mm')).toEqual({ ok: false, message: 'use a decimal point, not a comma: write "1.5"' })
    expect(readNumberText('1.5', 'a number in mm')).toEqual({ ok: true, value: 1.5 })
    expect(readNumberText('abc', 'a number in mm')).toEqual({ ok: false, message: 'must be a number in mm' })
  })

  it('the implant-system form says so at the field, and for a size range', () => {
    const form = { ...emptySystemForm(), id: 'x', name: 'X', bones: ['femur' as const], engagementMm: '1,5' }
    const r = systemFromForm(form, { base: null, version: '1', by: 'A', at: 0 })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.errors.engagementMm).toBe('use a decimal point, not a comma: write "1.5"')
    expect(parseSizes({ mode: 'range', list: '', from: '100', to: '150', step: '12,5' }, 'mm')).toBe('use a decimal point, not a comma: write "12.5"')
  })
})

describe('system ids', () => {
  it('are made from the name, unique in the catalogue, in the allowed characters', () => {
    expect(systemIdFromName('Site press-fit stem', [])).toBe('site-press-fit-stem')
    expect(systemIdFromName('Site press-fit stem', ['site-press-fit-stem', 'site-press-fit-stem-2'])).toBe('site-press-fit-stem-3')
    expect(systemIdFromName('Össeo Stém (site copy)', [])).toBe('osseo-stem-site-copy')
    expect(systemIdFromName('  ***  ', [])).toBe('system')
    expect(systemIdFromName('x'.repeat(100), [])).toMatch(/^x{48}$/)
  })
})
