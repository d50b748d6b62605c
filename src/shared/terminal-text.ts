// Text from a file (a patient code, an unknown key, a condition name) printed to a terminal must
// not drive the terminal: an ESC or CSI sequence can rewrite the screen, set the window title or
// hide lines, and a bidi override can reorder what is shown. Such characters are printed escaped.

// C0 and C1 controls and DEL, bidi embeddings/overrides/isolates and marks, line/paragraph separators.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g
const UNSAFE_KEEPING_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g

function escape(char: string): string {
  const code = char.charCodeAt(0)
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`
}

/** One line of a message: every control character escaped, a newline included. */
export function escapeForTerminal(text: string): string {
  return text.replace(UNSAFE, escape)
}

/** A multi-line report (the readable plan): lines and tabs kept, every other control escaped. */
export function escapeReportForTerminal(text: string): string {
  return text.replace(UNSAFE_KEEPING_LINES, escape)
}

/**
 * JSON text for a terminal: JSON.stringify leaves C1 controls, bidi controls and U+2028/9 raw
 * inside strings. Line breaks and tabs outside strings are the pretty-printer's own layout (inside
 * strings JSON.stringify has escaped them already), so they stay: the output remains valid JSON.
 */
export function escapeJsonForTerminal(json: string): string {
  return json.replace(UNSAFE_KEEPING_LINES, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
}
