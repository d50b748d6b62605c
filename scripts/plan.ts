/**
 * OsseoPlan command line: compute a plan from a case file.
 *
 *   npm run --silent plan -- <case.json> [--text]
 *
 * Prints the PlanResult as JSON (or a readable summary with --text). Exit codes:
 * 0 a plan was computed (whatever its findings), 2 invalid input or unreadable file,
 * 1 internal error. Never prints a stack trace.
 */
import { readFileSync } from 'node:fs'
import { planFromRaw, planToText } from '../src/shared/index'
import { parseStrictJson } from '../src/shared/strict-json'
import { escapeForTerminal, escapeJsonForTerminal, escapeReportForTerminal } from '../src/shared/terminal-text'
import { decodeTextFile } from '../src/shared/text-file'

const USAGE = 'usage: npm run --silent plan -- <case.json> [--text]'

/** Every line is escaped: a file name, key or message from the file cannot drive the terminal. */
function fail(code: number, lines: string[]): never {
  process.stderr.write(lines.map(escapeForTerminal).join('\n') + '\n')
  process.exit(code)
}

function main(argv: string[]): void {
  const files: string[] = []
  let text = false
  for (const a of argv) {
    if (a === '--text') text = true
    else if (a === '--help' || a === '-h') {
      process.stdout.write(USAGE + '\n')
      return
    } else if (a.startsWith('-')) fail(2, [`plan: unknown option ${a}`, USAGE])
    else files.push(a)
  }
  if (files.length !== 1) fail(2, [files.length === 0 ? 'plan: no case file given' : 'plan: give exactly one case file', USAGE])
  const file = files[0] as string
  let bytes: Uint8Array
  try {
    bytes = readFileSync(file)
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : 'cannot be read'
    fail(2, [`plan: ${file}: ${why}`])
  }
  const decoded = decodeTextFile(bytes)
  if (!decoded.ok) fail(2, [`plan: ${file}: ${decoded.problem}`])
  // The app's strict reader: a repeated key is refused, never silently read as its last value.
  const read = parseStrictJson(decoded.text)
  if (!read.ok) fail(2, [`plan: ${file}: ${read.message}`])
  const raw: unknown = read.value
  const r = planFromRaw(raw)
  for (const w of r.warnings) process.stderr.write(escapeForTerminal(`warning: ${w.path || '(file)'}: ${w.message}`) + '\n')
  if (!r.ok) fail(2, [`plan: ${file}: the case is invalid (${r.errors.length} problem${r.errors.length === 1 ? '' : 's'}):`, ...r.errors.map((e) => `  ${e.path || '(file)'}: ${e.message}`)])
  process.stdout.write((text ? escapeReportForTerminal(planToText(r.result)) : escapeJsonForTerminal(JSON.stringify(r.result, null, 2))) + '\n')
}

try {
  main(process.argv.slice(2))
} catch (e) {
  fail(1, [`plan: internal error: ${e instanceof Error ? e.message : String(e)}`])
}
