// What the print tests read of a PDF the browser printed, with poppler: its text page by page, as
// pdftotext lays it out, and the paper its pages are on.
import { execFileSync } from 'node:child_process'

/** Pages of a PDF, as pdftotext separates them, each with its white space squashed to single spaces.
 *  `raw`: in the order the text was drawn (a column's text kept together) instead of laid out. */
export function pdfPages(file: string, order: 'layout' | 'raw' = 'layout'): string[] {
  return execFileSync('pdftotext', [`-${order}`, file, '-'], { encoding: 'utf8' })
    .split('\f')
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p !== '')
}

/** The paper of a PDF's pages as pdfinfo names it ("A4", "letter"), or its size in points when unnamed. */
export function pdfPaper(file: string): string {
  const size = /^Page size:\s*(.*)$/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1] ?? ''
  return /\((\w+)\)/.exec(size)?.[1] ?? size
}
