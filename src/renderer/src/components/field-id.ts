// Stable DOM ids for case-file paths, so labels, messages and error links line up.
export function fieldId(path: string): string {
  return `f-${path.replace(/[^A-Za-z0-9]+/g, '-')}`
}
