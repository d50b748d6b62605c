// Mapping the core's field-level errors onto the form: each FieldError.path names the input it
// belongs to; 'required' errors become the "still needed" list, grouped by editor section.
import type { FieldError, FieldWarning } from '../../../../shared/case/types'
import { fieldLabel, SECTION_REQUIRED } from '../../../../shared/case/field-labels'

export const SECTIONS = [
  { id: 'patient', title: 'Patient', prefixes: ['patient'] },
  { id: 'limb', title: 'Level and side', prefixes: ['limb'] },
  { id: 'imaging', title: 'Imaging and calibration', prefixes: ['imaging'] },
  { id: 'bone', title: 'Bone and canal', prefixes: ['bone'] },
  { id: 'soft', title: 'Soft tissue', prefixes: ['softTissue'] },
  { id: 'prosthesis', title: 'Sound side and components', prefixes: ['prosthesis'] },
  { id: 'implant', title: 'Implant system', prefixes: ['implant'] },
  { id: 'protocol', title: 'Protocol and notes', prefixes: ['protocolId', 'profile', 'notes'] }
] as const
export type SectionId = (typeof SECTIONS)[number]['id']

export function sectionOf(path: string): SectionId | null {
  const head = path.split(/[.[]/)[0] ?? ''
  const section = SECTIONS.find((s) => (s.prefixes as readonly string[]).includes(head))
  return section ? section.id : null
}

export interface FormErrors {
  /** Invalid-input messages by exact path (shown at the field). */
  byPath: ReadonlyMap<string, string>
  /** Missing fields (code 'required') by path. */
  required: ReadonlyMap<string, string>
  /** Missing field paths grouped by section, in section order. */
  missingBySection: { id: SectionId; title: string; paths: string[] }[]
  /** Errors whose path matches no field the form shows (listed at the top, never dropped). */
  general: FieldError[]
  /** Warnings by exact path (an unusual but possible value: shown at the field). */
  warnings: ReadonlyMap<string, string>
}

export function mapErrors(errors: readonly FieldError[], knownPaths?: ReadonlySet<string>, fieldWarnings: readonly FieldWarning[] = []): FormErrors {
  const byPath = new Map<string, string>()
  const required = new Map<string, string>()
  const general: FieldError[] = []
  for (const e of expandSections(errors)) {
    const target = e.code === 'required' ? required : byPath
    if (!target.has(e.path)) target.set(e.path, e.message)
    const shown = knownPaths ? knownPaths.has(e.path) : e.path !== ''
    if (!shown) general.push(e)
  }
  const missingBySection = SECTIONS.map((s) => ({ id: s.id, title: s.title, paths: [...required.keys()].filter((p) => sectionOf(p) === s.id) })).filter(
    (s) => s.paths.length > 0
  )
  const warnings = new Map<string, string>()
  for (const w of fieldWarnings) if (!warnings.has(w.path) && !byPath.has(w.path)) warnings.set(w.path, w.message)
  return { byPath, required, missingBySection, general, warnings }
}

const sameMap = (a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>) => a.size === b.size && [...a].every(([k, v]) => b.get(k) === v)

/** Same messages in the same places: the editor then keeps the earlier object, so a keystroke that
 *  changes no message does not notify every field again (issue #14). */
export function sameErrors(a: FormErrors, b: FormErrors): boolean {
  return (
    sameMap(a.byPath, b.byPath) &&
    sameMap(a.required, b.required) &&
    sameMap(a.warnings, b.warnings) &&
    a.general.length === b.general.length &&
    a.general.every((e, i) => e.path === b.general[i]!.path && e.message === b.general[i]!.message && e.code === b.general[i]!.code) &&
    a.missingBySection.length === b.missingBySection.length &&
    a.missingBySection.every((s, i) => s.id === b.missingBySection[i]!.id && s.paths.join('\n') === b.missingBySection[i]!.paths.join('\n'))
  )
}

/** The message to show at a field: an invalid value first, else "required". */
export function messageFor(errors: FormErrors, path: string): string | null {
  return errors.byPath.get(path) ?? errors.required.get(path) ?? null
}

/** A whole section reported missing ('patient') stands for its required fields, each named and
 *  linked on its own ("Patient code, Age, Body weight…"), never "Patient: patient". */
function expandSections(errors: readonly FieldError[]): FieldError[] {
  return errors.flatMap((e) => {
    const fields = e.code === 'required' ? SECTION_REQUIRED[e.path] : undefined
    return fields ? fields.map((path) => ({ path, message: 'is required', code: 'required' as const })) : [e]
  })
}

/** Clinical label for a path in the "still needed" and "input to fix" lists: 'bone.stations[1].endosteal' → 'Station 2 — endosteal Ø'. */
export const pathLabel = (path: string): string => fieldLabel(path, 'form')
