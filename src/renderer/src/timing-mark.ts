// A named step in the page's performance timeline (performance.mark), so tests and benches can time
// a path step by step in the page. Marks only: no cost worth measuring, nothing sent anywhere.
export function markStep(name: string): void {
  if (typeof performance === 'undefined' || typeof performance.mark !== 'function') return
  performance.clearMarks(name)
  performance.mark(name)
}
