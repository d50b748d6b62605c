/**
 * Reads one JSON document that arrives in pieces (a library backup of any size) without ever
 * holding it as one string. The document is an object whose members are either single values or
 * lists; each single value and each list item is cut out as it completes — across piece
 * boundaries, inside strings and escapes too — and read by the strict reader (strict-json.ts),
 * with its place in the file (`plans[3]`) named in any problem. Limits that protect the app: the
 * nesting depth of the whole file, and the length of one item (a record), checked while reading.
 */
import { BACKSLASH, CLOSE_LIST, CLOSE_OBJECT, COMMA, JSON_FORBIDDEN_KEYS, OPEN_LIST, OPEN_OBJECT, parseStrictJson, QUOTE } from './strict-json'

export interface JsonPiecesSink {
  /** A member of the top object that is not a list, or (key null) a whole document that is not an object. */
  value(key: string | null, value: unknown): void
  /** A member of the top object that is a list begins. */
  listStart(key: string): void
  /** One item of that list, read. */
  item(key: string, index: number, value: unknown): void
}

export interface JsonPiecesLimits {
  /** Deepest nesting of the whole file (the top object counts as 1). */
  maxDepth: number
  /** Longest single value or list item, in characters. */
  maxItemChars: number
  /** Longest file, in characters (Infinity: none). */
  maxChars: number
  /** Names the file in the too-large message ("a library backup"). */
  what: string
}

/** A problem with the file's text, in words for the user. */
export class JsonPiecesProblem extends Error {
  override name = 'JsonPiecesProblem'
}

const COLON = 58

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9
}

const enum State {
  Start,
  KeyOrEnd,
  Key,
  Colon,
  Value,
  FirstItem,
  Item,
  AfterItem,
  AfterMember,
  Capture,
  Done
}

/** What a value being cut out is: a member, a list item, or the whole (non-object) document. */
type Target = { kind: 'member'; key: string } | { kind: 'item'; key: string; index: number } | { kind: 'root' } | { kind: 'key' }

