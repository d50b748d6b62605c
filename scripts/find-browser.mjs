// Finds a Chromium for the end-to-end tests: $CHROMIUM_PATH, the system's Chromium (Debian's
// /usr/bin/chromium), or the browser Playwright installed itself. Prints nothing; returns a path or null.
import { existsSync } from 'node:fs'

export async function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium']
  for (const candidate of candidates) if (candidate && existsSync(candidate)) return candidate
  try {
    const { chromium } = await import('playwright-core')
    const own = chromium.executablePath()
    if (own && existsSync(own)) return own
  } catch {
    // playwright-core not installed or has no browser: fall through
  }
  return null
}

export const BROWSER_HINT =
  'No Chromium found for the end-to-end tests: install one with `sudo apt-get install -y chromium` (Debian/Ubuntu) or `npx playwright install chromium`, or set CHROMIUM_PATH.'
