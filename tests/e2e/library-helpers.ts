// Row actions of the plan library: Open is a button on the row; the others are in the row's
// actions menu, and Delete asks for confirmation.
import type { Locator } from '@playwright/test'

/** Chooses `action` ("History", "Theatre sheet", "Duplicate", "Export case file", "Archive", "Unarchive", "Delete…") from the row's menu. */
export async function rowAction(row: Locator, action: string): Promise<void> {
  await row.getByRole('button', { name: /^Actions for / }).click()
  await row.page().getByRole('menu').getByRole('menuitem', { name: action, exact: true }).click()
}

/** Deletes the row's plan: the menu's "Delete…", then "Delete plan" in the confirmation. */
export async function deleteRow(row: Locator): Promise<void> {
  await rowAction(row, 'Delete…')
  await row.page().getByRole('alertdialog').getByRole('button', { name: 'Delete plan' }).click()
}
