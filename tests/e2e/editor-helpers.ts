// Helpers for the editor specs: enter a case file through the form, field by field, the way a
// surgeon would (select, type, add rows), and read what the result panel shows.
import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import type { CaseFileV1, RawStation } from '../../src/shared'

export function loadCase(name: string): CaseFileV1 {
  return JSON.parse(readFileSync(`resources/cases/${name}.json`, 'utf8')) as CaseFileV1
}

/** The DOM id of a case-file path (same rule as components/field-id.ts). */
export const fid = (path: string) => `#f-${path.replace(/[^A-Za-z0-9]+/g, '-')}`

export async function newPlan(page: Page): Promise<void> {
  await page.goto('/')
  await page.getByRole('button', { name: 'New plan' }).click()
  await page.waitForURL(/#\/plans\/[a-z0-9]+$/)
  await page.getByRole('heading', { name: /Plan editor/ }).waitFor()
}

async function type(page: Page, path: string, value: unknown): Promise<void> {
  if (value === undefined || value === null) return
  await page.locator(fid(path)).fill(String(value))
}

async function choose(page: Page, path: string, value: unknown): Promise<void> {
  if (value === undefined || value === null) return
  await page.locator(fid(path)).selectOption(String(value))
}

const PLANES: (keyof RawStation)[] = ['fromDistalEnd', 'endosteal', 'periosteal', 'endostealAP', 'endostealLat', 'periostealAP', 'periostealLat']

export async function enterCase(page: Page, c: CaseFileV1): Promise<void> {
  await choose(page, 'limb.level', c.limb.level)
  await choose(page, 'limb.side', c.limb.side)
  if (c.limb.bone) await choose(page, 'limb.bone', c.limb.bone)

  const p = c.patient
  await type(page, 'patient.code', p.code)
  await type(page, 'patient.ageYears', p.ageYears)
  await choose(page, 'patient.sex', p.sex)
  await type(page, 'patient.weight', p.weight)
  await type(page, 'patient.height', p.height)
  await type(page, 'patient.socketRehabMonths', p.socketRehabMonths)
  if (c.limb.level === 'transfemoral') await type(page, 'patient.hipFlexionContractureDeg', p.hipFlexionContractureDeg)
  if (c.limb.level === 'transtibial') await type(page, 'patient.kneeFlexionContractureDeg', p.kneeFlexionContractureDeg)
  await type(page, 'patient.tScore', p.tScore)
  await page.locator(fid('patient.conditions')).check()
  for (const condition of p.conditions) await page.locator(`${fid('patient.conditions')}-${condition}`).check()

  await choose(page, 'imaging.source', c.imaging.source)
  await type(page, 'imaging.magnification', c.imaging.magnification)
  if (c.imaging.marker) {
    await type(page, 'imaging.marker.trueSize', c.imaging.marker.trueSize)
    await type(page, 'imaging.marker.measuredSize', c.imaging.marker.measuredSize)
  }

  await type(page, 'bone.residualLength', c.bone.residualLength)
  await type(page, 'bone.landmark', c.bone.landmark)
  if (c.bone.stations.some((s) => s.endostealAP !== undefined)) await page.getByLabel('Two planes (AP and lateral)').check()
  for (const [i, s] of c.bone.stations.entries()) {
    await page.getByRole('button', { name: 'Add station' }).click()
    for (const key of PLANES) await type(page, `bone.stations[${i}].${key}`, s[key])
  }

  await type(page, 'softTissue.distalThickness', c.softTissue.distalThickness)
  await choose(page, 'softTissue.method', c.softTissue.method)

  const pr = c.prosthesis ?? {}
  await type(page, 'prosthesis.soundSideLength', pr.soundSideLength)
  await type(page, 'prosthesis.adapterTranscutaneousLength', pr.adapterTranscutaneousLength)
  await type(page, 'prosthesis.weight', pr.weight)
  for (const [i, comp] of (pr.components ?? []).entries()) {
    await page.getByRole('button', { name: 'Add component' }).click()
    await type(page, `prosthesis.components[${i}].name`, comp.name)
    await type(page, `prosthesis.components[${i}].buildHeight`, comp.buildHeight)
  }

  if (!('systemId' in c.implant)) throw new Error('enterCase: pick a catalogue system (the form does not enter a custom one)')
  await choose(page, 'implant.systemId', c.implant.systemId)
  await choose(page, 'protocolId', c.protocolId)
  await type(page, 'notes', c.notes)
}
