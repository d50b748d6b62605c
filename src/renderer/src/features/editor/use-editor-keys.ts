// Editor keyboard shortcuts: Ctrl+Z undo, Ctrl+Shift+Z / Ctrl+Y redo, Ctrl+S save, Ctrl+P print
// (Cmd on macOS), and the native menu's 'save', 'print' and 'export-pdf' commands.
import { useEffect, useRef } from 'react'
import type { PrintAction } from '../print/print-request'

export interface EditorKeyActions {
  undo: () => void
  redo: () => void
  save: () => void
  print: () => void
  /** The native menu's File → Print… / Export PDF… while the editor is open. */
  menuPrint: (action: PrintAction) => void
}

export function useEditorKeys(actions: EditorKeyActions): void {
  const ref = useRef(actions)
  ref.current = actions
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return
      const key = e.key.toLowerCase()
      const run = (fn: () => void) => {
        e.preventDefault()
        fn()
      }
      if (key === 'z' && !e.shiftKey) run(ref.current.undo)
      else if ((key === 'z' && e.shiftKey) || key === 'y') run(ref.current.redo)
      else if (key === 's') run(ref.current.save)
      else if (key === 'p') run(ref.current.print)
    }
    const onCommand = (e: Event) => {
      const command = (e as CustomEvent<unknown>).detail
      if (command === 'save') ref.current.save()
      else if (command === 'print' || command === 'export-pdf') ref.current.menuPrint(command)
    }
    window.addEventListener('keydown', onKey)
    window.addEventListener('osseoplan:command', onCommand)
    return () => {
      window.removeEventListener('keydown', onKey)
      window.removeEventListener('osseoplan:command', onCommand)
    }
  }, [])
}

const NEXT_FIELD = 'input:not([type="checkbox"]):not([disabled]), select:not([data-unit-for]):not([disabled]), textarea:not([disabled])'

/** Enter in a field moves to the next field of the form (tab order), as on paper forms. */
export function enterMovesOn(e: React.KeyboardEvent<HTMLElement>): void {
  const target = e.target as HTMLElement
  if (e.key !== 'Enter' || e.shiftKey || e.ctrlKey || e.metaKey || e.altKey) return
  if (!(target instanceof HTMLInputElement || target instanceof HTMLSelectElement)) return
  if (target instanceof HTMLInputElement && target.type === 'checkbox') return
  const fields = Array.from(e.currentTarget.querySelectorAll<HTMLElement>(NEXT_FIELD))
  const next = fields[fields.indexOf(target) + 1]
  if (next) {
    e.preventDefault()
    next.focus()
  }
}
