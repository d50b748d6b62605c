import Dexie from 'dexie'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { isQuotaError, QUOTA_MESSAGE, requestPersistentStorage, storageErrorMessage, storageEstimate } from '../../../src/renderer/src/db/storage'

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('storage errors', () => {
  it('recognises a full disk directly, wrapped in an AbortError, and in Dexie errors', () => {
    const quota = new DOMException('full', 'QuotaExceededError')
    expect(isQuotaError(quota)).toBe(true)
    const abort = Object.assign(new DOMException('aborted', 'AbortError'), { inner: quota })
    expect(isQuotaError(abort)).toBe(true)
    expect(isQuotaError(new Dexie.AbortError('Transaction aborted', quota))).toBe(true)
    expect(isQuotaError(new Dexie.BulkError('bulk', [quota]))).toBe(true)
    expect(isQuotaError(new Error('other'))).toBe(false)
    expect(isQuotaError(new DOMException('aborted', 'AbortError'))).toBe(false)
  })

  it('gives the quota message, or the first line of another error, never a stack', () => {
    expect(storageErrorMessage(new DOMException('full', 'QuotaExceededError'))).toBe(QUOTA_MESSAGE)
    expect(QUOTA_MESSAGE).toMatch(/Everything saved before is kept/)
    expect(storageErrorMessage(new Error('first line\n    at foo (x.js:1)'))).toBe('first line')
  })
})

describe('persistence and estimate', () => {
  it('asks for persistent storage once and reports usage and quota', async () => {
    const persist = vi.fn(async () => true)
    vi.stubGlobal('navigator', { storage: { persist, persisted: async () => false, estimate: async () => ({ usage: 2048, quota: 1_000_000 }) } })
    expect(await requestPersistentStorage()).toBe(true)
    expect(persist).toHaveBeenCalledOnce()
    expect(await storageEstimate()).toEqual({ usageBytes: 2048, quotaBytes: 1_000_000, persisted: false })
  })

  it('reports nothing where the browser has no storage manager', async () => {
    vi.stubGlobal('navigator', {})
    expect(await requestPersistentStorage()).toBe(false)
    expect(await storageEstimate()).toBeNull()
  })
})
