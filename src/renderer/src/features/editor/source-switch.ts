// What a change of imaging source does with the X-ray calibration (magnification factor, marker):
// they apply to X-ray only, so switching to CT or "already calibrated" takes them out of the case
// and keeps them aside; switching back to X-ray puts them back. One undo step either way.
import type { CaseDraft } from '../../../../shared/case/types'

export interface Calibration {
  magnification?: unknown
  marker?: unknown
}

export interface SourceSwitch {
  /** Paths and values to write in one step. */
  changes: [string, unknown][]
  /** What is now kept aside (null: nothing). */
  aside: Calibration | null
  /** A plain note for the surgeon, or null. */
  notice: string | null
}

const has = (c: Calibration | null | undefined): c is Calibration => !!c && (c.magnification !== undefined || c.marker !== undefined)

export function switchSource(draft: CaseDraft, next: string | undefined, aside: Calibration | null): SourceSwitch {
  const imaging = (draft.imaging ?? {}) as Calibration
  const current: Calibration = { magnification: imaging.magnification, marker: imaging.marker }
  if (next !== 'xray' && has(current)) {
    const label = next === 'ct' ? 'CT' : next === 'calibrated' ? 'already calibrated values' : 'this source'
    return {
      changes: [
        ['imaging.source', next],
        ['imaging.magnification', undefined],
        ['imaging.marker', undefined]
      ],
      aside: current,
      notice: `The X-ray calibration (magnification or marker) does not apply to ${label}: it is kept aside and comes back if you switch to X-ray again (or press Undo).`
    }
  }
  if (next === 'xray' && has(aside) && !has(current)) {
    return {
      changes: [
        ['imaging.source', next],
        ['imaging.magnification', aside.magnification],
        ['imaging.marker', aside.marker]
      ],
      aside: null,
      notice: 'The X-ray calibration you entered before is back.'
    }
  }
  return { changes: [['imaging.source', next]], aside, notice: null }
}
