import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { paperName } from '../../../src/renderer/src/features/print/paper-name'

const css = (file: string) => readFileSync(new URL(`../../../src/renderer/src/features/${file}`, import.meta.url), 'utf8')

describe('the paper of the Settings in printed documents', () => {
  it('names A4 and US Letter as the style sheets do', () => {
    expect(paperName('A4')).toBe('a4')
    expect(paperName('Letter')).toBe('letter')
  })

  // A class naming a page the style sheet does not have would print on the browser's default paper.
  it.each(['A4', 'Letter'] as const)('every printed document has a named page of its size for %s', (size) => {
    const print = css('print/print.css')
    const outcomes = css('outcomes/outcomes.css')
    const want = size === 'A4' ? 'A4' : 'letter'
    for (const [sheet, page] of [[print, `osseo-${paperName(size)}`], [print, `osseo-theatre-${paperName(size)}`], [outcomes, `osseo-report-${paperName(size)}`]] as const) {
      expect(sheet, page).toMatch(new RegExp(`@page ${page} \\{[^}]*size: ${want};`))
      expect(sheet, page).toMatch(new RegExp(`\\.paper-${paperName(size)} \\{[^}]*page: ${page};`))
    }
  })
})
