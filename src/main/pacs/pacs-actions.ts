// What each image-server bridge call does in the main process. Electron pieces (the sender's
// printToPDF and send) and the network (fetch) are injected, so this is tested against a real
// Orthanc without an Electron binary.
import type { FilePlanRequest, FiledPlan, FetchInstanceRequest, InstanceRef, PacsResult, PublicServer, ServerInput, StudyQuery } from '../../shared/pacs-contract'
import { PACS_CHANNELS } from '../../shared/pacs-contract'
import { createDicomWebClient, DEFAULT_LIMITS, type ClientLimits } from './dicomweb-client'
import { failure } from './errors'
import type { FetchLike } from './http'
import { dicomClock, encapsulatedPdf, secondaryCapture, studyAttributesFrom } from './plan-documents'
import type { ServerStore } from './server-store'
import { newUid } from './uids'

/** The part of WebContents the actions use. */
export interface PacsSender {
  send(channel: string, payload: unknown): void
  printToPDF(options: { pageSize: 'A4' | 'Letter'; printBackground: boolean; preferCSSPageSize: boolean }): Promise<Uint8Array>
}

export interface PacsDeps {
  store: ServerStore
  fetch: FetchLike
  limits?: ClientLimits
  now?: () => Date
}

const NOT_CONFIGURED = { ok: false as const, kind: 'not-configured', message: 'This image server is no longer configured. Add it again in Settings → Image servers.' }
const MAX_TRANSFERS = 8

export function createPacsActions(deps: PacsDeps) {
  const transfers = new Map<string, AbortController>()
  const now = deps.now ?? (() => new Date())

  async function clientFor(serverId: string) {
    const found = await deps.store.connection(serverId)
    return found ? { label: found.label, client: createDicomWebClient(deps.fetch, found.connection, deps.limits ?? DEFAULT_LIMITS) } : null
  }

  return {
    listServers: (): Promise<PublicServer[]> => deps.store.list(),

    saveServer: async (input: ServerInput): Promise<PacsResult<{ server: PublicServer }>> => {
      const saved = await deps.store.save(input)
      return saved.ok ? saved : { ok: false, kind: 'invalid', field: saved.field, message: saved.message }
    },

    removeServer: async ({ serverId }: { serverId: string }): Promise<PacsResult<object>> =>
      (await deps.store.remove(serverId)) ? { ok: true } : NOT_CONFIGURED,

    testServer: async ({ serverId }: { serverId: string }): Promise<PacsResult<object>> => {
      const found = await clientFor(serverId)
      return found ? found.client.testConnection() : NOT_CONFIGURED
    },

    searchStudies: async ({ serverId, query }: { serverId: string; query: StudyQuery }) => {
      const found = await clientFor(serverId)
      return found ? found.client.searchStudies(query) : NOT_CONFIGURED
    },

    listSeries: async ({ serverId, studyUid }: { serverId: string; studyUid: string }) => {
      const found = await clientFor(serverId)
      return found ? found.client.searchSeries(studyUid) : NOT_CONFIGURED
    },

    listInstances: async ({ serverId, studyUid, seriesUid }: { serverId: string; studyUid: string; seriesUid: string }) => {
      const found = await clientFor(serverId)
      return found ? found.client.searchInstances(studyUid, seriesUid) : NOT_CONFIGURED
    },

    thumbnail: async (ref: InstanceRef) => {
      const found = await clientFor(ref.serverId)
      return found ? found.client.thumbnail(ref.studyUid, ref.seriesUid, ref.sopInstanceUid) : NOT_CONFIGURED
    },

    fetchInstance: async (sender: PacsSender, request: FetchInstanceRequest): Promise<PacsResult<{ bytes: Uint8Array }>> => {
      const found = await clientFor(request.serverId)
      if (!found) return NOT_CONFIGURED
      if (transfers.has(request.transferId)) return { ok: false, kind: 'invalid', message: 'This transfer is already running.' }
      if (transfers.size >= MAX_TRANSFERS) return { ok: false, kind: 'busy', message: 'Too many transfers at once; wait for one to finish.' }
      const controller = new AbortController()
      transfers.set(request.transferId, controller)
      let lastSent = 0
      try {
        return await found.client.retrieveInstance(request.studyUid, request.seriesUid, request.sopInstanceUid, {
          signal: controller.signal,
          onProgress: (received, total) => {
            // At most ~20 progress messages a second: enough for a smooth bar.
            const t = Date.now()
            if (t - lastSent < 50 && received !== total) return
            lastSent = t
            sender.send(PACS_CHANNELS.pacsProgress, { transferId: request.transferId, received, total })
          }
        })
      } finally {
        transfers.delete(request.transferId)
      }
    },

    cancel: async ({ transferId }: { transferId: string }): Promise<PacsResult<object>> => {
      transfers.get(transferId)?.abort()
      return { ok: true }
    },

    /**
     * Files the plan into the study: the summary (the sender's page printed to PDF) as an
     * Encapsulated PDF and, when given, each annotated radiograph as a Secondary Capture, in a new
     * series. Patient and study attributes are read from the PACS for this and not kept.
     */
    filePlan: async (sender: PacsSender, request: FilePlanRequest): Promise<PacsResult<{ filed: FiledPlan }>> => {
      const found = await clientFor(request.serverId)
      if (!found) return NOT_CONFIGURED
      const attributes = await found.client.studyAttributes(request.studyUid)
      if (!attributes.ok) return attributes
      const study = studyAttributesFrom(attributes.dataset, request.studyUid)
      if (typeof study === 'string') return failure('bad-response', study)
      const existing = await found.client.searchSeries(request.studyUid)
      const seriesNumber = 9000 + (existing.ok ? existing.series.length : 0)
      let pdf: Uint8Array
      try {
        pdf = await sender.printToPDF({ pageSize: request.pageSize, printBackground: true, preferCSSPageSize: true })
      } catch {
        return { ok: false, kind: 'pdf', message: 'The plan summary could not be turned into a PDF, so nothing was filed.' }
      }
      const filedAt = now()
      const clock = dicomClock(filedAt)
      const series = { seriesUid: newUid(), seriesNumber, seriesDescription: request.seriesDescription }
      const documents: { kind: FiledPlan['instances'][number]['kind']; sopInstanceUid: string; bytes: Uint8Array }[] = [
        { kind: 'summary-pdf', ...encapsulatedPdf({ study, series, pdf, documentTitle: request.documentTitle, clock }) }
      ]
      for (const [i, c] of (request.captures ?? []).entries()) {
        const capture = secondaryCapture({
          study,
          series,
          rgb: c.rgb,
          rows: c.rows,
          columns: c.columns,
          clock,
          imageComments: c.comments,
          instanceNumber: i + 2,
          ...(c.pixelSpacingMm ? { pixelSpacingMm: c.pixelSpacingMm } : {}),
          ...(c.calibration ? { calibration: c.calibration } : {})
        })
        documents.push({ kind: 'annotated-radiograph', ...capture })
      }
      const stored = await found.client.store(request.studyUid, documents.map((d) => d.bytes))
      if (!stored.ok) return stored
      return {
        ok: true,
        filed: {
          serverId: request.serverId,
          serverLabel: found.label,
          studyUid: request.studyUid,
          seriesUid: series.seriesUid,
          seriesNumber,
          seriesDescription: request.seriesDescription,
          filedAt: filedAt.toISOString(),
          instances: documents.map((d) => ({ sopInstanceUid: d.sopInstanceUid, kind: d.kind }))
        }
      }
    }
  }
}

export type PacsActions = ReturnType<typeof createPacsActions>
