// One HTTP exchange with a DICOMweb server: timeouts that reset while data flows, a hard cap on
// the response size, cancellation, progress, and every failure mapped to a plain PacsFailure.
import { concat } from '../../shared/bytes'
import { failure, failureForStatus, type PacsFailure } from './errors'

export type FetchLike = (url: string, init: { method: string; headers: Record<string, string>; body?: Uint8Array<ArrayBuffer>; signal: AbortSignal; redirect: 'error' }) => Promise<{
  status: number
  headers: { get(name: string): string | null }
  body: ReadableStream<Uint8Array> | null
}>

export interface ExchangeOptions {
  method?: 'GET' | 'POST'
  headers?: Record<string, string>
  body?: Uint8Array<ArrayBuffer>
  /** Largest body accepted, in bytes. */
  maxBytes: number
  /** No byte for this long → timeout. */
  idleTimeoutMs: number
  signal?: AbortSignal
  onProgress?: (received: number, total: number | null) => void
  /** Statuses that are answers, not failures (default: 200). */
  okStatuses?: readonly number[]
}

export interface Exchange {
  ok: true
  status: number
  contentType: string | null
  bytes: Uint8Array
}

function errorName(error: unknown): string {
  return error instanceof Error ? `${error.name} ${error.message} ${String((error as { cause?: unknown }).cause ?? '')}` : String(error)
}

export async function exchange(fetchImpl: FetchLike, url: string, options: ExchangeOptions): Promise<Exchange | PacsFailure> {
  const controller = new AbortController()
  let timedOut = false
  let timer: ReturnType<typeof setTimeout> | undefined
  const arm = () => {
    clearTimeout(timer)
    timer = setTimeout(() => {
      timedOut = true
      controller.abort()
    }, options.idleTimeoutMs)
  }
  const onCancel = () => controller.abort()
  if (options.signal?.aborted) return failure('cancelled')
  options.signal?.addEventListener('abort', onCancel, { once: true })
  const aborted = () => (timedOut ? failure('timeout') : failure('cancelled'))
  arm()
  try {
    let response: Awaited<ReturnType<FetchLike>>
    try {
      response = await fetchImpl(url, {
        method: options.method ?? 'GET',
        // Uncompressed, so Content-Length is the body's true size: progress is exact and a
        // response cut short is always detected.
        headers: { ...options.headers, 'accept-encoding': 'identity' },
        ...(options.body ? { body: options.body } : {}),
        signal: controller.signal,
        redirect: 'error'
      })
    } catch (error) {
      if (controller.signal.aborted) return aborted()
      return failure('unreachable', /redirect/i.test(errorName(error)) ? 'it answered with a redirect, which is not followed' : undefined)
    }
    if (!(options.okStatuses ?? [200]).includes(response.status)) {
      await response.body?.cancel().catch(() => undefined)
      return failureForStatus(response.status)
    }
    const declared = Number(response.headers.get('content-length'))
    const total = Number.isFinite(declared) && declared > 0 ? declared : null
    if (total !== null && total > options.maxBytes) {
      await response.body?.cancel().catch(() => undefined)
      return failure('too-large')
    }
    // With a declared size the body is written straight into one buffer of that size (one copy,
    // no second 18 MB array at the end); without one, chunks are kept and joined once.
    const whole = total !== null ? new Uint8Array(total) : null
    const chunks: Uint8Array[] = []
    let received = 0
    if (response.body) {
      const reader = response.body.getReader()
      try {
        for (;;) {
          const { done, value } = await reader.read()
          if (done) break
          arm()
          if (received + value.length > options.maxBytes) {
            controller.abort()
            return failure('too-large')
          }
          if (whole) {
            // More than the server declared: not the body it announced.
            if (received + value.length > whole.length) {
              controller.abort()
              return failure('truncated')
            }
            whole.set(value, received)
          } else chunks.push(value)
          received += value.length
          options.onProgress?.(received, total)
        }
      } catch {
        if (controller.signal.aborted) return aborted()
        return failure('truncated')
      }
    }
    if (total !== null && received !== total) return failure('truncated')
    const bytes = whole ?? concat(chunks)
    return { ok: true, status: response.status, contentType: response.headers.get('content-type'), bytes }
  } finally {
    clearTimeout(timer)
    options.signal?.removeEventListener('abort', onCancel)
  }
}