const KEY_MAX_CHARS = 200
/** The first character of any JSON value. */
const VALUE_START = /^[[{"\-0-9tfn]$/
const MB = 1024 * 1024

function megabytes(chars: number): string {
  return `${(chars / MB).toFixed(1)} MB`
}

function invalid(detail: string): never {
  throw new JsonPiecesProblem(`The file is not valid JSON — it may be truncated or damaged (${detail}).`)
}

/** Feed pieces with push(), then end(); the sink hears each value as soon as it is complete. Throws JsonPiecesProblem (or what the sink throws). */
export function createJsonPiecesReader(sink: JsonPiecesSink, limits: JsonPiecesLimits) {
  let state = State.Start
  let read = 0
  let key = ''
  const seenKeys = new Set<string>()
  let index = 0
  // The value being cut out.
  let target: Target = { kind: 'root' }
  let parts: string[] = []
  let partsLength = 0
  let depth = 0
  let baseDepth = 0
  let inString = false
  let escape = false

  function where(t: Target): string {
    return t.kind === 'member' ? t.key : t.kind === 'item' ? `${t.key}[${t.index}]` : ''
  }

  function startCapture(t: Target, base: number): void {
    target = t
    parts = []
    partsLength = 0
    depth = 0
    baseDepth = base
    inString = false
    escape = false
    state = State.Capture
  }

  function tooLong(length: number): void {
    if (target.kind === 'key') {
      if (length > KEY_MAX_CHARS) invalid(`a field name longer than ${KEY_MAX_CHARS} characters`)
      return
    }
    const place = where(target)
    if (length > limits.maxItemChars) throw new JsonPiecesProblem(`${place ? `${place} is` : 'The file is'} too large for one record (the limit is ${Math.round(limits.maxItemChars / MB)} MB).`)
  }

  /** Scans a captured value from i; returns the index just after it, or -1 when the piece ends first. */
  function scanCapture(text: string, i: number): number {
    const n = text.length
    while (i < n) {
      if (inString) {
        // Most of a backup is inside strings: jump to the next quote, and count the backslashes before it.
        if (escape) {
          escape = false
          i++
          continue
        }
        const q = text.indexOf('"', i)
        if (q < 0) {
          // The string goes on in the next piece; a piece ending in an odd run of backslashes escapes its first character.
          let k = n - 1
          while (k >= i && text.charCodeAt(k) === BACKSLASH) k--
          escape = (n - 1 - k) % 2 === 1
          return -1
        }
        let k = q - 1
        while (k >= i && text.charCodeAt(k) === BACKSLASH) k--
        i = q + 1
        if ((q - 1 - k) % 2 === 1) continue
        inString = false
        if (depth === 0) return i
        continue
      }
      const c = text.charCodeAt(i)
      if (c === QUOTE) inString = true
      else if (c === OPEN_OBJECT || c === OPEN_LIST) {
        if (++depth + baseDepth > limits.maxDepth) {
          const place = where(target)
          throw new JsonPiecesProblem(`${place ? `${place} ` : 'The file '}is nested more than ${limits.maxDepth} levels deep`)
        }
      } else if (c === CLOSE_OBJECT || c === CLOSE_LIST) {
        if (depth === 0) return i
        if (--depth === 0) return i + 1
      } else if (depth === 0 && (c === COMMA || isSpace(c))) return i
      i++
    }
    return -1
  }

  function finishCapture(text: string): void {
    tooLong(text.length)
    if (target.kind === 'key') {
      let name: unknown
      try {
        name = JSON.parse(text)
      } catch {
        invalid(`a field name is not valid text near character ${read}`)
      }
      key = name as string
      if (JSON_FORBIDDEN_KEYS.has(key)) throw new JsonPiecesProblem(`${key} is a forbidden key (it could alter the program)`)
      if (seenKeys.has(key)) throw new JsonPiecesProblem(`${key.slice(0, 40)} appears twice in the same object (a file with repeated keys is ambiguous)`)
      seenKeys.add(key)
      state = State.Colon
      return
    }
    const t = target
    const parsed = parseStrictJson(text, { maxDepth: limits.maxDepth - baseDepth, at: where(t) })
    if (!parsed.ok) throw new JsonPiecesProblem(parsed.message)
    if (t.kind === 'root') {
      sink.value(null, parsed.value)
      state = State.Done
    } else if (t.kind === 'member') {
      sink.value(t.key, parsed.value)
      state = State.AfterMember
    } else {
      sink.item(t.key, t.index, parsed.value)
      state = State.AfterItem
    }
  }

  function push(text: string): void {
    read += text.length
    if (read > limits.maxChars) throw new JsonPiecesProblem(`The file is too large for ${limits.what} (more than ${megabytes(limits.maxChars)}; the limit is ${Math.round(limits.maxChars / MB)} MB).`)
    const n = text.length
    let i = 0
    while (i < n) {
      if (state === State.Capture) {
        const start = i
        const end = scanCapture(text, i)
        if (end < 0) {
          parts.push(start === 0 ? text : text.slice(start))
          partsLength += n - start
          tooLong(partsLength)
          return
        }
        const last = text.slice(start, end)
        finishCapture(parts.length ? parts.join('') + last : last)
        parts = []
        i = end
        continue
      }
      const c = text.charCodeAt(i)
      if (isSpace(c)) {
        i++
        continue
      }
      switch (state) {
        case State.Start:
          if (c === OPEN_OBJECT) state = State.KeyOrEnd
          else if (!VALUE_START.test(text[i]!)) invalid(`it does not start with a JSON value`)
          else {
            startCapture({ kind: 'root' }, 0)
            continue
          }
          break
        case State.KeyOrEnd:
        case State.Key:
          if (c === QUOTE) {
            startCapture({ kind: 'key' }, 1)
            continue
          }
          if (c === CLOSE_OBJECT && state === State.KeyOrEnd) state = State.Done
          else invalid(`expected a field name near character ${read - n + i}`)
          break
        case State.Colon:
          if (c !== COLON) invalid(`expected ":" near character ${read - n + i}`)
          state = State.Value
          break
        case State.Value:
          if (c === OPEN_LIST) {
            sink.listStart(key)
            index = 0
            state = State.FirstItem
          } else {
            startCapture({ kind: 'member', key }, 1)
            continue
          }
          break
        case State.FirstItem:
          if (c === CLOSE_LIST) {
            state = State.AfterMember
            break
          }
          startCapture({ kind: 'item', key, index }, 2)
          continue
        case State.Item:
          startCapture({ kind: 'item', key, index }, 2)
          continue
        case State.AfterItem:
          if (c === COMMA) {
            index++
            state = State.Item
          } else if (c === CLOSE_LIST) state = State.AfterMember
          else invalid(`expected "," or "]" after ${key}[${index}] near character ${read - n + i}`)
          break
        case State.AfterMember:
          if (c === COMMA) state = State.Key
          else if (c === CLOSE_OBJECT) state = State.Done
          else invalid(`expected "," or "}" after ${key} near character ${read - n + i}`)
          break
        case State.Done:
          invalid(`unexpected text after the end, near character ${read - n + i}`)
      }
      i++
    }
  }

  function end(): void {
    // A number or word at the very end of the file ends with it.
    if (state === State.Capture && !inString && depth === 0 && parts.length > 0 && target.kind === 'root') {
      const text = parts.join('')
      parts = []
      finishCapture(text)
    }
    if (state !== State.Done) invalid(read === 0 ? 'the file is empty' : 'the file ends too early')
  }

  return { push, end }
}
