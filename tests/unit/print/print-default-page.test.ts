// The default page copies the size and margins of the named page the document prints on (so
// Chromium does not lay the document out twice), from print.css's own rules.
import { describe, expect, it } from 'vitest'
import { defaultPageRule, type PageRuleLike } from '../../../src/renderer/src/features/print/print-default-page'

const rule = (selectorText: string, props: Record<string, string>): PageRuleLike => ({ selectorText, style: { getPropertyValue: (n) => props[n] ?? '' } })

const RULES = [rule('osseo-a4', { size: 'a4', margin: '10mm 12mm 13mm' }), rule('osseo-letter', { size: 'letter', margin: '10mm 13mm 13mm' }), rule('osseo-theatre-a4', { size: 'a4', margin: '10mm 12mm' })]

describe('default page rule', () => {
  it('copies the named page’s size and margins', () => {
    expect(defaultPageRule(RULES, 'osseo-a4')).toBe('@page { size: a4; margin: 10mm 12mm 13mm; }')
    expect(defaultPageRule(RULES, 'osseo-letter')).toBe('@page { size: letter; margin: 10mm 13mm 13mm; }')
    expect(defaultPageRule(RULES, 'osseo-theatre-a4')).toBe('@page { size: a4; margin: 10mm 12mm; }')
  })

  it('gives nothing for a page print.css does not name, or one without size and margins', () => {
    expect(defaultPageRule(RULES, 'osseo-a5')).toBeNull()
    expect(defaultPageRule([rule('osseo-a4', {})], 'osseo-a4')).toBeNull()
  })
})
