// Image-server benchmarks against a real local Orthanc (started here, stopped after): fetch of one
// ≈ 18 MB radiograph, end to end to the image shown in Chromium and the desktop path in measured
// parts, the main process's fetch in Node among them (tests/perf/pacs-bench.ts, one run,
// interleaved), and a study search with 1,000 studies on the server. Each is reported with its
// floor from the same run (plain GETs of the same bytes; Orthanc's /system round trip), because
// absolute times on this machine move 2–6×.
import { createDicomWebClient } from '../../src/main/pacs/dicomweb-client'
import { startOrthanc } from '../../tests/support/pacs/orthanc'
import { phantomRadiograph, phantomStudy } from '../../tests/support/pacs/phantom'
import { runChildBench } from './child-bench'
import type { BenchRow } from './core'

async function time<T>(run: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now()
  const value = await run()
  return [performance.now() - start, value]
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

export async function benchPacs(): Promise<BenchRow[]> {
  const browserRows = runChildBench('tests/perf/pacs-bench.ts', 'PACS browser')
  const orthanc = await startOrthanc()
  try {
    const client = createDicomWebClient(fetch, { baseUrl: orthanc.dicomWebUrl })
    for (let i = 0; i < 1000; i++) await orthanc.upload(phantomRadiograph(phantomStudy({ rows: 8, columns: 8, patientId: `BENCH-${i % 200}`, studyDate: `2026${String((i % 12) + 1).padStart(2, '0')}15` })))
    const searchTimes: number[] = []
    const wideTimes: number[] = []
    const pingTimes: number[] = []
    for (let i = 0; i < 5; i++) {
      pingTimes.push((await time(() => orthanc.rest('/system').then((r) => r.arrayBuffer())))[0])
      searchTimes.push((await time(() => client.searchStudies({ patientId: `BENCH-${i * 7}` })))[0])
      wideTimes.push((await time(() => client.searchStudies({ patientId: 'BENCH-1', from: '2026-01-01', to: '2026-12-31' })))[0])
    }
    const ratio = (a: number, b: number) => Math.round((a / b) * 10) / 10
    return [
      ...browserRows,
      { name: 'PACS: study search by patient ID, 1,000 studies on the server', value: Math.round(median(searchTimes)), unit: 'ms', budget: '< 1000 ms to first results', note: `${ratio(median(searchTimes), median(pingTimes))}× Orthanc's /system round trip (${median(pingTimes).toFixed(1)} ms)` },
      { name: 'PACS: study search by patient ID and date range', value: Math.round(median(wideTimes)), unit: 'ms', budget: '< 1000 ms', note: 'median of 5' }
    ]
  } finally {
    await orthanc.stop()
  }
}
