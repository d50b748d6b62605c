// The bridge contract for the hospital's image servers (DICOMweb): what the renderer may ask the
// main process, and the validators main runs on every payload. The renderer never holds a URL to
// fetch, a credential or a patient name: it names a configured server by id and a study by UIDs.

export type PacsAuthKind = 'none' | 'basic' | 'bearer'

/** A configured server as the renderer sees it: never the password or token. */
export interface PublicServer {
  id: string
  label: string
  baseUrl: string
  /** True for a server on this computer (plain http allowed); the UI says so. */
  loopback: boolean
  auth: PacsAuthKind
  username: string
  hasSecret: boolean
}

export interface ServerInput {
  /** Absent for a new server. */
  id?: string
  label: string
  baseUrl: string
  auth: PacsAuthKind
  username?: string
  /** Password or token; absent when editing means "keep the stored one". */
  secret?: string
}

export interface StudyQuery {
  patientId?: string
  accessionNumber?: string
  from?: string
  to?: string
  modalities?: PacsModality[]
}

export const PACS_MODALITIES = ['DX', 'CR', 'CT'] as const
export type PacsModality = (typeof PACS_MODALITIES)[number]

export interface StudySummary {
  studyUid: string
  patientId: string
  accessionNumber: string
  studyDate: string
  description: string
  modalities: string[]
  seriesCount: number | null
  instanceCount: number | null
}

export interface SeriesSummary {
  seriesUid: string
  modality: string
  number: number | null
  description: string
  instanceCount: number | null
}

export interface InstanceSummary {
  sopInstanceUid: string
  sopClassUid: string
  number: number | null
  rows: number | null
  columns: number | null
  frames: number | null
}

export interface PacsFailureResult {
  ok: false
  kind: string
  message: string
  /** For a settings form: which field the message is about. */
  field?: 'label' | 'baseUrl' | 'username' | 'secret' | 'auth'
}
export type PacsResult<T> = ({ ok: true } & T) | PacsFailureResult

export interface InstanceRef {
  serverId: string
  studyUid: string
  seriesUid: string
  sopInstanceUid: string
}

export interface FetchInstanceRequest extends InstanceRef {
  /** Chosen by the renderer, to match progress events and to cancel. */
  transferId: string
}

export interface TransferProgress {
  transferId: string
  received: number
  total: number | null
}

export interface FilePlanRequest {
  serverId: string
  studyUid: string
  /** Shown in the PACS series list, e.g. "OsseoPlan plan TF-01 revision 3". */
  seriesDescription: string
  documentTitle: string
  pageSize: 'A4' | 'Letter'
  /** The annotated radiographs, 8-bit RGB, when the plan has any (one Secondary Capture each). */
  captures?: FilePlanCapture[]
}

export interface FilePlanCapture {
  rows: number
  columns: number
  rgb: Uint8Array
  /** What the image shows, with its calibration named. */
  comments: string
  /** True-size mm per pixel [row, column] (Pixel Spacing), when the image is calibrated. */
  pixelSpacingMm?: [number, number]
  /** How that spacing was found, e.g. "marker 25 mm (magnification 1.15)". */
  calibration?: string
}

export interface FiledPlan {
  serverId: string
  serverLabel: string
  studyUid: string
  seriesUid: string
  seriesNumber: number
  seriesDescription: string
  filedAt: string
  instances: { sopInstanceUid: string; kind: 'summary-pdf' | 'annotated-radiograph' }[]
}

export const PACS_LIMITS = {
  label: 80,
  url: 2048,
  username: 256,
  secret: 4096,
  queryText: 64,
  description: 64,
  captureSide: 10_000,
  captures: 8
} as const

type Validated<T> = { ok: true; value: T } | { ok: false; error: string }

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const proto = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

