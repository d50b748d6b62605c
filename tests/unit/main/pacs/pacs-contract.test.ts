import { describe, expect, it } from 'vitest'
import { validatePacsRequest } from '../../../../src/shared/pacs-contract'

describe('image-server bridge payloads', () => {
  it('accepts a search by patient ID with dates and modalities', () => {
    expect(validatePacsRequest.searchStudies({ serverId: 'server-1', query: { patientId: ' HOSP-1 ', from: '2026-01-01', to: '2026-12-31', modalities: ['DX', 'DX', 'CR'] } })).toEqual({
      ok: true,
      value: { serverId: 'server-1', query: { patientId: 'HOSP-1', from: '2026-01-01', to: '2026-12-31', modalities: ['DX', 'CR'] } }
    })
  })
  it('refuses searches that would widen past the patient, and malformed requests', () => {
    const bad: unknown[] = [
      { serverId: 'server-1', query: {} },
      { serverId: 'server-1', query: { patientId: '*' } },
      { serverId: 'server-1', query: { patientId: 'A,B' } },
      { serverId: 'server-1', query: { patientId: 'A', from: '2026-13-01' } },
      { serverId: 'server-1', query: { patientId: 'A', from: '2026-02-01', to: '2026-01-01' } },
      { serverId: 'server-1', query: { patientId: 'A', modalities: ['MR'] } },
      { serverId: 'server-1', query: { patientId: 'A', url: 'http://evil' } },
      { serverId: '../x', query: { patientId: 'A' } },
      { serverId: 'server-1', query: { patientId: 'A\u202e' } },
      null
    ]
    for (const payload of bad) expect(validatePacsRequest.searchStudies(payload).ok, JSON.stringify(payload)).toBe(false)
  })
  it('takes only UIDs for studies and instances (no path injection)', () => {
    expect(validatePacsRequest.instance({ serverId: 's', studyUid: '1.2.3', seriesUid: '1.2.4', sopInstanceUid: '1.2.5' }).ok).toBe(true)
    for (const uid of ['1.2.3/../../x', '1.02.3', '1', 'a.b', `1.${'2'.repeat(70)}`]) {
      expect(validatePacsRequest.instance({ serverId: 's', studyUid: uid, seriesUid: '1.2.4', sopInstanceUid: '1.2.5' }).ok, uid).toBe(false)
    }
  })
  it('checks a filing capture matches its size', () => {
    const base = { serverId: 's', studyUid: '1.2.3', seriesDescription: 'OsseoPlan plan', documentTitle: 'Plan', pageSize: 'A4' }
    const capture = { rows: 2, columns: 2, rgb: new Uint8Array(12), comments: 'AP' }
    expect(validatePacsRequest.filePlan({ ...base, captures: [capture] }).ok).toBe(true)
    expect(validatePacsRequest.filePlan({ ...base, captures: [capture, { ...capture, pixelSpacingMm: [0.2, 0.2], calibration: 'marker 25 mm' }] })).toMatchObject({ ok: true, value: { captures: [capture, { pixelSpacingMm: [0.2, 0.2], calibration: 'marker 25 mm' }] } })
    expect(validatePacsRequest.filePlan({ ...base, captures: [{ ...capture, rgb: new Uint8Array(11) }] }).ok).toBe(false)
    expect(validatePacsRequest.filePlan({ ...base, captures: [] }).ok).toBe(false)
    expect(validatePacsRequest.filePlan({ ...base, captures: Array(9).fill(capture) }).ok).toBe(false)
    for (const pixelSpacingMm of [[0, 0.2], [0.2], [NaN, 0.2], ['0.2', 0.2], [0.2, 1e9]]) expect(validatePacsRequest.filePlan({ ...base, captures: [{ ...capture, pixelSpacingMm }] }).ok, JSON.stringify(pixelSpacingMm)).toBe(false)
    expect(validatePacsRequest.filePlan({ ...base, captures: [{ ...capture, calibration: 'marker\u0000' }] }).ok).toBe(false)
    expect(validatePacsRequest.filePlan({ ...base, capture }).ok).toBe(false)
    expect(validatePacsRequest.filePlan({ ...base, pageSize: 'A3' }).ok).toBe(false)
  })
  it('validates server settings as text of bounded length', () => {
    expect(validatePacsRequest.saveServer({ label: 'PACS', baseUrl: 'https://x', auth: 'basic', username: 'u', secret: 'p' }).ok).toBe(true)
    expect(validatePacsRequest.saveServer({ label: 'PACS', baseUrl: 'https://x', auth: 'kerberos' }).ok).toBe(false)
    expect(validatePacsRequest.saveServer({ label: 'x'.repeat(81), baseUrl: 'https://x', auth: 'none' }).ok).toBe(false)
    expect(validatePacsRequest.saveServer({ label: 'PACS', baseUrl: 'https://x', auth: 'none', extra: 1 }).ok).toBe(false)
  })
})
