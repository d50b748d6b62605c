// checkPatientCode answers plain ASCII codes without the Unicode checks; the answer must be the one
// the full check gives, for any text (the full check is the reference).
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkPatientCode, checkUnicodePatientCode } from '../../../src/shared/patient-code'

const trim = (raw: string) => raw.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '')
/** Plain characters, the separators, whitespace, look-alikes, other scripts and digits, hidden characters. */
const CHARS = [...'aZ09 -_./\t\n\r', 'é', 'Ｐ', 'ﬁ', '²', 'а', 'Ω', '٣', '߀', '\u200b', '\u202e', '\u00a0', '\u0301', '#', '+', ',', ':', '\u0000', 'ä', '日', 'カ']
const text = fc.array(fc.oneof(fc.constantFrom(...CHARS), fc.stringMatching(/^[A-Za-z0-9 \-_./]$/)), { maxLength: 70 }).map((cs) => cs.join(''))

describe('patient codes: the plain ASCII path', () => {
  it('gives what the full check gives, for any text (property)', () => {
    fc.assert(
      fc.property(text, (raw) => {
        expect(checkPatientCode(raw)).toEqual(checkUnicodePatientCode(trim(raw)))
      }),
      { numRuns: 5_000 }
    )
  })

  it('takes plain codes as they are, and still refuses the empty and the too long', () => {
    expect(checkPatientCode('  P-001/a_b.c  ')).toEqual({ ok: true, code: 'P-001/a_b.c' })
    expect(checkPatientCode('   ')).toEqual(checkUnicodePatientCode(''))
    expect(checkPatientCode('   ').ok).toBe(false)
    expect(checkPatientCode('A'.repeat(65)).ok).toBe(false)
    expect(checkPatientCode('A'.repeat(64))).toEqual({ ok: true, code: 'A'.repeat(64) })
  })
})
