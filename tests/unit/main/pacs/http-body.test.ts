// How one DICOMweb exchange reads a body (src/main/pacs/http.ts) and how a multipart answer is
// split (multipart.ts), with served bytes chosen here: the bytes come back exactly, a body that
// is shorter or longer than the size the server declared is refused, and the size limit holds
// with and without a declared size.
import { describe, expect, it } from 'vitest'
import { exchange, type FetchLike } from '../../../../src/main/pacs/http'
import { buildMultipart, parseMultipart } from '../../../../src/main/pacs/multipart'

/** A server answering 200 with `chunks`, declaring `length` (none when null). */
function serve(chunks: Uint8Array[], length: number | null): FetchLike {
  return async () => ({
    status: 200,
    headers: { get: (name: string) => (name === 'content-length' && length !== null ? String(length) : name === 'content-type' ? 'application/octet-stream' : null) },
    body: new ReadableStream<Uint8Array>({
      start(controller) {
        for (const c of chunks) controller.enqueue(c)
        controller.close()
      }
    })
  })
}

const bytes = (n: number, seed = 1) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed) & 255)
const options = { maxBytes: 1000, idleTimeoutMs: 5000 }

describe('exchange: reading the body', () => {
  const parts = [bytes(300, 1), bytes(1, 2), bytes(299, 3)]
  const whole = new Uint8Array([...parts[0]!, ...parts[1]!, ...parts[2]!])

  it('returns the bytes exactly, with and without a declared size, with progress per chunk', async () => {
    for (const declared of [600, null]) {
      const progress: [number, number | null][] = []
      const result = await exchange(serve(parts, declared), 'http://x/', { ...options, onProgress: (r, t) => progress.push([r, t]) })
      expect(result.ok && Array.from(result.bytes)).toEqual(Array.from(whole))
      expect(progress).toEqual([[300, declared], [301, declared], [600, declared]])
    }
  })

  it('a body shorter than declared is "cut off"', async () => {
    expect(await exchange(serve(parts, 601), 'http://x/', options)).toMatchObject({ ok: false, kind: 'truncated' })
  })

  it('a body longer than declared is refused, not written past the declared size', async () => {
    expect(await exchange(serve(parts, 599), 'http://x/', options)).toMatchObject({ ok: false, kind: 'truncated' })
  })

  it('the size limit holds with and without a declared size', async () => {
    const big = [bytes(600), bytes(600)]
    expect(await exchange(serve(big, 1200), 'http://x/', options)).toMatchObject({ ok: false, kind: 'too-large' })
    expect(await exchange(serve(big, null), 'http://x/', options)).toMatchObject({ ok: false, kind: 'too-large' })
  })
})

describe('parseMultipart', () => {
  it('finds the part in a body that is a view into a larger buffer, with boundary-like bytes inside the part', () => {
    const enc = new TextEncoder()
    const part = new Uint8Array([...bytes(5000), ...enc.encode('\r\n--osseo'), ...bytes(300), ...enc.encode('\r\n-'), 0x0d])
    const body = buildMultipart([part], 'application/dicom', 'osseo-boundary')
    const larger = new Uint8Array(body.length + 77)
    larger.set(body, 40)
    const parsed = parseMultipart(larger.subarray(40, 40 + body.length), 'osseo-boundary')
    expect(parsed.ok && parsed.parts.length).toBe(1)
    expect(parsed.ok && Array.from(parsed.parts[0]!.body)).toEqual(Array.from(part))
    expect(parsed.ok && parsed.parts[0]!.headers['content-type']).toBe('application/dicom')
  })

  it('a body cut before its closing boundary is "truncated"', () => {
    const body = buildMultipart([bytes(2000)], 'application/dicom', 'b0')
    expect(parseMultipart(body.subarray(0, body.length - 10), 'b0')).toEqual({ ok: false, error: 'truncated' })
  })
})
