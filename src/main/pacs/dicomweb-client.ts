// The DICOMweb client (QIDO-RS search, WADO-RS retrieve, STOW-RS store) for one configured
// server. It runs only in the main process, only for a server the user configured, and only
// when the renderer asks through a validated bridge call. It returns data, never patient names:
// studies are identified to the surgeon by patient ID, accession number, date and description.
import { asDatasetArray, jsonNumber, jsonText, jsonTexts, type DicomJsonDataset } from './dicom-json'
import { failure, type PacsFailure } from './errors'
import { exchange, type FetchLike } from './http'
import { boundaryOf, buildMultipart, parseMultipart } from './multipart'
import { isUid } from './uids'
import type { InstanceSummary, SeriesSummary, StudyQuery, StudySummary } from '../../shared/pacs-contract'

export interface ServerConnection {
  baseUrl: string
  /** The Authorization header value, when the server needs one. */
  authorization?: string
}

export interface ClientLimits {
  idleTimeoutMs: number
  maxSearchBytes: number
  maxInstanceBytes: number
  maxResults: number
}

export const DEFAULT_LIMITS: ClientLimits = {
  idleTimeoutMs: 20_000,
  maxSearchBytes: 16 * 1024 * 1024,
  // The radiograph import limit (a 10,000 × 10,000 16-bit image is 200 MB) plus headers.
  maxInstanceBytes: 210 * 1024 * 1024,
  maxResults: 200
}

type Result<T> = ({ ok: true } & T) | PacsFailure

const DICOM_JSON = 'application/dicom+json'

function dicomDate(iso: string): string {
  return iso.replace(/-/g, '')
}

function isoDate(dicom: string): string {
  return /^\d{8}$/.test(dicom) ? `${dicom.slice(0, 4)}-${dicom.slice(4, 6)}-${dicom.slice(6, 8)}` : dicom
}

function parseJson(bytes: Uint8Array): unknown {
  if (bytes.length === 0) return []
  try {
    return JSON.parse(new TextDecoder().decode(bytes))
  } catch {
    return undefined
  }
}

