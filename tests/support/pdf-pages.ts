// The text of a PDF the browser printed, page by page, as poppler's pdftotext lays it out: what
// the print tests read to check what is on the paper.
import { execFileSync } from 'node:child_process'

/** Pages of a PDF, as pdftotext separates them, each with its white space squashed to single spaces. */
export function pdfPages(file: string): string[] {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
    .split('\f')
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p !== '')
}
