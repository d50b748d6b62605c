import { expect, test } from 'vitest'
import { cssString } from '../../../src/renderer/src/features/print/print-page-vars'

test('running-head text becomes a safe CSS string literal', () => {
  expect(cssString('TF-1 · Transfemoral')).toBe('"TF-1 · Transfemoral"')
  expect(cssString('a "quoted" \\ code\nnext')).toBe('"a \\"quoted\\" \\\\ code next"')
})
