import { expect, type Page } from '@playwright/test'

/** The printed document on screen: magnified (print.css) in a frame of exactly its magnified size
 *  (sheet-frame.ts), so that it neither covers what follows nor leaves a gap. */
export async function expectMagnifiedInFrame(page: Page, testId: string): Promise<void> {
  const boxes = await page.getByTestId(testId).evaluate((sheet) => {
    const box = (r: DOMRect) => ({ left: r.left, top: r.top, width: r.width, height: r.height })
    return { scale: sheet.getBoundingClientRect().width / (sheet as HTMLElement).offsetWidth, sheet: box(sheet.getBoundingClientRect()), frame: box(sheet.parentElement!.getBoundingClientRect()) }
  })
  expect(boxes.scale, 'the sheet is magnified on screen').toBeCloseTo(1.2, 2)
  for (const side of ['left', 'top', 'width', 'height'] as const) {
    expect(Math.abs(boxes.frame[side] - boxes.sheet[side]), `the frame's ${side} is the magnified sheet's`).toBeLessThanOrEqual(1)
  }
}
