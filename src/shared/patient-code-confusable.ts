// Look-alike patient codes (UTS #39 confusable detection). The mapping is Unicode's
// confusables.txt through the `unhomoglyph` package; the skeleton is NFD → map → NFD as UTS #39
// defines it. Kept apart from patient-code.ts so the table loads only where codes are compared.
import unhomoglyph from 'unhomoglyph'

/** UTS #39 skeleton, compared case-insensitively as the library search is ("ex-tf-01" = "EX-TF-01"). */
export function codeSkeletons(code: string): string[] {
  const skeleton = (s: string) => unhomoglyph(s.normalize('NFD')).normalize('NFD')
  const nfc = code.trim().normalize('NFC')
  return [...new Set([skeleton(nfc), skeleton(nfc.toLowerCase()), skeleton(nfc.toUpperCase())])]
}

/** Existing codes that look like this one but are not the same code (case aside). */
export function confusableCodes(code: string, existing: readonly string[]): string[] {
  const mine = new Set(codeSkeletons(code))
  const same = code.trim().normalize('NFC').toLowerCase()
  const found = new Set<string>()
  for (const other of existing) {
    if (other.trim().normalize('NFC').toLowerCase() === same || found.has(other)) continue
    if (codeSkeletons(other).some((s) => mine.has(s))) found.add(other)
  }
  return [...found]
}
