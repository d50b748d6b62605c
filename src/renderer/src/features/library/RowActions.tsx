// The actions menu of the library's rows (a menu button, WAI-ARIA menu pattern): History, Theatre
// sheet, Duplicate, Export, Archive, then — set apart — Delete. One menu for the whole list, open
// for at most one row (the list holds which): a row carries only its button, with no state or
// effects of its own, so a search keystroke that rewrites the rows in view re-renders plain
// elements. Only an open menu is in the page, and its actions are built only then.
// Keyboard: Enter, Space or ↓ on the button opens on the first item, ↑ on the last;
// ↑/↓/Home/End move; Escape closes and returns to the button; Tab closes.
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react'
import { createPortal } from 'react-dom'

export interface RowAction {
  label: string
  run: () => void
  /** Destructive: shown last, apart from the others. */
  danger?: boolean
}

export type MenuStart = 'first' | 'last'

/** What a row's button does: opens (or, clicked while open, closes) its row's menu. */
export type OpenMenu = (start: MenuStart, button: HTMLButtonElement, toggle: boolean) => void

/** A row's menu button. Stateless: `expanded` comes from the list, which holds the open menu. */
export function ActionsButton({ name, expanded, menuId, onOpen }: { name: string; expanded: boolean; menuId: string; onOpen: OpenMenu }) {
  return (
    <button
      type="button"
      className="row-actions"
      aria-haspopup="menu"
      aria-expanded={expanded}
      aria-controls={expanded ? menuId : undefined}
      aria-label={`Actions for ${name}`}
      onClick={(e) => onOpen('first', e.currentTarget, true)}
      onKeyDown={(e) => {
        if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return
        e.preventDefault()
        onOpen(e.key === 'ArrowDown' ? 'first' : 'last', e.currentTarget, false)
      }}
    >
      Actions <span aria-hidden="true">▾</span>
    </button>
  )
}

/** The open menu, placed under (or above) its row's button, in <body>: a list row is a contained
 *  box (library.css), which would clip the menu and place it relative to the row. */
export function RowMenu({ id, name, button, start, actions, onClose }: { id: string; name: string; button: HTMLButtonElement; start: MenuStart; actions: () => readonly RowAction[]; onClose: () => void }) {
  const [position, setPosition] = useState<{ top: number; left: number } | null>(null)
  const menu = useRef<HTMLDivElement>(null)
  const items = () => Array.from(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])

  function close(refocus: boolean) {
    onClose()
    if (refocus) button.focus()
  }

  // Placed under the button (fixed, so the scrolling list does not clip it), then focused.
  useLayoutEffect(() => {
    const r = button.getBoundingClientRect()
    const height = menu.current?.offsetHeight ?? 0
    const below = r.bottom + 2 + height <= window.innerHeight
    setPosition({ top: below ? r.bottom + 2 : Math.max(4, r.top - 2 - height), left: Math.max(4, r.right - (menu.current?.offsetWidth ?? 0)) })
  }, [button, start])

  // Once placed (visible), the first or last item takes focus.
  useLayoutEffect(() => {
    if (!position) return
    const list = items()
    ;(start === 'first' ? list[0] : list[list.length - 1])?.focus()
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the menu has just been placed
  }, [position])

  // A click elsewhere or scrolling the list closes it.
  const latestClose = useRef(close)
  latestClose.current = close
  useEffect(() => {
    const outside = (e: Event) => {
      if (!menu.current?.contains(e.target as Node) && !button.contains(e.target as Node)) latestClose.current(false)
    }
    const scrolled = (e: Event) => {
      if (!menu.current?.contains(e.target as Node)) latestClose.current(false)
    }
    document.addEventListener('pointerdown', outside, true)
    document.addEventListener('scroll', scrolled, true)
    return () => {
      document.removeEventListener('pointerdown', outside, true)
      document.removeEventListener('scroll', scrolled, true)
    }
  }, [button])

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

  const list = actions()
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

  return createPortal(
    <div
      ref={menu}
      id={id}
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
  )
}
