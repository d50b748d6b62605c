// Performance marks of the Audit screen's opening (click → code → rows → figures → page), so each
// step can be timed in the page (tests/e2e/outcomes-scale.spec.ts reads them). Marks only: no cost
// worth measuring, nothing sent anywhere.
export const AUDIT_MARKS = {
  /** The screen's code is loaded (its module ran). */
  code: 'osseo:audit-code',
  /** The screen asks for the cohort (from memory or the database). */
  readStart: 'osseo:audit-read-start',
  /** The cohort's rows are in memory. */
  read: 'osseo:audit-read',
  /** The figures of the current filter are computed. */
  computed: 'osseo:audit-computed',
  /** The page with its figures is in the document (before the browser paints it). */
  shown: 'osseo:audit-shown',
  /** The first frame with the figures has been produced. */
  painted: 'osseo:audit-painted'
} as const

export function markAudit(step: keyof typeof AUDIT_MARKS): void {
  if (typeof performance === 'undefined' || typeof performance.mark !== 'function') return
  performance.clearMarks(AUDIT_MARKS[step])
  performance.mark(AUDIT_MARKS[step])
}

/** Marks `shown` now and `painted` once the next frame is produced (a task queued from a frame
 *  callback runs after its paint). */
export function markShown(): void {
  markAudit('shown')
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(() => markAudit('painted'), 0))
}
