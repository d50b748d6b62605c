// Durable storage: ask the browser to keep the plan library (never evicted under disk pressure),
// report usage and quota for Settings, and turn "disk full" errors into a message a surgeon can act on.

export interface StorageEstimate {
  /** Bytes used by this app's origin. */
  usageBytes: number
  /** Bytes the browser allows this origin. */
  quotaBytes: number
  /** true when the browser granted persistent storage. */
  persisted: boolean
}

/** Called once at start. Resolves to whether storage is persistent (false when unsupported). */
export async function requestPersistentStorage(): Promise<boolean> {
  const storage = typeof navigator !== 'undefined' ? navigator.storage : undefined
  if (!storage?.persist) return false
  try {
    if (storage.persisted && (await storage.persisted())) return true
    return await storage.persist()
  } catch {
    return false
  }
}

/** Usage and quota, or null where the browser cannot tell. */
export async function storageEstimate(): Promise<StorageEstimate | null> {
  const storage = typeof navigator !== 'undefined' ? navigator.storage : undefined
  if (!storage?.estimate) return null
  try {
    const estimate = await storage.estimate()
    const persisted = storage.persisted ? await storage.persisted() : false
    return { usageBytes: estimate.usage ?? 0, quotaBytes: estimate.quota ?? 0, persisted }
  } catch {
    return null
  }
}

/** True for a full disk / exceeded quota, also when wrapped (AbortError, Dexie errors with `inner`). */
export function isQuotaError(error: unknown): boolean {
  const seen = new Set<unknown>()
  let current: unknown = error
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current)
    const e = current as { name?: unknown; code?: unknown; inner?: unknown; cause?: unknown; failures?: unknown }
    if (e.name === 'QuotaExceededError' || e.code === 22 || e.name === 'NS_ERROR_DOM_QUOTA_REACHED') return true
    if (Array.isArray(e.failures) && e.failures.some((failure) => isQuotaError(failure))) return true
    current = e.inner ?? e.cause
  }
  return false
}

export const QUOTA_MESSAGE =
  'The disk (or the space this app may use) is full, so this change was not saved. Everything saved before is kept. Free some disk space, then save again; your unsaved changes are still on screen.'

/** A message for a failed write: the quota message, or the error's own message without a stack. */
export function storageErrorMessage(error: unknown): string {
  if (isQuotaError(error)) return QUOTA_MESSAGE
  const message = error instanceof Error ? error.message : String(error)
  return message.split('\n')[0] || 'The plan library could not be written.'
}
