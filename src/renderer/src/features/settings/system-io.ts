// Import and export of custom implant systems as JSON. An import is read and every record
// validated before anything is written; one bad record refuses the whole file.
import type { ImplantSystem } from '../../../../shared/catalog/types'
import type { FieldError } from '../../../../shared/case/types'
import { isRecord } from './param-sanitize'
import { checkCustomSystem } from './system-record'

export const SYSTEMS_FILE_FORMAT = 'osseoplan.implant-systems'
export const SYSTEMS_FILE_VERSION = 1
/** A catalogue file is small; anything far larger is not one. */
export const MAX_SYSTEMS_FILE_CHARS = 2_000_000
const MAX_SYSTEMS_PER_FILE = 500

export function exportSystems(systems: readonly ImplantSystem[], at: number): string {
  return `${JSON.stringify({ format: SYSTEMS_FILE_FORMAT, version: SYSTEMS_FILE_VERSION, exportedAt: new Date(at).toISOString(), systems }, null, 2)}\n`
}

export type ImportResult = { ok: true; systems: ImplantSystem[] } | { ok: false; errors: FieldError[] }

function fail(path: string, message: string): ImportResult {
  return { ok: false, errors: [{ path, message, code: 'invalid' }] }
}

/** Reads a systems file: format, version, and each system checked as a custom system. */
export function parseSystemsFile(text: string): ImportResult {
  if (text.length > MAX_SYSTEMS_FILE_CHARS) return fail('', 'the file is too large to be an implant catalogue')
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    return fail('', 'the file is not valid JSON')
  }
  if (!isRecord(raw)) return fail('', 'the file does not contain an implant catalogue object')
  if (raw['format'] !== SYSTEMS_FILE_FORMAT) return fail('format', `must be "${SYSTEMS_FILE_FORMAT}" (this is not an OsseoPlan implant catalogue)`)
  if (raw['version'] !== SYSTEMS_FILE_VERSION) return fail('version', `version ${String(raw['version']).slice(0, 20)} is not supported (expected ${SYSTEMS_FILE_VERSION})`)
  const list = raw['systems']
  if (!Array.isArray(list)) return fail('systems', 'must be a list of implant systems')
  if (list.length === 0) return fail('systems', 'the file contains no implant systems')
  if (list.length > MAX_SYSTEMS_PER_FILE) return fail('systems', `at most ${MAX_SYSTEMS_PER_FILE} systems per file`)
  const errors: FieldError[] = []
  const systems: ImplantSystem[] = []
  const seen = new Set<string>()
  list.forEach((item, i) => {
    const checked = checkCustomSystem(item)
    if (!checked.ok) {
      for (const e of checked.errors) errors.push({ ...e, path: `systems[${i}]${e.path ? `.${e.path}` : ''}` })
      return
    }
    if (seen.has(checked.system.id)) errors.push({ path: `systems[${i}].id`, message: `"${checked.system.id}" appears twice in the file`, code: 'invalid' })
    seen.add(checked.system.id)
    systems.push(checked.system)
  })
  return errors.length > 0 ? { ok: false, errors } : { ok: true, systems }
}
