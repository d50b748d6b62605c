// Placeholder editor of the shell: patient code only. The full editor (issue #4) replaces it.
import { useEffect, useState } from 'react'
import { plansRepo } from '../../db'
import type { PlanRow } from '../../db/types'

export function EditorPage({ planId }: { planId: string }) {
  const [plan, setPlan] = useState<PlanRow | null | undefined>(undefined)

  useEffect(() => {
    void plansRepo()
      .get(planId)
      .then((row) => setPlan(row ?? null))
  }, [planId])

  if (plan === undefined) return <p className="page">Loading…</p>
  if (plan === null) return <p className="page error" role="alert">This plan does not exist (it may have been deleted).</p>

  const patient = (plan.caseFile['patient'] ?? {}) as Record<string, unknown>
  async function setCode(code: string) {
    if (!plan) return
    const caseFile = { ...plan.caseFile, patient: { ...patient, code } }
    setPlan(await plansRepo().updateCase(plan.id, caseFile))
  }

  return (
    <section className="page" aria-labelledby="editor-title">
      <h1 id="editor-title">Plan editor</h1>
      <label className="field">
        <span>Patient code</span>
        <input value={typeof patient['code'] === 'string' ? patient['code'] : ''} onChange={(e) => void setCode(e.target.value)} />
      </label>
    </section>
  )
}
