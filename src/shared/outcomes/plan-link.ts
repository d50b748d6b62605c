// What the audit needs from the approved plan an operation carried out: the planned size and how
// the measurements were calibrated (the usual shared causes of a wrong size).
import { isPlainObject } from '../case/migrations'

export interface PlanFacts {
  planned: { systemId: string; diameterMm: number; lengthMm: number } | null
  calibration: string
  imagingSource: string
}

const SOURCE_LABELS: Readonly<Record<string, string>> = { xray: 'X-ray', ct: 'CT', calibrated: 'Calibrated radiograph' }

/** Reads a revision's stored case file and result defensively: old or damaged rows give "unknown". */
export function planFacts(caseFile: unknown, result: unknown): PlanFacts {
  const imaging = isPlainObject(caseFile) && isPlainObject(caseFile.imaging) ? caseFile.imaging : {}
  const source = typeof imaging.source === 'string' ? imaging.source : ''
  let calibration = 'unknown'
  if (source === 'ct') calibration = 'CT (true size)'
  else if (source === 'calibrated') calibration = 'already calibrated'
  else if (source === 'xray') calibration = isPlainObject(imaging.marker) ? 'calibration marker' : typeof imaging.magnification === 'number' ? 'stated magnification factor' : 'default magnification factor'
  const implant = isPlainObject(result) && isPlainObject(result.implant) ? result.implant : null
  const planned =
    implant && typeof implant.diameterMm === 'number' && typeof implant.lengthMm === 'number'
      ? { systemId: typeof implant.systemId === 'string' ? implant.systemId : '', diameterMm: implant.diameterMm, lengthMm: implant.lengthMm }
      : null
  return { planned, calibration, imagingSource: SOURCE_LABELS[source] ?? 'unknown' }
}
