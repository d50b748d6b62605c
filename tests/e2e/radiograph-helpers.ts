// A plan with a measured radiograph, seeded straight into the library: the bone phantom with its
// handles on the phantom's true edges, calibrated on the 25 mm marker, and the case those
// measurements give (computed here by the app's own image → case code). Much faster than placing
// every handle through the UI (imaging.spec.ts does that once).
import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { phantomDicom, phantomTruth } from '../../scripts/imaging/phantom'
import { annotationScene, applyImageValues, calibrate, imageCaseValues, pointOnStation, readDicom, type CalibrationInput, type ImageMarks } from '../../src/shared/imaging'
import { planFromRaw } from '../../src/shared/plan'
import type { CaseDraft } from '../../src/shared/case/types'
import { seedPlan } from './plan-helpers'

export interface SeededRadiograph {
  planId: string
  caseFile: Record<string, unknown>
}

export function measuredPhantom(): { header: unknown; pixels: Uint8Array; calibration: CalibrationInput; marks: ImageMarks; caseFile: Record<string, unknown> } {
  const truth = phantomTruth()
  const parsed = readDicom(phantomDicom())
  if (!parsed.ok) throw new Error(parsed.error)
  const detector = parsed.image.header.spacing.candidates.find((c) => c.plane === 'detector') ?? null
  const calibration: CalibrationInput = { kind: 'marker', trueSizeMm: 25, from: truth.marker.from, to: truth.marker.to, detector }
  const cal = calibrate(calibration)
  if (!cal.ok) throw new Error(cal.error)
  // Every other station of the phantom (every 40 mm), edges on the truth.
  const marks: ImageMarks = {
    axis: truth.axis,
    stations: truth.stations.filter((_, i) => i % 2 === 1).map((s, i) => ({ id: `s${i}`, t: s.zMm / truth.residualMm, edges: { ...s.edges }, accepted: true })),
    skin: truth.skin,
    plane: 'single',
    unlinked: []
  }
  const base = JSON.parse(readFileSync('resources/cases/transfemoral.json', 'utf8')) as CaseDraft
  const caseFile = applyImageValues(base, imageCaseValues(marks, cal.calibration, 'AP-1'), 'single') as unknown as Record<string, unknown>
  return { header: parsed.image.header, pixels: parsed.image.pixels, calibration, marks, caseFile }
}

/** Seeds a plan whose case was measured on the phantom, with the image stored as the app stores it. */
export async function seedMeasuredPlan(page: Page, options: { pacsSource?: { serverId: string; studyUid: string } } = {}): Promise<SeededRadiograph> {
  const m = measuredPhantom()
  const planId = await seedPlan(page, m.caseFile)
  await page.evaluate(
    async ({ planId, header, pixels, calibration, marks, pacsSource }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('osseoplan')
        req.onsuccess = () => resolve(req.result)
        req.onerror = () => reject(req.error)
      })
      const bytes = Uint8Array.from(atob(pixels), (c) => c.charCodeAt(0))
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction(['images', 'imagePixels'], 'readwrite')
        const id = `img-${planId}`
        const at = Date.now()
        tx.objectStore('images').put({ id, planId, label: 'AP-1', createdAt: at, updatedAt: at, header, calibration, marks, window: { center: 2000, width: 3000, invert: false }, ...(pacsSource ? { pacsSource } : {}) })
        tx.objectStore('imagePixels').put({ id, pixels: bytes.buffer })
        tx.oncomplete = () => resolve()
        tx.onerror = () => reject(tx.error)
      })
      db.close()
    },
    { planId, header: m.header, pixels: Buffer.from(m.pixels).toString('base64'), calibration: m.calibration, marks: m.marks, pacsSource: options.pacsSource }
  )
  return { planId, caseFile: m.caseFile }
}

/**
 * Two image points to probe a rendered copy of the seeded radiograph: one inside the implant
 * outline (a quarter of its length up, halfway from the axis to its wall), and the same point
 * mirrored far outside the bone. From the app's plan of the case and the shared geometry.
 */
export function implantProbe(caseFile: Record<string, unknown>): { inside: { x: number; y: number }; outside: { x: number; y: number } } {
  const m = measuredPhantom()
  const cal = calibrate(m.calibration)
  const plan = planFromRaw(caseFile)
  if (!cal.ok || !plan.ok || !plan.result.implant || !m.marks.axis) throw new Error('no plan to probe')
  const scene = annotationScene({ marks: m.marks, scale: cal.calibration.scale, calibration: cal.calibration, result: plan.result })
  const outline = scene.marks.find((k) => k.kind === 'polygon' && k.role === 'implant')
  if (!outline || outline.kind !== 'polygon') throw new Error('no implant drawn')
  const [a, b, , d] = outline.points as [{ x: number; y: number }, { x: number; y: number }, unknown, { x: number; y: number }]
  // a → b along the implant on one wall, a → d across it.
  const inside = { x: a.x + (b.x - a.x) * 0.25 + (d.x - a.x) * 0.25, y: a.y + (b.y - a.y) * 0.25 + (d.y - a.y) * 0.25 }
  const zFar = pointOnStation(m.marks.axis, cal.calibration.scale, 20, -60)!
  return { inside, outside: zFar }
}
