// "Input to fix" and "still needed" links land on a visible control that can change the value:
// the field itself, else the first field inside that path (a marker's sizes for 'imaging.marker',
// a station's cells for 'bone.stations[2]'), else the nearest enclosing field, else the first
// control of the section. Never on nothing.
import { fieldId } from '../../components/field-id'
import { sectionOf } from './field-errors'

const usable = (el: Element | null): el is HTMLElement =>
  el instanceof HTMLElement && !(el as HTMLInputElement).disabled && el.getClientRects().length > 0

function inside(path: string): HTMLElement | null {
  const all = document.querySelectorAll<HTMLElement>('.ed-form [data-path]')
  for (const el of all) {
    const p = el.dataset['path'] ?? ''
    if ((p.startsWith(`${path}.`) || p.startsWith(`${path}[`)) && usable(el)) return el
  }
  return null
}

function parentOf(path: string): string | null {
  const cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['))
  return cut > 0 ? path.slice(0, cut) : null
}

/** The control a message about `path` should take the user to. */
export function controlFor(path: string): HTMLElement | null {
  for (let p: string | null = path; p; p = parentOf(p)) {
    const own = document.getElementById(fieldId(p))
    if (usable(own)) return own
    const child = inside(p)
    if (child) return child
  }
  const section = sectionOf(path)
  const box = section ? document.getElementById(`sec-${section}`) : null
  const first = box?.querySelectorAll<HTMLElement>('input, select, textarea, button') ?? []
  for (const el of first) if (usable(el)) return el
  return null
}

export function focusField(path: string): boolean {
  const el = controlFor(path)
  if (!el) return false
  el.scrollIntoView({ block: 'center' })
  el.focus({ preventScroll: true })
  return true
}
