// Times one opening of a radiograph inside the page (the file input's change, or the "Fetch
// image" click): from that event to each step's mark (features/imaging/open-marks.ts) and to the
// end of the first frame that shows the image, finished when the image is stored and the WebGL
// view (if any) has taken over. Shared by the radiograph and PACS benchmarks.
import type { Page } from '@playwright/test'

export interface OpenSteps {
  read: number | null
  parsed: number | null
  shown: number
  painted: number
  gpu: number | null
  stored: number
}

function install(event: 'change' | 'click'): void {
  const w = window as unknown as { __open: unknown }
  w.__open = null
  document.addEventListener(
    event,
    () => {
      const t0 = performance.now()
      const at = (name: string) => {
        const m = performance.getEntriesByName(name, 'mark').at(-1)
        return m && m.startTime > t0 ? m.startTime - t0 : null
      }
      let painted: number | null = null
      const poll = () => {
        if (painted === null && at('osseo:image-shown') !== null) {
          painted = -1
          // A task queued from a frame callback runs after that frame's paint.
          requestAnimationFrame(() => setTimeout(() => (painted = performance.now() - t0), 0))
        }
        const settled = document.querySelector('[data-testid="image-viewport"]')?.getAttribute('data-renderer-settled') === 'true'
        if (painted !== null && painted >= 0 && at('osseo:open-stored') !== null && settled)
          w.__open = { read: at('osseo:open-read'), parsed: at('osseo:open-parsed'), shown: at('osseo:image-shown'), painted, gpu: at('osseo:image-gpu'), stored: at('osseo:open-stored') }
        else setTimeout(poll, 5)
      }
      poll()
    },
    { once: true, capture: true }
  )
}

const idle = (page: Page) => page.waitForFunction(() => !(document.querySelector('[data-testid="image-file-input"]') as HTMLInputElement).disabled, undefined, { timeout: 120_000 })

/** Runs `action` (which fires `event`) and times the opening it starts; one opening at a time:
 *  waits before and after until the panel is idle (the previous image stored). */
export async function timeOpening(page: Page, event: 'change' | 'click', action: () => Promise<void>): Promise<OpenSteps> {
  await idle(page)
  await page.evaluate(install, event)
  await action()
  const steps = (await (await page.waitForFunction(() => (window as unknown as { __open: unknown }).__open, undefined, { timeout: 120_000 })).jsonValue()) as OpenSteps
  await idle(page)
  return steps
}

/** Median of one step over several openings, rounded (null when the step never happened). */
export function stepMedian(runs: readonly OpenSteps[], key: keyof OpenSteps, median: (v: number[]) => number): number | null {
  const v = runs.map((o) => o[key]).filter((x): x is number => x !== null)
  return v.length ? Math.round(median(v)) : null
}

