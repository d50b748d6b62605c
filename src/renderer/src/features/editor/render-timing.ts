// Performance API marks on the editor's keystroke → updated result and drawing path, read by the
// browser benchmark (tests/perf/browser-bench.ts, docs/performance.md "Editor"). Only the latest marks
// and measure are kept, so a long editing session does not fill the performance buffer.
export const INPUT_MARK = 'osseo:input'
export const RENDERED_MARK = 'osseo:rendered'
export const INPUT_TO_RENDERED = 'osseo:input-to-rendered'

/** A new draft is about to be evaluated. */
export function markInput(): void {
  performance.clearMarks(INPUT_MARK)
  performance.mark(INPUT_MARK)
}

/** The result and drawing of the last evaluated draft are in the DOM. */
export function markRendered(): void {
  if (performance.getEntriesByName(INPUT_MARK, 'mark').length === 0) return
  performance.clearMarks(RENDERED_MARK)
  performance.mark(RENDERED_MARK)
  performance.clearMeasures(INPUT_TO_RENDERED)
  performance.measure(INPUT_TO_RENDERED, INPUT_MARK, RENDERED_MARK)
  performance.clearMarks(INPUT_MARK)
}
