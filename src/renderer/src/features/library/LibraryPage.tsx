// The plan library: every stored plan, newest first; create, open and delete.
import { useCallback, useEffect, useState } from 'react'
import { plansRepo } from '../../db'
import type { PlanRow } from '../../db/types'
import { navigate } from '../../router'

function formatDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ')
}

export function LibraryPage({ onCreate }: { onCreate: () => Promise<void> }) {
  const [plans, setPlans] = useState<PlanRow[] | null>(null)
  const [error, setError] = useState('')

  const reload = useCallback(async () => {
    try {
      setPlans(await plansRepo().list())
    } catch (e) {
      setError(`The plan library could not be read: ${e instanceof Error ? e.message : String(e)}`)
    }
  }, [])

  useEffect(() => {
    void reload()
  }, [reload])

  async function remove(plan: PlanRow) {
    if (!window.confirm(`Delete the plan for ${plan.patientCode || 'an unnamed patient'}?`)) return
    await plansRepo().remove(plan.id)
    await reload()
  }

  return (
    <section className="page" aria-labelledby="library-title">
      <div className="page-head">
        <h1 id="library-title">Plans</h1>
        <button type="button" className="primary" onClick={() => void onCreate()}>
          New plan
        </button>
      </div>
      {error && <p role="alert" className="error">{error}</p>}
      {plans === null ? (
        <p>Loading…</p>
      ) : plans.length === 0 ? (
        <p className="empty">No plans yet. Create one with “New plan”.</p>
      ) : (
        <table className="plan-table">
          <thead>
            <tr>
              <th scope="col">Patient</th>
              <th scope="col">Level</th>
              <th scope="col">Side</th>
              <th scope="col">Status</th>
              <th scope="col">Updated</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {plans.map((plan) => (
              <tr key={plan.id} data-plan-id={plan.id}>
                <td>
                  <a href={`#/plans/${plan.id}`}>{plan.patientCode || 'Unnamed plan'}</a>
                </td>
                <td>{plan.level || '—'}</td>
                <td>{plan.side || '—'}</td>
                <td>{plan.status}</td>
                <td>{formatDate(plan.updatedAt)}</td>
                <td className="actions">
                  <button type="button" onClick={() => navigate({ name: 'editor', planId: plan.id })}>
                    Open
                  </button>
                  <button type="button" className="danger" onClick={() => void remove(plan)}>
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
