// Settings steps shared by the specs that print: the paper a surgeon chooses.
import { expect, type Page } from '@playwright/test'

/** Chooses the Paper size in Settings, as a surgeon does, and waits until it is saved. */
export async function choosePaperSize(page: Page, size: 'A4' | 'Letter'): Promise<void> {
  await page.goto('/#/settings')
  await page.getByLabel('Paper size').selectOption(size)
  // The message comes once the save is done.
  await expect(page.getByText('Display preferences saved.')).toBeVisible()
}
