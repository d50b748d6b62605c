// Keyboard focus inside a modal dialog: Tab and Shift+Tab wrap round its own controls instead of
// leaving it for the browser's toolbar or the page body behind it.
import type { KeyboardEvent } from 'react'

const TABBABLE = 'a[href], button:not(:disabled), input:not(:disabled):not([type="hidden"]), select:not(:disabled), textarea:not(:disabled), summary, [tabindex]'

/** onKeyDown of a modal container: keeps Tab and Shift+Tab within it. */
export function keepTabInside(event: KeyboardEvent<HTMLElement>): void {
  if (event.key !== 'Tab' || event.altKey || event.ctrlKey || event.metaKey) return
  const container = event.currentTarget
  const stops = Array.from(container.querySelectorAll<HTMLElement>(TABBABLE)).filter((el) => el.tabIndex >= 0 && el.getClientRects().length > 0)
  const first = stops[0]
  const last = stops[stops.length - 1]
  if (!first || !last) return
  const active = document.activeElement
  const outside = !active || !container.contains(active) || active === container
  if (event.shiftKey ? outside || active === first : outside || active === last) {
    event.preventDefault()
    ;(event.shiftKey ? last : first).focus()
  }
}
