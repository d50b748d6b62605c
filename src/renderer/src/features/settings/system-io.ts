// Import and export of custom implant systems as JSON. An import is read and every record
// validated before anything is written; one bad record refuses the whole file. A file is a claim,
// not a confirmation: its parameters arrive unconfirmed, a "published" value (whose source key the
// core checks) is shown as the file's claim, and a name may not pass for another system's.
import { BUILTIN_SYSTEMS } from '../../../../shared/catalog/systems'
import type { ImplantSystem } from '../../../../shared/catalog/types'
import type { FieldError } from '../../../../shared/case/types'
import type { ParamScalar, ParamValue } from '../../../../shared/result'
import { parseStrictJson } from '../../../../shared/strict-json'
import { isRecord } from './param-sanitize'
import { checkCustomSystem, SYSTEM_PARAM_NAMES } from './system-record'

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

/** The note a published value from a file carries, so the summary shows whose claim it is. */
export const IMPORTED_CLAIM = 'published source as stated by an imported catalogue file (not checked by OsseoPlan)'

/** Names compare without case, spacing or accents: "OPRA femur fixture " is "opra femur fixture". */
function nameKey(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').replace(/\s+/g, ' ').trim().toLowerCase()
}

/**
 * The system as imported: every parameter unconfirmed, and a published value marked as the file's
 * claim (the core's validateSystem has already refused source keys OsseoPlan does not know).
 */
function asClaim(system: ImplantSystem): ImplantSystem {
  const out: Record<string, unknown> = { ...system }
  for (const name of SYSTEM_PARAM_NAMES) {
    const p = system[name] as ParamValue<ParamScalar> | null
    if (!p) continue
    const { confirmed: _confirmed, ...rest } = p
    if (rest.provenance.kind === 'published') rest.provenance = { ...rest.provenance, note: IMPORTED_CLAIM }
    out[name] = rest
  }
  return out as unknown as ImplantSystem
}

/**
 * Reads a systems file: format, version, and each system checked as a custom system. `existing`
 * are the site's custom systems: a name may repeat only for the same id (a re-import).
 */
export function parseSystemsFile(text: string, existing: readonly ImplantSystem[] = []): ImportResult {
  if (text.length > MAX_SYSTEMS_FILE_CHARS) return fail('', 'the file is too large to be an implant catalogue')
  const read = parseStrictJson(text, { maxDepth: 20 })
  if (!read.ok) return fail(read.path, read.path ? read.message.slice(read.path.length + 1) : read.message)
  const raw = read.value
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
  const names = new Map<string, string>([...BUILTIN_SYSTEMS, ...existing].map((s) => [nameKey(s.name), s.id]))
  list.forEach((item, i) => {
    const checked = checkCustomSystem(item)
    if (!checked.ok) {
      for (const e of checked.errors) errors.push({ ...e, path: `systems[${i}]${e.path ? `.${e.path}` : ''}` })
      return
    }
    const system = asClaim(checked.system)
    if (seen.has(system.id)) errors.push({ path: `systems[${i}].id`, message: `"${system.id}" appears twice in the file`, code: 'invalid' })
    seen.add(system.id)
    const owner = names.get(nameKey(system.name))
    if (owner !== undefined && owner !== system.id) errors.push({ path: `systems[${i}].name`, message: `“${system.name}” is already the name of another system (${owner}); give this one a name of its own`, code: 'invalid' })
    names.set(nameKey(system.name), system.id)
    systems.push(system)
  })
  return errors.length > 0 ? { ok: false, errors } : { ok: true, systems }
}
