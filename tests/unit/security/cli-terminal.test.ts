// The plan command with hostile text: escape sequences in a file's keys, names and values are
// printed escaped (never raw to the terminal), and every text encoding reads one way (issue #18).
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { escapeForTerminal, escapeJsonForTerminal, escapeReportForTerminal } from '../../../src/shared/terminal-text'

const root = fileURLToPath(new URL('../../../', import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'osseoplan-cli-'))
const example = JSON.parse(readFileSync(join(root, 'resources/cases/transfemoral.json'), 'utf8')) as Record<string, Record<string, unknown>>

function run(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/plan.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 60000 })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name)
  writeFileSync(path, content)
  return path
}

// ESC, CSI (C1), BEL, a bidi override, a line separator: none may reach the terminal raw.
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/

describe('plan command and terminal control characters', () => {
  it('escapes them in warnings, --text output and error messages', () => {
    const hostile = structuredClone(example)
    hostile['bone']!['landmark'] = 'trochanter\u001b[2J\u001b]0;owned\u0007\u009b31m\u202eevil'
    hostile['prosthesis']!['components'] = [{ name: 'knee\u001b[2J\u009b31m\u202e', buildHeight: 100 }]
    ;(hostile as Record<string, unknown>)['\u001b[31mextra'] = 1
    const taken = run(file('hostile.json', JSON.stringify(hostile)), '--text')
    expect(taken.code).toBe(0)
    expect(taken.stdout + taken.stderr).not.toMatch(RAW_CONTROL)
    expect(taken.stderr).toContain('\\x1b[31mextra')
    const json = run(join(dir, 'hostile.json'))
    expect(json.stdout).not.toMatch(RAW_CONTROL)

    const invalid = structuredClone(example)
    invalid['patient']!['weight'] = '\u001b[8m82 kg'
    const refused = run(file('in\u001bvalid.json', JSON.stringify(invalid)))
    expect(refused.code).toBe(2)
    expect(refused.stderr).not.toMatch(RAW_CONTROL)
    expect(refused.stderr).toContain('in\\x1bvalid.json')
  }, 120_000)

  it('reads UTF-8 with a byte-order mark and UTF-16 with one; refuses UTF-16 without one in one plain sentence', () => {
    const text = JSON.stringify(example)
    const le = new Uint8Array(Buffer.from(text, 'utf16le'))
    expect(run(file('bom8.json', '\uFEFF' + text)).code).toBe(0)
    expect(run(file('bom16.json', new Uint8Array([0xff, 0xfe, ...le]))).code).toBe(0)
    const bare = run(file('bare16.json', le))
    expect(bare.code).toBe(2)
    expect(bare.stderr).toBe(`plan: ${join(dir, 'bare16.json')}: it is not UTF-8 text (nor UTF-16 with a byte-order mark); save it again as UTF-8 text and try again\n`)
  }, 120_000)
})

describe('terminal escaping helpers', () => {
  it('escape controls, keep lines only in reports, and keep JSON valid', () => {
    expect(escapeForTerminal('a\nb\u001bc')).toBe('a\\x0ab\\x1bc')
    expect(escapeReportForTerminal('a\n\tb\rc')).toBe('a\n\tb\\x0dc')
    const json = escapeJsonForTerminal(JSON.stringify({ k: 'x\u009b\u202e\u2028' }))
    expect(json).not.toMatch(RAW_CONTROL)
    expect(JSON.parse(json)).toEqual({ k: 'x\u009b\u202e\u2028' })
  })
})