function onlyKeys(value: Record<string, unknown>, allowed: readonly string[]): string | null {
  const extra = Object.keys(value).find((key) => !allowed.includes(key))
  return extra === undefined ? null : `unexpected field "${extra.slice(0, 40)}"`
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/

function text(value: unknown, max: number, name: string, optional = false): Validated<string | undefined> {
  if (value === undefined && optional) return { ok: true, value: undefined }
  if (typeof value !== 'string') return { ok: false, error: `${name} must be text` }
  if (value.length > max) return { ok: false, error: `${name} is too long` }
  if (CONTROL.test(value)) return { ok: false, error: `${name} contains control characters` }
  return { ok: true, value }
}

const UID = /^(0|[1-9]\d*)(\.(0|[1-9]\d*))+$/
function uid(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 64 && UID.test(value)
}
const ID = /^[a-z0-9-]{1,64}$/
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

function check<T>(value: unknown, allowed: readonly string[], build: (v: Record<string, unknown>) => Validated<T>): Validated<T> {
  if (!isPlainObject(value)) return { ok: false, error: 'request must be an object' }
  const extra = onlyKeys(value, allowed)
  if (extra) return { ok: false, error: extra }
  return build(value)
}

function serverId(v: Record<string, unknown>): Validated<string> {
  return typeof v['serverId'] === 'string' && ID.test(v['serverId']) ? { ok: true, value: v['serverId'] } : { ok: false, error: 'serverId is not a server id' }
}

export const validatePacsRequest = {
  none(payload: unknown): Validated<void> {
    return payload === undefined ? { ok: true, value: undefined } : { ok: false, error: 'takes no payload' }
  },
  saveServer(payload: unknown): Validated<ServerInput> {
    return check(payload, ['id', 'label', 'baseUrl', 'auth', 'username', 'secret'], (v) => {
      if (v['id'] !== undefined && !(typeof v['id'] === 'string' && ID.test(v['id']))) return { ok: false, error: 'id is not a server id' }
      const label = text(v['label'], PACS_LIMITS.label, 'label')
      const baseUrl = text(v['baseUrl'], PACS_LIMITS.url, 'baseUrl')
      const username = text(v['username'], PACS_LIMITS.username, 'username', true)
      const secret = typeof v['secret'] === 'string' && v['secret'].length <= PACS_LIMITS.secret ? v['secret'] : v['secret'] === undefined ? undefined : null
      const auth = v['auth']
      if (!label.ok) return label
      if (!baseUrl.ok) return baseUrl
      if (!username.ok) return username
      if (secret === null) return { ok: false, error: 'secret must be text' }
      if (auth !== 'none' && auth !== 'basic' && auth !== 'bearer') return { ok: false, error: 'auth must be none, basic or bearer' }
      return {
        ok: true,
        value: {
          ...(typeof v['id'] === 'string' ? { id: v['id'] } : {}),
          label: label.value!,
          baseUrl: baseUrl.value!,
          auth,
          ...(username.value !== undefined ? { username: username.value } : {}),
          ...(secret !== undefined ? { secret } : {})
        }
      }
    })
  },
  serverOnly(payload: unknown): Validated<{ serverId: string }> {
    return check(payload, ['serverId'], (v) => {
      const id = serverId(v)
      return id.ok ? { ok: true, value: { serverId: id.value } } : id
    })
  },
  searchStudies(payload: unknown): Validated<{ serverId: string; query: StudyQuery }> {
    return check(payload, ['serverId', 'query'], (v) => {
      const id = serverId(v)
      if (!id.ok) return id
      const q = v['query']
      if (!isPlainObject(q)) return { ok: false, error: 'query must be an object' }
      const extra = onlyKeys(q, ['patientId', 'accessionNumber', 'from', 'to', 'modalities'])
      if (extra) return { ok: false, error: extra }
      const query: StudyQuery = {}
      for (const key of ['patientId', 'accessionNumber'] as const) {
        const t = text(q[key], PACS_LIMITS.queryText, key, true)
        if (!t.ok) return t
        // QIDO wildcards and list separators would widen a search past the patient asked for.
        if (t.value !== undefined && /[*?\\,]/.test(t.value)) return { ok: false, error: `${key} must not contain * ? \\ or ,` }
        if (t.value) query[key] = t.value.trim()
      }
      for (const key of ['from', 'to'] as const) {
        const d = q[key]
        if (d === undefined || d === '') continue
        if (typeof d !== 'string' || !ISO_DATE.test(d) || Number.isNaN(Date.parse(d))) return { ok: false, error: `${key} must be a date YYYY-MM-DD` }
        query[key] = d
      }
      if (query.from && query.to && query.from > query.to) return { ok: false, error: 'from must not be after to' }
      const modalities = q['modalities']
      if (modalities !== undefined) {
        if (!Array.isArray(modalities) || !modalities.every((m) => (PACS_MODALITIES as readonly unknown[]).includes(m))) return { ok: false, error: 'modalities must be DX, CR or CT' }
        if (modalities.length) query.modalities = [...new Set(modalities as PacsModality[])]
      }
      if (!query.patientId && !query.accessionNumber) return { ok: false, error: 'a search needs a patient ID or an accession number' }
      return { ok: true, value: { serverId: id.value, query } }
    })
  },
  study(payload: unknown): Validated<{ serverId: string; studyUid: string }> {
    return check(payload, ['serverId', 'studyUid'], (v) => {
      const id = serverId(v)
      if (!id.ok) return id
      return uid(v['studyUid']) ? { ok: true, value: { serverId: id.value, studyUid: v['studyUid'] } } : { ok: false, error: 'studyUid is not a UID' }
    })
  },
  series(payload: unknown): Validated<{ serverId: string; studyUid: string; seriesUid: string }> {
    return check(payload, ['serverId', 'studyUid', 'seriesUid'], (v) => {
      const id = serverId(v)
      if (!id.ok) return id
      if (!uid(v['studyUid']) || !uid(v['seriesUid'])) return { ok: false, error: 'studyUid and seriesUid must be UIDs' }
      return { ok: true, value: { serverId: id.value, studyUid: v['studyUid'], seriesUid: v['seriesUid'] } }
    })
  },
  instance(payload: unknown): Validated<InstanceRef> {
    return check(payload, ['serverId', 'studyUid', 'seriesUid', 'sopInstanceUid'], (v) => {
      const id = serverId(v)
      if (!id.ok) return id
      if (![v['studyUid'], v['seriesUid'], v['sopInstanceUid']].every(uid)) return { ok: false, error: 'UIDs must be UIDs' }
      return { ok: true, value: { serverId: id.value, studyUid: v['studyUid'] as string, seriesUid: v['seriesUid'] as string, sopInstanceUid: v['sopInstanceUid'] as string } }
    })
  },
  fetchInstance(payload: unknown): Validated<FetchInstanceRequest> {
    if (!isPlainObject(payload)) return { ok: false, error: 'request must be an object' }
    const { transferId, ...rest } = payload
    if (typeof transferId !== 'string' || !ID.test(transferId)) return { ok: false, error: 'transferId is not an id' }
    const ref = validatePacsRequest.instance(rest)
    return ref.ok ? { ok: true, value: { ...ref.value, transferId } } : ref
  },
  cancel(payload: unknown): Validated<{ transferId: string }> {
    return check(payload, ['transferId'], (v) =>
      typeof v['transferId'] === 'string' && ID.test(v['transferId']) ? { ok: true, value: { transferId: v['transferId'] } } : { ok: false, error: 'transferId is not an id' }
    )
  },
  filePlan(payload: unknown): Validated<FilePlanRequest> {
    return check(payload, ['serverId', 'studyUid', 'seriesDescription', 'documentTitle', 'pageSize', 'captures'], (v) => {
      const id = serverId(v)
      if (!id.ok) return id
      if (!uid(v['studyUid'])) return { ok: false, error: 'studyUid is not a UID' }
      const description = text(v['seriesDescription'], PACS_LIMITS.description, 'seriesDescription')
      if (!description.ok) return description
      const title = text(v['documentTitle'], PACS_LIMITS.description, 'documentTitle')
      if (!title.ok) return title
      if (v['pageSize'] !== 'A4' && v['pageSize'] !== 'Letter') return { ok: false, error: 'pageSize must be A4 or Letter' }
      let captures: FilePlanCapture[] | undefined
      if (v['captures'] !== undefined) {
        const list = v['captures']
        if (!Array.isArray(list) || list.length < 1 || list.length > PACS_LIMITS.captures) return { ok: false, error: `captures must be a list of 1 to ${PACS_LIMITS.captures} images` }
        captures = []
        for (const c of list) {
          const one = validateCapture(c)
          if (!one.ok) return one
          captures.push(one.value)
        }
      }
      return {
        ok: true,
        value: {
          serverId: id.value,
          studyUid: v['studyUid'] as string,
          seriesDescription: description.value!,
          documentTitle: title.value!,
          pageSize: v['pageSize'],
          ...(captures ? { captures } : {})
        }
      }
    })
  }
} as const

function validateCapture(c: unknown): Validated<FilePlanCapture> {
  if (!isPlainObject(c) || onlyKeys(c, ['rows', 'columns', 'rgb', 'comments', 'pixelSpacingMm', 'calibration'])) return { ok: false, error: 'a capture must be {rows, columns, rgb, comments, pixelSpacingMm?, calibration?}' }
  const { rows, columns, rgb } = c
  const comments = text(c['comments'], 1024, 'comments')
  if (!comments.ok) return comments
  const calibration = text(c['calibration'], PACS_LIMITS.description, 'calibration', true)
  if (!calibration.ok) return calibration
  const side = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 1 && (n as number) <= PACS_LIMITS.captureSide
  if (!side(rows) || !side(columns)) return { ok: false, error: 'capture size out of range' }
  if (!(rgb instanceof Uint8Array) || rgb.length !== rows * columns * 3) return { ok: false, error: 'capture pixels do not match its size' }
  const spacing = c['pixelSpacingMm']
  const mm = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n) && n > 0 && n < 100
  if (spacing !== undefined && !(Array.isArray(spacing) && spacing.length === 2 && spacing.every(mm))) return { ok: false, error: 'pixelSpacingMm must be two lengths in mm' }
  return {
    ok: true,
    value: {
      rows,
      columns,
      rgb,
      comments: comments.value!,
      ...(spacing !== undefined ? { pixelSpacingMm: [spacing[0], spacing[1]] as [number, number] } : {}),
      ...(calibration.value !== undefined ? { calibration: calibration.value } : {})
    }
  }
}

