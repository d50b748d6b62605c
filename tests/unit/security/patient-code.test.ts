// Look-alike patient codes (issue #18 item 2): a defined character set, nothing hidden, one
// script, NFC; and a warning when a new code is confusable with an existing one (UTS #39 skeleton).
import { describe, expect, it } from 'vitest'
import { parseCase } from '../../../src/shared/case/parse'
import { checkPatientCode, hiddenCharacter } from '../../../src/shared/patient-code'
import { codeSkeletons, confusableCodes } from '../../../src/shared/patient-code-confusable'
import { exampleCase } from './corpus'

function withCode(code: string) {
  const doc = exampleCase() as Record<string, Record<string, unknown>>
  doc['patient']!['code'] = code
  return parseCase(doc)
}

describe('patient code character set', () => {
  it('accepts plain codes in any one script, and normalises to NFC', () => {
    for (const code of ['EX-TF-01', 'P 001/2026.a_b', 'Müller-3', 'ЕХ-ТЕ-01', 'Ωμέγα-7', '山田-たろう-1', 'קוד-12']) expect(checkPatientCode(code), code).toEqual({ ok: true, code: code.normalize('NFC') })
    expect(checkPatientCode('  Mu\u0308ller-3\n')).toEqual({ ok: true, code: 'Müller-3' })
    const parsed = withCode('Mu\u0308ller-3')
    expect(parsed.ok && parsed.value.patient.code).toBe('Müller-3')
  })
  it('refuses bidi, invisible and control characters anywhere, naming the character', () => {
    const hidden = ['\u202e', '\u202d', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u180e', '\u0085', '\u2028', '\u2029', '\u00a0', '\u3000', '\u001b', '\u0000', '\ud800', '\udfff']
    for (const char of hidden) {
      for (const code of [`EX${char}-TF-01`, `${char}EX-TF-01`, `EX-TF-01${char}`]) {
        const checked = checkPatientCode(code)
        expect(checked.ok, JSON.stringify(code)).toBe(false)
        if (!checked.ok) expect(checked.problem).toMatch(/invisible or direction-changing character \(U\+[0-9A-F]{4}\)/)
      }
    }
    const parsed = withCode('EX-TF-\u202e10')
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.errors).toContainEqual(expect.objectContaining({ path: 'patient.code', message: expect.stringMatching(/U\+202E/) }))
  })
  it('refuses mixed alphabets, mixed digit systems, compatibility forms and symbols', () => {
    expect(checkPatientCode('\u0415\u0425-\u0422F-01')).toMatchObject({ ok: false, problem: expect.stringMatching(/different alphabets \(Cyrillic, Latin\)/) })
    expect(checkPatientCode('EX-\u03a4F-01')).toMatchObject({ ok: false, problem: expect.stringMatching(/alphabets/) })
    expect(checkPatientCode('EX-TF-0\u0661')).toMatchObject({ ok: false, problem: expect.stringMatching(/numbering systems/) })
    expect(checkPatientCode('\uff25\uff38-01')).toMatchObject({ ok: false, problem: expect.stringMatching(/compatibility form/) })
    expect(checkPatientCode('EX\ufb01-01')).toMatchObject({ ok: false })
    for (const code of ['<b>', 'EX+TF', 'EX:TF', 'EX–TF', 'EX\u20dd']) expect(checkPatientCode(code).ok, code).toBe(false)
    expect(checkPatientCode('P'.repeat(65))).toMatchObject({ ok: false, problem: expect.stringMatching(/too long/) })
  })
  it('finds hidden characters in names (catalogue, surgeon)', () => {
    expect(hiddenCharacter('OPRA femur fixture')).toBeNull()
    expect(hiddenCharacter('OPRA \u202efixture')).toBe('U+202E')
    expect(hiddenCharacter('Dr A\u200b')).toBe('U+200B')
  })
})

describe('confusable codes (UTS #39 skeleton)', () => {
  const library = ['EX-TF-01', 'EX-TT-02', 'P-001']
  it('warns for look-alikes of an existing code', () => {
    expect(confusableCodes('\u0415\u0425-\u0422F-01', library)).toEqual(['EX-TF-01']) // Cyrillic Е Х Т (refused anyway: mixed)
    expect(confusableCodes('\u0415\u0425-\u0422\u0422-02', library)).toEqual(['EX-TT-02']) // all Cyrillic: a valid code, but a look-alike
    expect(confusableCodes('EX-TF-O1', library)).toEqual(['EX-TF-01']) // letter O for zero
    expect(confusableCodes('EX-TF-0l', library)).toEqual(['EX-TF-01']) // l for 1
    expect(confusableCodes('P-OOI', library)).toEqual(['P-001'])
  })
  it('does not warn for the same code or a genuinely different one', () => {
    expect(confusableCodes('EX-TF-01', library)).toEqual([])
    expect(confusableCodes('ex-tf-01', library)).toEqual([])
    expect(confusableCodes('EX-TF-02', library)).toEqual([])
    expect(confusableCodes('EX-TT-03', library)).toEqual([])
  })
  it('computes the skeleton on NFD forms', () => {
    expect(codeSkeletons('Mu\u0308ller')).toEqual(codeSkeletons('Müller'))
  })
})
