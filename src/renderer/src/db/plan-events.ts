// Tells other windows of the app (tabs, or a second desktop window on the same library) that a
// plan was saved, so an editor open on it there knows at once instead of overwriting it later.
// A BroadcastChannel reaches every other page of the same origin, never the sender.

export interface PlanSavedEvent {
  planId: string
  version: number
}

const CHANNEL = 'osseoplan-plans'
let channel: BroadcastChannel | null | undefined

function open(): BroadcastChannel | null {
  if (channel === undefined) {
    channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : null
    // In Node (unit tests) an open channel would keep the process alive.
    ;(channel as unknown as { unref?: () => void } | null)?.unref?.()
  }
  return channel
}

export function announcePlanSaved(event: PlanSavedEvent): void {
  try {
    open()?.postMessage(event)
  } catch {
    // a closed channel: the version check in the save transaction still guards the plan
  }
}

function isPlanSaved(data: unknown): data is PlanSavedEvent {
  const d = data as Partial<PlanSavedEvent> | null
  return typeof d === 'object' && d !== null && typeof d.planId === 'string' && typeof d.version === 'number'
}

export function onPlanSavedElsewhere(listener: (event: PlanSavedEvent) => void): () => void {
  // Its own channel, so this page's own saves arrive too; the listener compares versions.
  if (typeof BroadcastChannel !== 'function') return () => undefined
  const own = new BroadcastChannel(CHANNEL)
  ;(own as unknown as { unref?: () => void }).unref?.()
  own.onmessage = (message: MessageEvent) => {
    if (isPlanSaved(message.data)) listener(message.data)
  }
  return () => own.close()
}
