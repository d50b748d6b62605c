// The one strict JSON reader (src/shared/strict-json.ts) that every file reader uses.
import { describe, expect, it } from 'vitest'
import { parseStrictJson } from '../../../src/shared/strict-json'

describe('parseStrictJson', () => {
  it('reads what JSON.parse reads, values unchanged', () => {
    const text = JSON.stringify({ a: [1, -2.5e3, { b: 'x"\\\\y', c: null }], 'd\u00e9': true, e: '{"a":1,"a":2}' })
    expect(parseStrictJson(text)).toEqual({ ok: true, value: JSON.parse(text) })
  })

  it('refuses a repeated key, naming where, also when spelt with an escape', () => {
    expect(parseStrictJson('{"limb":{"side":"left","side":"right"}}')).toMatchObject({ ok: false, path: 'limb.side', message: expect.stringMatching(/limb\.side appears twice/) })
    expect(parseStrictJson('{"plans":[{"id":"a"},{"id":"b","st\\u0061tus":"draft","status":"approved"}]}')).toMatchObject({ ok: false, path: 'plans[1].status' })
    // The same key in two different objects is fine.
    expect(parseStrictJson('{"a":{"k":1},"b":{"k":2},"c":[{"k":1},{"k":2}]}').ok).toBe(true)
  })

  it('refuses prototype keys, numbers that are not finite, and deep nesting', () => {
    expect(parseStrictJson('{"x":{"__proto__":{"polluted":1}}}')).toMatchObject({ ok: false, path: 'x.__proto__', message: expect.stringMatching(/forbidden key/) })
    expect(parseStrictJson('{"w":[1,1e999]}')).toMatchObject({ ok: false, path: 'w[1]', message: expect.stringMatching(/not a finite number/) })
    expect(parseStrictJson(`{"w":${'9'.repeat(400)}}`)).toMatchObject({ ok: false, message: expect.stringMatching(/not a finite number/) })
    expect(parseStrictJson(`${'['.repeat(41)}${']'.repeat(41)}`)).toMatchObject({ ok: false, message: expect.stringMatching(/nested more than 40/) })
    expect(parseStrictJson(`${'['.repeat(10)}${']'.repeat(10)}`, { maxDepth: 5 }).ok).toBe(false)
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
  })

  it('names truncated or damaged text plainly', () => {
    expect(parseStrictJson('{"a":')).toMatchObject({ ok: false, message: expect.stringMatching(/not valid JSON — it may be truncated/) })
    expect(parseStrictJson('x'.repeat(20), { maxChars: 10 })).toMatchObject({ ok: false, message: expect.stringMatching(/too large/) })
  })
})
