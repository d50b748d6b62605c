// Audit exports: the three outcome tables as CSV (of the patients in the current view) and the
// printable cohort report (the browser's or the desktop's print/PDF path, with the charts). The
// screen holds each patient's summary only; the visits and events are read when their CSV is asked for.
import { useState } from 'react'
import { eventsCsv, localToday, matchesFilter, operationsCsv, visitsCsv, type AuditPatient, type CohortFilter, type CohortPatient } from '../../../../shared/outcomes'
import { outcomesRepo } from '../../db/outcomes-binding'
import { storageErrorMessage } from '../../db/storage'
import { exportPdf, saveTextFile } from '../../platform'
import type { PageSize } from '../../../../shared/ipc'

/** `paperSize`: the Settings' paper, which the report's own page size follows (outcomes.css). */
export function ExportButtons({ cohort, filter, paperSize }: { cohort: AuditPatient[]; filter: CohortFilter; paperSize: PageSize }) {
  const [message, setMessage] = useState('')
  const patients = () => cohort.filter((p) => matchesFilter(p, filter))
  async function withRecords(csv: (patients: CohortPatient[]) => string): Promise<string | null> {
    try {
      return csv(await outcomesRepo().withRecords(patients()))
    } catch (e) {
      setMessage(`Not saved: the records could not be read (${storageErrorMessage(e)}).`)
      return null
    }
  }
  async function save(name: string, text: string | null) {
    if (text === null) return
    const result = await saveTextFile(`OsseoPlan ${name} ${localToday()}.csv`, text, 'csv')
    setMessage(result.ok ? `Saved ${name}${result.path ? ` (${result.path})` : ''}.` : result.reason === 'cancelled' ? '' : `Not saved: ${'message' in result ? result.message : 'the file could not be written'}`)
  }
  return (
    <div className="oc-actions no-print" role="group" aria-label="Export">
      <button type="button" onClick={() => void save('operations', operationsCsv(patients()))}>
        Operations CSV
      </button>
      <button type="button" onClick={() => void withRecords(visitsCsv).then((text) => save('visits', text))}>
        Visits CSV
      </button>
      <button type="button" onClick={() => void withRecords(eventsCsv).then((text) => save('events', text))}>
        Events CSV
      </button>
      <button type="button" onClick={() => void exportPdf(`OsseoPlan cohort report ${localToday()}`, paperSize)}>
        Cohort report (PDF)
      </button>
      {message && <span role="status">{message}</span>}
    </div>
  )
}
