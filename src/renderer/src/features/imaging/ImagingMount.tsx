// The editor's door to the radiograph tools: a collapsed section whose code loads only when the
// surgeon opens it (the imaging code stays out of the initial bundle).
import { lazy, Suspense, useState } from 'react'
import type { PlanResult } from '../../../../shared/result'

const ImagingPanel = lazy(() => import('./ImagingPanel'))

export function ImagingMount({ planId, readOnly, result }: { planId: string; readOnly: boolean; result: PlanResult | null }) {
  const [open, setOpen] = useState(false)
  return (
    <details className="im-mount no-print" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary data-testid="imaging-toggle">Measure on the radiograph</summary>
      {open && (
        <Suspense fallback={<p role="status">Loading the radiograph tools…</p>}>
          <ImagingPanel planId={planId} readOnly={readOnly} result={result} />
        </Suspense>
      )}
    </details>
  )
}