/** The bridge functions for image servers, part of `window.osseoplan`. */
export interface PacsApi {
  pacsListServers(): Promise<PublicServer[]>
  pacsSaveServer(input: ServerInput): Promise<PacsResult<{ server: PublicServer }>>
  pacsRemoveServer(request: { serverId: string }): Promise<PacsResult<object>>
  pacsTestServer(request: { serverId: string }): Promise<PacsResult<object>>
  pacsSearchStudies(request: { serverId: string; query: StudyQuery }): Promise<PacsResult<{ studies: StudySummary[] }>>
  pacsListSeries(request: { serverId: string; studyUid: string }): Promise<PacsResult<{ series: SeriesSummary[] }>>
  pacsListInstances(request: { serverId: string; studyUid: string; seriesUid: string }): Promise<PacsResult<{ instances: InstanceSummary[] }>>
  pacsThumbnail(request: InstanceRef): Promise<PacsResult<{ jpeg: Uint8Array | null }>>
  pacsFetchInstance(request: FetchInstanceRequest): Promise<PacsResult<{ bytes: Uint8Array }>>
  pacsCancel(request: { transferId: string }): Promise<PacsResult<object>>
  pacsFilePlan(request: FilePlanRequest): Promise<PacsResult<{ filed: FiledPlan }>>
  onPacsProgress(listener: (progress: TransferProgress) => void): () => void
}

export const PACS_CHANNELS = {
  pacsListServers: 'osseoplan:pacs-list-servers',
  pacsSaveServer: 'osseoplan:pacs-save-server',
  pacsRemoveServer: 'osseoplan:pacs-remove-server',
  pacsTestServer: 'osseoplan:pacs-test-server',
  pacsSearchStudies: 'osseoplan:pacs-search-studies',
  pacsListSeries: 'osseoplan:pacs-list-series',
  pacsListInstances: 'osseoplan:pacs-list-instances',
  pacsThumbnail: 'osseoplan:pacs-thumbnail',
  pacsFetchInstance: 'osseoplan:pacs-fetch-instance',
  pacsCancel: 'osseoplan:pacs-cancel',
  pacsFilePlan: 'osseoplan:pacs-file-plan',
  pacsProgress: 'osseoplan:pacs-progress'
} as const

export function isTransferProgress(value: unknown): value is TransferProgress {
  return (
    isPlainObject(value) &&
    typeof value['transferId'] === 'string' &&
    typeof value['received'] === 'number' &&
    (value['total'] === null || typeof value['total'] === 'number')
  )
}
