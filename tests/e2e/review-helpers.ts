// Review-bar steps shared by the specs that approve a plan.
import type { Locator } from '@playwright/test'

/**
 * Ticks the approval's acknowledgement of unconfirmed site defaults when the bar asks for it
 * (issue #13 §17: a plan resting on unconfirmed site defaults cannot be approved without it).
 */
export async function acknowledgeSiteDefaults(bar: Locator): Promise<void> {
  // The box appears with the Approve button (a reviewed plan): wait for that state first.
  await bar.getByRole('button', { name: 'Approve' }).waitFor()
  const ack = bar.getByRole('checkbox', { name: /I approve this plan knowing it rests on \d+ site defaults?/ })
  if ((await ack.count()) > 0) await ack.check()
}
