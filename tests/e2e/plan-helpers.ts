// Helpers shared by the print and editor specs: a plan seeded with a whole case file, a fake
// desktop bridge that records what reaches it, and the stored plan row read back.
import type { Page } from '@playwright/test'
import { expect } from './fixtures'

/** Creates a plan through the UI, then writes the case file into its row (as an import would). */
export async function seedPlan(page: Page, caseFile: Record<string, unknown>): Promise<string> {
  await page.goto('/')
  await page.getByRole('button', { name: 'New plan' }).first().click()
  await expect(page).toHaveURL(/#\/plans\/[A-Za-z0-9_-]+$/)
  const planId = /#\/plans\/([A-Za-z0-9_-]+)$/.exec(page.url())?.[1] ?? ''
  await page.evaluate(
    async ({ id, caseFile }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('osseoplan')
        req.onsuccess = () => resolve(req.result)
        req.onerror = () => reject(req.error)
      })
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction('plans', 'readwrite')
        const store = tx.objectStore('plans')
        const get = store.get(id)
        get.onsuccess = () => {
          const patient = caseFile['patient'] as Record<string, unknown>
          const limb = caseFile['limb'] as Record<string, unknown>
          store.put({ ...get.result, caseFile, patientCode: patient['code'], level: limb['level'], side: limb['side'], surgeon: 'Dr E2E' })
        }
        tx.oncomplete = () => resolve()
        tx.onerror = () => reject(tx.error)
      })
      db.close()
    },
    { id: planId, caseFile }
  )
  return planId
}

/** Seeds a plan with the case file and opens it in the editor once the editor shows that case. */
export async function openSeededPlan(page: Page, caseFile: Record<string, unknown>): Promise<string> {
  const id = await seedPlan(page, caseFile)
  // Same URL as the editor seedPlan left open: reload so it reads the seeded row.
  await page.goto(`/#/plans/${id}`)
  await page.reload()
  const code = (caseFile['patient'] as Record<string, unknown>)['code']
  // The editor's code loads on first use: on a loaded 2-core machine that alone can take 5 s.
  await expect(page.locator('#f-patient-code')).toHaveValue(String(code), { timeout: 15_000 })
  return id
}

/** The stored plan row (IndexedDB 'plans'), as the app wrote it. */
export async function storedPlan(page: Page, id: string): Promise<Record<string, unknown>> {
  return page.evaluate(async (planId) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('osseoplan')
      req.onsuccess = () => resolve(req.result)
      req.onerror = () => reject(req.error)
    })
    const row = await new Promise<Record<string, unknown>>((resolve, reject) => {
      const get = db.transaction('plans').objectStore('plans').get(planId)
      get.onsuccess = () => resolve(get.result as Record<string, unknown>)
      get.onerror = () => reject(get.error)
    })
    db.close()
    return row
  }, id)
}

/**
 * A desktop bridge (window.osseoplan) that records print / PDF requests in window.__calls and
 * lets a test send native menu commands with window.__menu(command).
 */
export async function installFakeBridge(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as Record<string, unknown>
    const calls: unknown[] = []
    const listeners: Array<(command: string) => void> = []
    w['__calls'] = calls
    w['__menu'] = (command: string) => listeners.forEach((l) => l(command))
    w['osseoplan'] = {
      appInfo: async () => ({ version: 'test', platform: 'test', versions: { electron: '', chrome: '', node: '' } }),
      printPlan: async (request: unknown) => {
        calls.push(['print', request])
        return { ok: true }
      },
      exportPdf: async (request: unknown) => {
        calls.push(['pdf', request])
        return { ok: true, path: '/tmp/plan.pdf' }
      },
      saveTextFile: async () => ({ ok: false, reason: 'cancelled' }),
      openTextFile: async () => ({ ok: false, reason: 'cancelled' }),
      onMenuCommand: (listener: (command: string) => void) => {
        listeners.push(listener)
        return () => undefined
      }
    }
  })
}

export const bridgeCalls = (page: Page) => page.evaluate(() => (window as unknown as { __calls: unknown[] }).__calls)
export const menu = (page: Page, command: string) => page.evaluate((c) => (window as unknown as { __menu: (c: string) => void }).__menu(c), command)

/** Today as the app writes it in file names (local date). */
export const today = (page: Page) =>
  page.evaluate(() => {
    const d = new Date()
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
  })
