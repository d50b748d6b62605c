/**
 * The one JSON reader for files from outside (case files, library backups, implant catalogues).
 * JSON.parse keeps the LAST of two equal keys, so `"side":"left","side":"right"` silently reads as
 * right and a second "status" can turn a plan approved. This reader refuses duplicate keys,
 * prototype keys (__proto__, constructor, prototype), numbers that are not finite (1e999 or a
 * 400-digit number read as Infinity) and absurd nesting, naming where. JSON.parse does the
 * parsing (fast, exact); one linear scan of the already valid text then checks the rest.
 */

export type StrictJson = { ok: true; value: unknown } | { ok: false; message: string; path: string }

export interface StrictJsonOptions {
  /** Deepest nesting of objects and lists accepted (default 40). */
  maxDepth?: number
  /** Longest text accepted, in characters (default: no limit here; callers state theirs). */
  maxChars?: number
  /** Where this text sits in a larger file read piece by piece (e.g. `plans[3]`): problems are named from there. */
  at?: string
}

export const JSON_FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype'])

/** Character codes of JSON's punctuation (shared with json-stream.ts). */
export const QUOTE = 34
export const BACKSLASH = 92
export const OPEN_OBJECT = 123
export const CLOSE_OBJECT = 125
export const OPEN_LIST = 91
export const CLOSE_LIST = 93
export const COMMA = 44

interface Frame {
  /** Keys seen in this object (null for a list); a short list, as most objects have few keys. */
  keys: string[] | null
  /** The same keys as a set, once an object has many (a linear search would be quadratic). */
  many: Set<string> | null
  /** Object: the current key; list: the current index. */
  at: string | number
  expectKey: boolean
}

class ScanProblem extends Error {
  constructor(
    readonly path: string,
    message: string
  ) {
    super(message)
  }
}

function pathOf(stack: readonly Frame[], prefix: string): string {
  let out = prefix
  for (const frame of stack) {
    if (frame.keys === null) out += `[${frame.at}]`
    else if (frame.at !== '') out += out ? `.${frame.at}` : String(frame.at)
  }
  return out
}

function where(path: string): string {
  return path ? `${path} ` : 'The file '
}

/** Reads a number token starting at i; returns the index after it. */
function scanNumber(text: string, i: number, stack: readonly Frame[], prefix: string): number {
  const start = i
  let plain = true
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if ((c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46) continue
    if (c === 101 || c === 69) {
      plain = false
      continue
    }
    break
  }
  // Short plain numbers are always finite; only exponents and very long digit runs can overflow.
  if ((!plain || i - start > 300) && !Number.isFinite(Number(text.slice(start, i)))) {
    const path = pathOf(stack, prefix)
    throw new ScanProblem(path, `${where(path)}is not a finite number (${text.slice(start, Math.min(i, start + 24))}${i - start > 24 ? '…' : ''})`)
  }
  return i
}

/** Index just after the closing quote of the string opening at i (in text JSON.parse accepted). */
function stringEnd(text: string, i: number): number {
  // Jump from quote to quote (a backup is mostly strings); a quote after an odd run of backslashes is inside the string.
  let from = i + 1
  for (;;) {
    const q = text.indexOf('"', from)
    let k = q - 1
    while (text.charCodeAt(k) === BACKSLASH) k--
    if ((q - 1 - k) % 2 === 0) return q + 1
    from = q + 1
  }
}

/** Checks text that JSON.parse accepted: keys, numbers, depth. Throws ScanProblem. */
function scan(text: string, maxDepth: number, prefix: string): void {
  // Frames are reused by depth: a backup has hundreds of thousands of objects.
  const pool: Frame[] = []
  const stack: Frame[] = []
  for (let i = 0; i < text.length; ) {
    const c = text.charCodeAt(i)
    if (c === QUOTE) {
      const end = stringEnd(text, i)
      const top = stack[stack.length - 1]
      if (top && top.keys !== null && top.expectKey) {
        const raw = text.slice(i + 1, end - 1)
        const key = raw.includes('\\') ? (JSON.parse(text.slice(i, end)) as string) : raw
        top.at = key
        top.expectKey = false
        if (JSON_FORBIDDEN_KEYS.has(key)) {
          const path = pathOf(stack, prefix)
          throw new ScanProblem(path, `${path} is a forbidden key (it could alter the program)`)
        }
        if (top.many === null && top.keys.length >= 32) top.many = new Set(top.keys)
        if (top.many ? top.many.has(key) : top.keys.includes(key)) {
          const path = pathOf(stack, prefix)
          throw new ScanProblem(path, `${path} appears twice in the same object (a file with repeated keys is ambiguous)`)
        }
        if (top.many) top.many.add(key)
        else top.keys.push(key)
      }
      i = end
    } else if (c === OPEN_OBJECT || c === OPEN_LIST) {
      if (stack.length >= maxDepth) {
        const path = pathOf(stack, prefix)
        throw new ScanProblem(path, `${where(path)}is nested more than ${maxDepth} levels deep`)
      }
      const frame = (pool[stack.length] ??= { keys: null, many: null, at: 0, expectKey: false })
      frame.many = null
      if (c === OPEN_OBJECT) {
        frame.keys = frame.keys ?? []
        frame.keys.length = 0
        frame.at = ''
        frame.expectKey = true
      } else {
        frame.keys = null
        frame.at = 0
        frame.expectKey = false
      }
      stack.push(frame)
      i++
    } else if (c === CLOSE_OBJECT || c === CLOSE_LIST) {
      stack.pop()
      i++
    } else if (c === COMMA) {
      const top = stack[stack.length - 1]!
      if (top.keys === null) top.at = (top.at as number) + 1
      else top.expectKey = true
      i++
    } else if (c === 45 || (c >= 48 && c <= 57)) {
      i = scanNumber(text, i, stack, prefix)
    } else i++
  }
}

/** Parses untrusted JSON text strictly (see the file comment). Never throws. */
export function parseStrictJson(text: string, options: StrictJsonOptions = {}): StrictJson {
  const maxChars = options.maxChars ?? Infinity
  if (text.length > maxChars) return { ok: false, path: '', message: `The file is too large (${(text.length / 1024 / 1024).toFixed(1)} MB; the limit is ${Math.round(maxChars / 1024 / 1024)} MB).` }
  let value: unknown
  try {
    value = JSON.parse(text) as unknown
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0]!.slice(0, 160) : ''
    const at = options.at ? `in ${options.at}${detail ? ': ' : ''}` : ''
    return { ok: false, path: options.at ?? '', message: `The file is not valid JSON — it may be truncated or damaged${at || detail ? ` (${at}${detail})` : ''}.` }
  }
  try {
    scan(text, options.maxDepth ?? 40, options.at ?? '')
  } catch (error) {
    if (error instanceof ScanProblem) return { ok: false, path: error.path, message: error.message }
    throw error
  }
  return { ok: true, value }
}
