// Performance marks of the Audit screen's opening (click → code → rows → figures → page), so each
// step can be timed in the page (tests/e2e/outcomes-scale.spec.ts reads them; the frame that first
// shows the count is the patient count's element timing, AUDIT_COUNT_TIMING). Marks only: no cost
// worth measuring, nothing sent anywhere.
import { markStep } from '../../timing-mark'

export const AUDIT_MARKS = {
  /** The screen's code is loaded (its module ran). */
  code: 'osseo:audit-code',
  /** The screen asks for the cohort (from memory or the database). */
  readStart: 'osseo:audit-read-start',
  /** The cohort's rows are in memory. */
  read: 'osseo:audit-read',
  /** The first figures of the current filter are computed. */
  computed: 'osseo:audit-computed',
  /** The page with its first figures is in the document (before the browser paints it). */
  shown: 'osseo:audit-shown',
  /** Every figure of the screen is in the document (the later ones computed after the first paint). */
  complete: 'osseo:audit-complete'
} as const

export function markAudit(step: keyof typeof AUDIT_MARKS): void {
  markStep(AUDIT_MARKS[step])
}

/** The Element Timing name of the patient count: when the browser first painted it. */
export const AUDIT_COUNT_TIMING = 'audit-count'
