// Failures between OsseoPlan and a real Orthanc, injected by a loopback proxy: each ends in a
// plain message, returns no partial data, and is never retried behind the user's back.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { authorizationHeader, createDicomWebClient, DEFAULT_LIMITS } from '../../../../src/main/pacs/dicomweb-client'
import { startFaultProxy, type FaultProxy } from '../../../support/pacs/fault-proxy'
import { startOrthanc, type RunningOrthanc } from '../../../support/pacs/orthanc'
import { phantomRadiograph, phantomStudy, type PhantomStudy } from '../../../support/pacs/phantom'

let orthanc: RunningOrthanc
let proxy: FaultProxy
let study: PhantomStudy
const limits = { ...DEFAULT_LIMITS, idleTimeoutMs: 400 }
const client = () => createDicomWebClient(fetch, { baseUrl: `${proxy.url}/dicom-web` }, limits)
const retrieve = (options: Parameters<ReturnType<typeof client>['retrieveInstance']>[3] = {}) =>
  client().retrieveInstance(study.studyUid, study.seriesUid, study.sopInstanceUid, options)

beforeAll(async () => {
  orthanc = await startOrthanc({ users: { surgeon: 'correct horse' } })
  study = phantomStudy({ rows: 256, columns: 256 })
  await orthanc.upload(phantomRadiograph(study))
  proxy = await startFaultProxy(orthanc.url)
}, 60_000)

afterAll(async () => {
  await proxy?.close()
  await orthanc?.stop()
})

beforeEach(() => {
  proxy.fault = { kind: 'pass' }
  proxy.requests = 0
})

const withAuth = (idleTimeoutMs = limits.idleTimeoutMs) =>
  createDicomWebClient(fetch, { baseUrl: `${proxy.url}/dicom-web`, authorization: authorizationHeader({ kind: 'basic', username: 'surgeon', password: 'correct horse' })! }, { ...limits, idleTimeoutMs })

// Real server and network: generous per-test time on a loaded machine.
describe('DICOMweb failures, against Orthanc behind a fault-injecting proxy', { timeout: 30_000 }, () => {
  it('signs in with HTTP basic authentication and fetches through the proxy', async () => {
    const result = await withAuth().retrieveInstance(study.studyUid, study.seriesUid, study.sopInstanceUid)
    expect(result.ok).toBe(true)
  })

  it('wrong or missing credentials → "refused the sign-in"', async () => {
    const wrong = createDicomWebClient(fetch, { baseUrl: `${proxy.url}/dicom-web`, authorization: authorizationHeader({ kind: 'basic', username: 'surgeon', password: 'nope' })! }, limits)
    expect(await wrong.testConnection()).toMatchObject({ ok: false, kind: 'unauthorized', message: expect.stringContaining('refused the sign-in') })
    expect(await client().testConnection()).toMatchObject({ ok: false, kind: 'unauthorized' })
  })

  it('a dropped connection → "did not answer", one request only (no retry loop)', async () => {
    proxy.fault = { kind: 'drop' }
    expect(await withAuth().testConnection()).toMatchObject({ ok: false, kind: 'unreachable' })
    expect(proxy.requests).toBe(1)
  })

  it('a server that stops answering → timeout', async () => {
    proxy.fault = { kind: 'stall' }
    expect(await withAuth().testConnection()).toMatchObject({ ok: false, kind: 'timeout', message: expect.stringContaining('stopped answering') })
  })

  it('HTTP 500 → internal error; 404 → not found; 403 → not allowed', async () => {
    proxy.fault = { kind: 'status', status: 500 }
    expect(await retrieve()).toMatchObject({ ok: false, kind: 'server-error' })
    proxy.fault = { kind: 'status', status: 404 }
    expect(await retrieve()).toMatchObject({ ok: false, kind: 'not-found' })
    proxy.fault = { kind: 'status', status: 403 }
    expect(await retrieve()).toMatchObject({ ok: false, kind: 'forbidden' })
  })

  it('a response cut off mid-transfer → "cut off", no partial image', async () => {
    proxy.fault = { kind: 'truncate' }
    const result = await withAuth().retrieveInstance(study.studyUid, study.seriesUid, study.sopInstanceUid)
    expect(result).toMatchObject({ ok: false, kind: 'truncated', message: expect.stringContaining('Nothing was saved') })
    expect('bytes' in result).toBe(false)
  })

  it('an enormous response is stopped at the limit', async () => {
    proxy.fault = { kind: 'huge' }
    const small = createDicomWebClient(fetch, { baseUrl: `${proxy.url}/dicom-web` }, { ...limits, idleTimeoutMs: 5000, maxInstanceBytes: 2 * 1024 * 1024 })
    const result = await small.retrieveInstance(study.studyUid, study.seriesUid, study.sopInstanceUid)
    expect(result).toMatchObject({ ok: false, kind: 'too-large' })
  })

  it('a redirect is not followed', async () => {
    proxy.fault = { kind: 'redirect', location: 'http://127.0.0.1:1/elsewhere' }
    expect(await withAuth().testConnection()).toMatchObject({ ok: false })
    expect(proxy.requests).toBe(1)
  })

  it('Cancel stops a slow transfer and returns nothing', async () => {
    proxy.fault = { kind: 'slow', chunkBytes: 16 * 1024, delayMs: 30 }
    const controller = new AbortController()
    const seen: number[] = []
    // A long idle timeout: on a loaded machine a 400 ms stall would end the transfer as a timeout before the Cancel.
    const result = await withAuth(10_000).retrieveInstance(study.studyUid, study.seriesUid, study.sopInstanceUid, {
      signal: controller.signal,
      onProgress: (received) => {
        seen.push(received)
        if (seen.length === 2) controller.abort()
      }
    })
    expect(result).toMatchObject({ ok: false, kind: 'cancelled' })
    expect(seen.length).toBeGreaterThanOrEqual(2)
  })

  it('a slow but steady transfer completes with progress (the idle timeout resets while data flows)', async () => {
    // Each pause (300 ms) is under the idle timeout (1.5 s) with room for a loaded machine's stalls.
    proxy.fault = { kind: 'slow', chunkBytes: 32 * 1024, delayMs: 300 }
    const seen: Array<[number, number | null]> = []
    const result = await withAuth(1_500).retrieveInstance(study.studyUid, study.seriesUid, study.sopInstanceUid, { onProgress: (n, total) => seen.push([n, total]) })
    expect(result.ok).toBe(true)
    expect(seen.length).toBeGreaterThan(3)
    expect(seen.at(-1)![0]).toBe(seen.at(-1)![1])
  })
})
