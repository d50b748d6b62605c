// Patient codes: the pseudonymous key a surgeon reads to be sure a plan is this patient's. Two
// codes that look alike are a wrong-patient hazard, so a code is NFC text from a defined set —
// letters of one script (as Unicode UTS #39 "single script" restricts them), digits of one
// numbering system, and the separators space - _ . / — and nothing invisible or direction-changing.

export const PATIENT_CODE_MAX_LENGTH = 64
export const PATIENT_CODE_SEPARATORS = ' -_./'

export type PatientCodeCheck = { ok: true; code: string } | { ok: false; problem: string }

// Bidi controls, zero-width characters, BOM, soft hyphen and every other format (Cf) character;
// controls (Cc, incl. U+0085); line/paragraph separators; lone surrogates; spaces other than U+0020.
const INVISIBLE = /[\p{Cf}\p{Cc}\p{Zl}\p{Zp}\p{Cs}\p{Zs}]/u
const ALLOWED = /^[\p{L}\p{Mn}\p{Mc}\p{Nd} \-_./]+$/u
// Scripts grouped as UTS #39 allows them together (Japanese, Korean and Chinese mix Han with kana,
// Hangul or Bopomofo); any other script is its own group.
const SCRIPTS = ['Latin', 'Greek', 'Cyrillic', 'Armenian', 'Georgian', 'Hebrew', 'Arabic', 'Thai', 'Devanagari', 'Bengali', 'Tamil', 'Ethiopic', 'Han', 'Hiragana', 'Katakana', 'Hangul', 'Bopomofo']
const SCRIPT_TESTS = SCRIPTS.map((name) => ({ name, test: new RegExp(`^\\p{Script=${name}}$`, 'u') }))
const HAN_GROUPS = [new Set(['Han', 'Hiragana', 'Katakana']), new Set(['Han', 'Hangul']), new Set(['Han', 'Bopomofo'])]

// What a name (implant system, surgeon) may never hold: bidi controls, zero-width and other
// format characters, controls, line separators, lone surrogates — characters that hide or reorder text.
const HIDDEN = /[\p{Cf}\p{Cc}\p{Zl}\p{Zp}\p{Cs}]/u

/** The first hidden or direction-changing character of a name, as "U+202E", or null. */
export function hiddenCharacter(text: string): string | null {
  const found = Array.from(text).find((c) => HIDDEN.test(c))
  return found === undefined ? null : codePointLabel(found)
}

export const HIDDEN_CHARACTER_PROBLEM = 'contains an invisible or direction-changing character'

function codePointLabel(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`
}

function scriptOf(char: string): string {
  return SCRIPT_TESTS.find((s) => s.test.test(char))?.name ?? `other:${codePointLabel(char)}`
}

function oneScript(scripts: Set<string>): boolean {
  if (scripts.size <= 1) return true
  return HAN_GROUPS.some((group) => [...scripts].every((s) => group.has(s)))
}

/** The "0" of a decimal digit's numbering system (digits come in runs of ten, 0 first). */
function digitZero(char: string): number {
  const cp = char.codePointAt(0) ?? 0
  let first = cp
  while (/\p{Nd}/u.test(String.fromCodePoint(first - 1)) && cp - first < 9) first--
  return cp - ((cp - first) % 10)
}

/** Codes of ASCII letters, digits and the separators only (checkPatientCode's fast path). */
const PLAIN_CODE = /^[A-Za-z0-9 \-_./]+$/

/**
 * Checks and normalises a patient code (trimmed, NFC). The problem is a plain sentence naming
 * the offending character; the caller prefixes the field ("Patient code …").
 */
export function checkPatientCode(raw: string): PatientCodeCheck {
  // Plain spaces, tabs and line ends around the code are trimmed; anything else hidden is refused.
  const stripped = raw.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '')
  // ASCII letters, digits and separators pass every check below unchanged (one script, one digit
  // system, NFC and NFKC alike): the check of a restore's thousands of plain codes skips the Unicode
  // tables (the first use of which costs ~0.1 s). Proven equal: tests/unit/core/patient-code-plain.test.ts.
  if (stripped.length <= PATIENT_CODE_MAX_LENGTH && PLAIN_CODE.test(stripped)) return { ok: true, code: stripped }
  return checkUnicodePatientCode(stripped)
}

/** The full check of a trimmed code (any Unicode text). Exported for the equality test. */
export function checkUnicodePatientCode(stripped: string): PatientCodeCheck {
  const invisible = Array.from(stripped).find((c) => c !== ' ' && INVISIBLE.test(c))
  if (invisible) return { ok: false, problem: `${HIDDEN_CHARACTER_PROBLEM} (${codePointLabel(invisible)}): type the code again without it` }
  const code = stripped.normalize('NFC')
  if (code === '') return { ok: false, problem: 'must not be empty' }
  if (Array.from(code).length > PATIENT_CODE_MAX_LENGTH) return { ok: false, problem: `is too long (at most ${PATIENT_CODE_MAX_LENGTH} characters)` }
  const outside = Array.from(code).find((c) => !ALLOWED.test(c))
  if (outside) return { ok: false, problem: `may contain only letters, digits, spaces and - _ . / (not “${outside}”, ${codePointLabel(outside)})` }
  // Fullwidth letters, ligatures, superscripts, circled digits: look-alikes of plain characters.
  if (code.normalize('NFKC') !== code) {
    const compat = Array.from(code).find((c) => c.normalize('NFKC') !== c) ?? ''
    return { ok: false, problem: `contains a compatibility form (“${compat}”, ${codePointLabel(compat)}): type the plain letter or digit` }
  }
  const letters = Array.from(code).filter((c) => /\p{L}/u.test(c))
  const scripts = new Set(letters.map(scriptOf))
  if (!oneScript(scripts)) return { ok: false, problem: `mixes letters of different alphabets (${[...scripts].map((s) => s.replace(/^other:/, '')).join(', ')}), as look-alike codes do: use one alphabet` }
  const zeros = new Set(Array.from(code).filter((c) => /\p{Nd}/u.test(c)).map(digitZero))
  if (zeros.size > 1) return { ok: false, problem: 'mixes digits of different numbering systems: use one' }
  return { ok: true, code }
}
