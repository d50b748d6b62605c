// Settings: the user and display preferences, the planning profile, the implant catalogue, and
// where the app runs and how much local storage it uses — in sections, with a navigation bar that
// stays in view (the page is long: the profile alone has dozens of parameters).
import { useEffect, useState } from 'react'
import { settingsRepo } from '../../db'
import { isDesktop } from '../../platform'
import { ImageServersSection } from '../pacs/ImageServersSection'
import { CatalogueEditor } from './CatalogueEditor'
import { OutcomeSettingsSection } from './OutcomeSettingsSection'
import { PreferencesSection } from './PreferencesSection'
import { ProfileEditor } from './ProfileEditor'
import './settings.css'

/** The page's sections, in order: the id of each section element and its heading. */
const SECTIONS = [
  { id: 'settings-prefs', title: 'You and display' },
  { id: 'settings-profile', title: 'Planning profile' },
  { id: 'settings-catalogue', title: 'Implant catalogue' },
  { id: 'settings-outcomes', title: 'After surgery (audit)' },
  { id: 'settings-image-servers', title: 'Image servers (PACS)' },
  { id: 'settings-about', title: 'This installation' }
] as const

/** Buttons, not #fragment links: the URL fragment is the route. Focus goes to the section's heading. */
function SettingsNav() {
  function go(id: string): void {
    const section = document.getElementById(id)
    const heading = section?.querySelector<HTMLElement>('h2')
    if (!section || !heading) return
    heading.tabIndex = -1
    heading.focus({ preventScroll: true })
    section.scrollIntoView({ block: 'start' })
  }
  return (
    <nav className="settings-nav" aria-label="Settings sections">
      <ul>
        {SECTIONS.map((s) => (
          <li key={s.id}>
            <button type="button" className="link-button" onClick={() => go(s.id)}>
              {s.title}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  )
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

export function SettingsPage() {
  const [storage, setStorage] = useState('')
  useEffect(() => {
    void settingsRepo()
      .storageUsage()
      .then((u) => setStorage(u ? `${megabytes(u.usageBytes)} used of ${megabytes(u.quotaBytes)} available` : 'not reported by this browser'))
  }, [])
  return (
    <section className="page settings-page" aria-labelledby="settings-title">
      <h1 id="settings-title">Settings</h1>
      <div className="settings-layout">
        <SettingsNav />
        <div className="settings-sections">
      <PreferencesSection />
      <ProfileEditor />
      <CatalogueEditor />
      <OutcomeSettingsSection />
      <ImageServersSection />
      <section aria-labelledby="about-title" className="settings-section" id="settings-about">
        <h2 id="about-title">This installation</h2>
        <p>Running {isDesktop() ? 'as the desktop app' : 'in a browser'}.</p>
        {storage && <p>Local storage: {storage}</p>}
      </section>
        </div>
      </div>
    </section>
  )
}
