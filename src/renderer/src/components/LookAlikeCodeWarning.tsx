// Warns when the patient code being typed looks like another plan's code (Cyrillic "Е" for "E",
// "O" for "0", "l" for "1"): a wrong-patient hazard the character set alone cannot catch.
import { useEffect, useMemo, useState } from 'react'
import { confusableCodes } from '../../../shared/patient-code-confusable'
import { plansRepo } from '../db'

export function LookAlikeCodeWarning({ code, planId }: { code: unknown; planId: string | undefined }) {
  const [others, setOthers] = useState<string[]>([])
  useEffect(() => {
    let live = true
    void plansRepo()
      .listSummaries()
      .then((rows) => live && setOthers(rows.filter((r) => r.id !== planId && r.patientCode !== '').map((r) => r.patientCode)))
      .catch(() => undefined) // the library's own screens report storage problems
    return () => {
      live = false
    }
  }, [planId])
  const similar = useMemo(() => (typeof code === 'string' && code.trim() !== '' ? confusableCodes(code, others) : []), [code, others])
  if (similar.length === 0) return null
  return (
    <p className="ed-msg ed-msg-error look-alike-code" role="status">
      This patient code looks like {similar.map((c) => `“${c}”`).join(', ')} already in the library. Check it is the right patient, or use a code that cannot be mistaken.
    </p>
  )
}
