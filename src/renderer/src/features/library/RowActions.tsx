// One actions menu per library row (a menu button, WAI-ARIA menu pattern): History, Theatre sheet, Duplicate,
// Export, Archive, then — set apart — Delete. Only an open menu is in the page, so 100,000 rows
// cost one button each. Keyboard: Enter, Space or ↓ opens on the first item, ↑ on the last;
// ↑/↓/Home/End move; Escape closes and returns to the button; Tab closes.
import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react'
import { createPortal } from 'react-dom'

export interface RowAction {
  label: string
  run: () => void
  /** Destructive: shown last, apart from the others. */
  danger?: boolean
}

/** `owner` identifies the plan: the list reuses a row's elements for another plan when the matches
 *  change, and a menu left open must not then act on that other plan — the open state belongs to
 *  the owner it was opened for, so it reads as closed for any other (no state update while
 *  rendering: a keystroke re-renders each reused row once). `actions` is called only while the
 *  menu is open, so a row that is merely shown builds no action list. */
export function RowActions({ name, owner, actions }: { name: string; owner: string; actions: () => readonly RowAction[] }) {
  const [state, setState] = useState<{ owner: string; at: 'first' | 'last'; position: { top: number; left: number } | null } | null>(null)
  const mine = state !== null && state.owner === owner ? state : null
  const open = mine?.at ?? null
  const position = mine?.position ?? null
  const setOpen = (at: 'first' | 'last' | null) => setState(at ? { owner, at, position: null } : null)
  const setPosition = (p: { top: number; left: number }) => setState((s) => (s ? { ...s, position: p } : s))
  // A menu left open when the row moved to another plan stays closed if that plan comes back.
  const stale = state !== null && state.owner !== owner
  useEffect(() => {
    if (stale) setState(null)
  }, [stale])
  const button = useRef<HTMLButtonElement>(null)
  const menu = useRef<HTMLDivElement>(null)
  const menuId = useId()

  const items = () => Array.from(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])

  function close(refocus: boolean) {
    setOpen(null)
    if (refocus) button.current?.focus()
  }

  // Placed under the button (fixed, so the scrolling list does not clip it), then focused.
  useLayoutEffect(() => {
    if (!open || !button.current) return
    const r = button.current.getBoundingClientRect()
    const height = menu.current?.offsetHeight ?? 0
    const below = r.bottom + 2 + height <= window.innerHeight
    setPosition({ top: below ? r.bottom + 2 : Math.max(4, r.top - 2 - height), left: Math.max(4, r.right - (menu.current?.offsetWidth ?? 0)) })
  }, [open])

  // Once placed (visible), the first or last item takes focus.
  useLayoutEffect(() => {
    if (!open || !position) return
    const list = items()
    ;(open === 'first' ? list[0] : list[list.length - 1])?.focus()
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the menu has just been placed
  }, [position])

  // A click elsewhere or scrolling the list closes it.
  useEffect(() => {
    if (!open) return
    const outside = (e: Event) => {
      if (!menu.current?.contains(e.target as Node) && !button.current?.contains(e.target as Node)) close(false)
    }
    const scrolled = (e: Event) => {
      if (!menu.current?.contains(e.target as Node)) close(false)
    }
    document.addEventListener('pointerdown', outside, true)
    document.addEventListener('scroll', scrolled, true)
    return () => {
      document.removeEventListener('pointerdown', outside, true)
      document.removeEventListener('scroll', scrolled, true)
    }
  }, [open])

  function onButtonKey(e: KeyboardEvent) {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault()
      setOpen(e.key === 'ArrowDown' ? 'first' : 'last')
    }
  }

  function onMenuKey(e: KeyboardEvent) {
    const list = items()
    const at = list.indexOf(document.activeElement as HTMLElement)
    const move = (i: number) => list[(i + list.length) % list.length]?.focus()
    if (e.key === 'ArrowDown') move(at + 1)
    else if (e.key === 'ArrowUp') move(at - 1)
    else if (e.key === 'Home') move(0)
    else if (e.key === 'End') move(list.length - 1)
    else if (e.key === 'Escape') close(true)
    else if (e.key === 'Tab') {
      close(true)
      return // the button has focus now: Tab moves on from it
    } else return
    e.preventDefault()
  }

  const list = open ? actions() : []
  const safe = list.filter((a) => !a.danger)
  const danger = list.filter((a) => a.danger)
  const item = (a: RowAction) => (
    <button
      key={a.label}
      type="button"
      role="menuitem"
      tabIndex={-1}
      className={a.danger ? 'danger' : undefined}
      onClick={() => {
        close(true)
        a.run()
      }}
    >
      {a.label}
    </button>
  )

  return (
    <>
      <button
        ref={button}
        type="button"
        className="row-actions"
        aria-haspopup="menu"
        aria-expanded={open !== null}
        aria-controls={open ? menuId : undefined}
        aria-label={`Actions for ${name}`}
        onClick={() => (open ? close(false) : setOpen('first'))}
        onKeyDown={onButtonKey}
      >
        Actions <span aria-hidden="true">▾</span>
      </button>
      {/* In <body>, not in the row: a list row is a contained box (library.css), which would clip
          the menu and place it relative to the row. */}
      {open &&
        createPortal(
        <div
          ref={menu}
          id={menuId}
          role="menu"
          aria-label={`Actions for ${name}`}
          className="row-menu"
          style={position ? { top: position.top, left: position.left } : { visibility: 'hidden' }}
          onKeyDown={onMenuKey}
        >
          {safe.map(item)}
          {danger.length > 0 && <div role="separator" className="row-menu-separator" />}
          {danger.map(item)}
        </div>,
          document.body
        )}
    </>
  )
}
