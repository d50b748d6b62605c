/**
 * What is still needed: for the editor, which holds partially filled cases. Runs the same
 * validation as parseCase and groups the field errors by section; `missing` lists the paths
 * of required fields not filled in yet (FieldError.code === 'required').
 */
import type { ImplantSystem } from '../catalog/types'
import { parseCase } from './parse'
import { isPlainObject } from './migrations'
import { CASE_FORMAT, CASE_VERSION, type FieldError, type FieldWarning } from './types'

export const CASE_SECTIONS = ['patient', 'limb', 'imaging', 'bone', 'softTissue', 'prosthesis', 'implant', 'profile'] as const
export type CaseSection = (typeof CASE_SECTIONS)[number]

export interface SectionStatus {
  section: CaseSection
  complete: boolean
  /** Paths of required fields not yet filled in. */
  missing: string[]
  /** Every problem in this section (missing and invalid). */
  errors: FieldError[]
}

export interface CaseCompleteness {
  /** true when the case can be planned (parseCase succeeds). */
  complete: boolean
  sections: SectionStatus[]
  /** All missing required paths, in file order. */
  missing: string[]
  /** All errors, including file-level ones (format, version, unknown protocol…). */
  errors: FieldError[]
  warnings: FieldWarning[]
}

function sectionOf(path: string): string {
  const m = /^[A-Za-z]+/.exec(path)
  return m ? m[0] : ''
}

/** Completeness of a draft; format and version are filled in when the draft lacks them. */
export function caseCompleteness(draft: unknown, options?: { systems?: readonly ImplantSystem[] }): CaseCompleteness {
  const raw = isPlainObject(draft) ? { format: CASE_FORMAT, version: CASE_VERSION, ...draft } : draft
  const r = parseCase(raw, options)
  const errors = r.ok ? [] : r.errors
  const sections: SectionStatus[] = CASE_SECTIONS.map((section) => {
    const errs = errors.filter((e) => sectionOf(e.path) === section)
    return { section, complete: errs.length === 0, missing: errs.filter((e) => e.code === 'required').map((e) => e.path), errors: errs }
  })
  return {
    complete: r.ok,
    sections,
    missing: errors.filter((e) => e.code === 'required').map((e) => e.path),
    errors,
    warnings: r.warnings
  }
}