export function createDicomWebClient(fetchImpl: FetchLike, server: ServerConnection, limits: ClientLimits = DEFAULT_LIMITS) {
  const headers = (accept: string, extra: Record<string, string> = {}) => ({
    accept,
    ...(server.authorization ? { authorization: server.authorization } : {}),
    ...extra
  })

  async function searchJson(path: string, params: URLSearchParams, signal?: AbortSignal): Promise<Result<{ datasets: DicomJsonDataset[] }>> {
    const query = params.toString()
    const response = await exchange(fetchImpl, `${server.baseUrl}/${path}${query ? `?${query}` : ''}`, {
      headers: headers(DICOM_JSON),
      maxBytes: limits.maxSearchBytes,
      idleTimeoutMs: limits.idleTimeoutMs,
      okStatuses: [200, 204],
      ...(signal ? { signal } : {})
    })
    if (!response.ok) return response
    const datasets = asDatasetArray(parseJson(response.bytes))
    if (!datasets) return failure('bad-response', 'search results are not DICOM JSON')
    return { ok: true, datasets: datasets.slice(0, limits.maxResults) }
  }

  return {
    /** Any answer to a one-study search proves the address, the service and the sign-in. */
    async testConnection(signal?: AbortSignal): Promise<Result<object>> {
      const result = await searchJson('studies', new URLSearchParams({ limit: '1' }), signal)
      return result.ok ? { ok: true } : result
    },

    async searchStudies(query: StudyQuery, signal?: AbortSignal): Promise<Result<{ studies: StudySummary[] }>> {
      const params = new URLSearchParams()
      if (query.patientId) params.set('PatientID', query.patientId)
      if (query.accessionNumber) params.set('AccessionNumber', query.accessionNumber)
      if (query.from || query.to) params.set('StudyDate', `${query.from ? dicomDate(query.from) : ''}-${query.to ? dicomDate(query.to) : ''}`)
      if (query.modalities?.length) params.set('ModalitiesInStudy', query.modalities.join(','))
      for (const field of ['00081030', '00080061', '00201206', '00201208']) params.append('includefield', field)
      params.set('limit', String(limits.maxResults))
      const result = await searchJson('studies', params, signal)
      if (!result.ok) return result
      const studies = result.datasets
        .map((d) => ({
          studyUid: jsonText(d, '0020000D'),
          patientId: jsonText(d, '00100020'),
          accessionNumber: jsonText(d, '00080050'),
          studyDate: isoDate(jsonText(d, '00080020')),
          description: jsonText(d, '00081030'),
          modalities: jsonTexts(d, '00080061').filter(Boolean),
          seriesCount: jsonNumber(d, '00201206'),
          instanceCount: jsonNumber(d, '00201208')
        }))
        .filter((s) => isUid(s.studyUid))
      return { ok: true, studies }
    },

    async searchSeries(studyUid: string, signal?: AbortSignal): Promise<Result<{ series: SeriesSummary[] }>> {
      if (!isUid(studyUid)) return failure('bad-response', 'not a study UID')
      const params = new URLSearchParams()
      for (const field of ['0008103E', '00201209']) params.append('includefield', field)
      const result = await searchJson(`studies/${studyUid}/series`, params, signal)
      if (!result.ok) return result
      const series = result.datasets
        .map((d) => ({
          seriesUid: jsonText(d, '0020000E'),
          modality: jsonText(d, '00080060'),
          number: jsonNumber(d, '00200011'),
          description: jsonText(d, '0008103E'),
          instanceCount: jsonNumber(d, '00201209')
        }))
        .filter((s) => isUid(s.seriesUid))
      return { ok: true, series }
    },

    async searchInstances(studyUid: string, seriesUid: string, signal?: AbortSignal): Promise<Result<{ instances: InstanceSummary[] }>> {
      if (!isUid(studyUid) || !isUid(seriesUid)) return failure('bad-response', 'not a study or series UID')
      const params = new URLSearchParams()
      for (const field of ['00280010', '00280011', '00280008']) params.append('includefield', field)
      const result = await searchJson(`studies/${studyUid}/series/${seriesUid}/instances`, params, signal)
      if (!result.ok) return result
      const instances = result.datasets
        .map((d) => ({
          sopInstanceUid: jsonText(d, '00080018'),
          sopClassUid: jsonText(d, '00080016'),
          number: jsonNumber(d, '00200013'),
          rows: jsonNumber(d, '00280010'),
          columns: jsonNumber(d, '00280011'),
          frames: jsonNumber(d, '00280008')
        }))
        .filter((i) => isUid(i.sopInstanceUid))
      return { ok: true, instances }
    },

    /** The patient and study attributes of one study, for filing documents into it. */
    async studyAttributes(studyUid: string, signal?: AbortSignal): Promise<Result<{ dataset: DicomJsonDataset }>> {
      if (!isUid(studyUid)) return failure('bad-response', 'not a study UID')
      const params = new URLSearchParams({ StudyInstanceUID: studyUid })
      for (const field of ['00100010', '00100020', '00100021', '00100030', '00100040', '00080090', '00200010', '00081030', '00080050']) params.append('includefield', field)
      const result = await searchJson('studies', params, signal)
      if (!result.ok) return result
      const dataset = result.datasets.find((d) => jsonText(d, '0020000D') === studyUid)
      return dataset ? { ok: true, dataset } : failure('not-found')
    },

    /** A small rendered preview of an instance, where the server offers one (JPEG), else null. */
    async thumbnail(studyUid: string, seriesUid: string, sopInstanceUid: string, signal?: AbortSignal): Promise<Result<{ jpeg: Uint8Array | null }>> {
      if (![studyUid, seriesUid, sopInstanceUid].every(isUid)) return failure('bad-response', 'not a UID')
      const response = await exchange(fetchImpl, `${server.baseUrl}/studies/${studyUid}/series/${seriesUid}/instances/${sopInstanceUid}/rendered?viewport=160,160`, {
        headers: headers('image/jpeg'),
        maxBytes: 2 * 1024 * 1024,
        idleTimeoutMs: limits.idleTimeoutMs,
        ...(signal ? { signal } : {})
      })
      if (!response.ok) return response.kind === 'not-found' || response.kind === 'bad-response' ? { ok: true, jpeg: null } : response
      const jpeg = response.bytes
      return { ok: true, jpeg: jpeg[0] === 0xff && jpeg[1] === 0xd8 ? jpeg : null }
    },

    /** One instance as a DICOM Part 10 file (WADO-RS), with progress and cancellation. */
    async retrieveInstance(
      studyUid: string,
      seriesUid: string,
      sopInstanceUid: string,
      options: { signal?: AbortSignal; onProgress?: (received: number, total: number | null) => void } = {}
    ): Promise<Result<{ bytes: Uint8Array }>> {
      if (![studyUid, seriesUid, sopInstanceUid].every(isUid)) return failure('bad-response', 'not a UID')
      const response = await exchange(fetchImpl, `${server.baseUrl}/studies/${studyUid}/series/${seriesUid}/instances/${sopInstanceUid}`, {
        headers: headers('multipart/related; type="application/dicom"; transfer-syntax=*'),
        maxBytes: limits.maxInstanceBytes,
        idleTimeoutMs: limits.idleTimeoutMs,
        ...(options.signal ? { signal: options.signal } : {}),
        ...(options.onProgress ? { onProgress: options.onProgress } : {})
      })
      if (!response.ok) return response
      const boundary = boundaryOf(response.contentType)
      if (!boundary) return failure('bad-response', 'the image did not come as multipart/related')
      const parsed = parseMultipart(response.bytes, boundary)
      if (!parsed.ok) return failure(parsed.error === 'truncated' ? 'truncated' : 'bad-response')
      const part = parsed.parts[0]
      if (parsed.parts.length !== 1 || !part) return failure('bad-response', `expected one image, got ${parsed.parts.length}`)
      if (part.body.length < 132 || new TextDecoder().decode(part.body.subarray(128, 132)) !== 'DICM') return failure('bad-response', 'the part is not a DICOM file')
      return { ok: true, bytes: part.body }
    },

    /** Store Part 10 files into a study (STOW-RS); every instance must be accepted. */
    async store(studyUid: string, files: readonly Uint8Array[], signal?: AbortSignal): Promise<Result<{ stored: string[] }>> {
      if (!isUid(studyUid)) return failure('bad-response', 'not a study UID')
      const boundary = `osseoplan-${crypto.randomUUID()}`
      const response = await exchange(fetchImpl, `${server.baseUrl}/studies/${studyUid}`, {
        method: 'POST',
        headers: headers(DICOM_JSON, { 'content-type': `multipart/related; type="application/dicom"; boundary=${boundary}` }),
        body: buildMultipart(files, 'application/dicom', boundary),
        maxBytes: limits.maxSearchBytes,
        idleTimeoutMs: limits.idleTimeoutMs,
        okStatuses: [200, 202, 409],
        ...(signal ? { signal } : {})
      })
      if (!response.ok) return response
      const body = parseJson(response.bytes)
      const dataset = (Array.isArray(body) ? body[0] : body) as DicomJsonDataset | undefined
      const sequence = (tag: string) => {
        const value = dataset?.[tag]?.Value
        return Array.isArray(value) ? (value as DicomJsonDataset[]) : []
      }
      const stored = sequence('00081199').map((item) => jsonText(item, '00081155')).filter(Boolean)
      const failed = sequence('00081198').map((item) => jsonText(item, '00081155')).filter(Boolean)
      if (response.status !== 200 || failed.length > 0) return failure('refused', failed.length ? `${failed.length} of ${files.length} not stored` : `HTTP ${response.status}`)
      return { ok: true, stored }
    }
  }
}

export type DicomWebClient = ReturnType<typeof createDicomWebClient>

export type ServerAuth = { kind: 'none' } | { kind: 'basic'; username: string; password: string } | { kind: 'bearer'; token: string }

export function authorizationHeader(auth: ServerAuth): string | undefined {
  if (auth.kind === 'basic') return `Basic ${Buffer.from(`${auth.username}:${auth.password}`, 'utf8').toString('base64')}`
  if (auth.kind === 'bearer') return `Bearer ${auth.token}`
  return undefined
}
