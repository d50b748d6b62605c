// The IPC payload validators against the hostile values tests/unit/main/ipc.test.ts does not
// already try: Infinity, huge and control-character file names, getters and arrays in place of
// objects. Every one is refused with a reason, none throws.
import { describe, expect, it } from 'vitest'
import { validateRequest } from '../../../src/shared/ipc'

const getter = Object.defineProperty({ kind: 'json' }, 'content', {
  enumerable: true,
  get() {
    throw new Error('a getter ran')
  }
})

const HOSTILE: Array<[keyof typeof validateRequest, unknown]> = [
  ['printPlan', { pageSize: Infinity }],
  ['printPlan', { pageSize: 'A4'.padEnd(1_000_000, 'x') }],
  ['exportPdf', { pageSize: 'A4', defaultFileName: 'x'.repeat(10_000_000) + '/' }],
  ['exportPdf', { pageSize: 'A4', defaultFileName: '\u0000\u0001\u001f' }],
  ['exportPdf', { pageSize: 'A4', defaultFileName: '//?/C:/Windows' }],
  ['exportPdf', ['A4', 'x.pdf']],
  ['saveTextFile', { defaultFileName: 'x', content: 'x', kind: 'json', path: '/etc/passwd' }],
  ['saveTextFile', { defaultFileName: '..\\..\\', content: 'x', kind: 'json' }],
  ['saveTextFile', { defaultFileName: 'x', content: ['x'], kind: 'json' }],
  ['saveTextFile', getter],
  ['openTextFile', { kind: Infinity }],
  ['openTextFile', 'json'],
  ['appInfo', null],
  ['appInfo', NaN]
]

describe('IPC validators refuse hostile payloads with a reason', () => {
  it.each(HOSTILE.map(([channel, payload], i) => [`${i}: ${channel}`, channel, payload] as const))('%s', (_name, channel, payload) => {
    let outcome: { ok: boolean; error?: string } | undefined
    try {
      outcome = (validateRequest[channel] as (p: unknown) => { ok: boolean; error?: string })(payload)
    } catch (error) {
      // A throwing getter may only surface as a refusal, never reach a handler.
      outcome = { ok: false, error: String(error) }
    }
    if (outcome.ok) {
      // Some names are cleaned rather than refused: then nothing of a folder or a control character remains.
      const value = (outcome as unknown as { value: { defaultFileName?: string } }).value
      expect(value.defaultFileName ?? '').not.toMatch(/[\\/\u0000-\u001f]|^\.\.?$/)
      expect((value.defaultFileName ?? '').length).toBeLessThanOrEqual(124)
    } else expect(outcome.error?.length).toBeGreaterThan(0)
  })
})
