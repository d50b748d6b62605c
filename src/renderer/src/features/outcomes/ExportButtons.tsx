// Audit exports: the three outcome tables as CSV (of the patients in the current view) and the
// printable cohort report (the browser's or the desktop's print/PDF path, with the charts).
import { useState } from 'react'
import { eventsCsv, localToday, matchesFilter, operationsCsv, visitsCsv, type CohortAudit, type CohortFilter, type CohortPatient } from '../../../../shared/outcomes'
import { exportPdf, saveTextFile } from '../../platform'

export function ExportButtons({ cohort, filter }: { cohort: CohortPatient[]; filter: CohortFilter; audit: CohortAudit }) {
  const [message, setMessage] = useState('')
  const patients = () => cohort.filter((p) => matchesFilter(p, filter))
  async function save(name: string, text: string) {
    const result = await saveTextFile(`OsseoPlan ${name} ${localToday()}.csv`, text, 'csv')
    setMessage(result.ok ? `Saved ${name}${result.path ? ` (${result.path})` : ''}.` : result.reason === 'cancelled' ? '' : `Not saved: ${'message' in result ? result.message : 'the file could not be written'}`)
  }
  return (
    <div className="oc-actions no-print" role="group" aria-label="Export">
      <button type="button" onClick={() => void save('operations', operationsCsv(patients()))}>
        Operations CSV
      </button>
      <button type="button" onClick={() => void save('visits', visitsCsv(patients()))}>
        Visits CSV
      </button>
      <button type="button" onClick={() => void save('events', eventsCsv(patients()))}>
        Events CSV
      </button>
      <button type="button" onClick={() => void exportPdf(`OsseoPlan cohort report ${localToday()}`, 'A4')}>
        Cohort report (PDF)
      </button>
      {message && <span role="status">{message}</span>}
    </div>
  )
}
