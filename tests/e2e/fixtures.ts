// Shared Playwright fixture for every browser e2e spec.
//
// NOTE TO ALL ENGINEERS: import { test, expect } from './fixtures' (not '@playwright/test') in
// tests/e2e/*.spec.ts. A fresh browser context would otherwise land on the first-run
// acknowledgement screen (issue #7) instead of the app. The fixture seeds the acknowledgement
// exactly the way the app stores it (localStorage 'osseoplan.acknowledgement' = {at, name}; the
// app mirrors it into its settings table on load), so the real app is not weakened by a bypass.
// Only tests of the first-run screen itself use '@playwright/test' directly.
import { test as base, expect } from '@playwright/test'

/** localStorage key of the acknowledgement (src/renderer/src/features/onboarding/acknowledgement.ts). */
export const ACK_STORAGE_KEY = 'osseoplan.acknowledgement'
/** The user name the seeded acknowledgement carries (recorded on confirmations and saves). */
export const E2E_USER_NAME = 'E2E Surgeon'

export const test = base.extend({
  page: async ({ page }, use) => {
    await page.addInitScript(
      ({ key, name }) => {
        if (!window.localStorage.getItem(key)) window.localStorage.setItem(key, JSON.stringify({ at: Date.now(), name }))
      },
      { key: ACK_STORAGE_KEY, name: E2E_USER_NAME }
    )
    await use(page)
  }
})

export { expect }
