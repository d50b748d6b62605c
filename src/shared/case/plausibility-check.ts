/**
 * Applies the plausible ranges (plausible-ranges.ts) to a raw case during parseCase — so the editor,
 * import, the command line and every other reader of a case judge it the same way: a value outside
 * the hard limit is refused at its field ('warn' mode: warned about, for stored cases), one outside
 * the typical range gets a warning there. Only values that parsed cleanly are judged (a value
 * already refused keeps its own message).
 */
import { parseHeight, parseLength, parseMass } from '../units'
import type { Collector } from './fields'
import { isPlainObject } from './migrations'
import { checkPlausible, type PlausibleField } from './plausible-ranges'
import { LEVELS, type Level } from './types'

const STATION_DIAMETERS = [
  ['endosteal', 'endosteal'],
  ['endostealAP', 'endosteal'],
  ['endostealLat', 'endosteal'],
  ['periosteal', 'periosteal'],
  ['periostealAP', 'periosteal'],
  ['periostealLat', 'periosteal']
] as const

export function applyPlausibleRanges(r: Record<string, unknown>, c: Collector, beyondHardLimit: 'refuse' | 'warn' = 'refuse'): void {
  const limb = isPlainObject(r['limb']) ? (r['limb'] as Record<string, unknown>) : {}
  const level = LEVELS.includes(limb['level'] as Level) ? (limb['level'] as Level) : undefined
  const judged = new Set(c.errors.map((e) => e.path))
  const judge = (path: string, field: PlausibleField, value: unknown) => {
    if (typeof value !== 'number' || judged.has(path)) return
    const p = checkPlausible(field, level, value)
    if (p.kind === 'refuse' && beyondHardLimit === 'refuse') c.error(path, p.message)
    else if (p.kind === 'refuse') c.warn(path, p.message)
    else if (p.kind === 'warn') c.warn(path, p.message)
  }
  const section = (key: string) => (isPlainObject(r[key]) ? (r[key] as Record<string, unknown>) : {})
  const patient = section('patient')
  judge('patient.weight', 'weight', patient['weight'] === undefined ? undefined : parseMass(patient['weight'], 'patient.weight'))
  judge('patient.height', 'height', patient['height'] === undefined ? undefined : parseHeight(patient['height'], 'patient.height'))
  judge('patient.ageYears', 'ageYears', patient['ageYears'])
  // The rest depends on the bone, so on the level.
  if (!level) return
  const bone = section('bone')
  const length = (v: unknown, path: string) => (v === undefined || v === null ? undefined : parseLength(v, path))
  judge('bone.residualLength', 'residualLength', length(bone['residualLength'], 'bone.residualLength'))
  if (Array.isArray(bone['stations']))
    bone['stations'].forEach((s: unknown, i: number) => {
      if (!isPlainObject(s)) return
      for (const [key, field] of STATION_DIAMETERS) {
        const path = `bone.stations[${i}].${key}`
        judge(path, field, length((s as Record<string, unknown>)[key], path))
      }
    })
  const soft = section('softTissue')
  judge('softTissue.distalThickness', 'distalThickness', length(soft['distalThickness'], 'softTissue.distalThickness'))
}
