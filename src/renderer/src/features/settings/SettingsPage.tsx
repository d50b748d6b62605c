// Settings: the user and display preferences, the planning profile, the implant catalogue, and
// where the app runs and how much local storage it uses.
import { useEffect, useState } from 'react'
import { settingsRepo } from '../../db'
import { isDesktop } from '../../platform'
import { ImageServersSection } from '../pacs/ImageServersSection'
import { CatalogueEditor } from './CatalogueEditor'
import { PreferencesSection } from './PreferencesSection'
import { ProfileEditor } from './ProfileEditor'
import './settings.css'

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
      <PreferencesSection />
      <ProfileEditor />
      <CatalogueEditor />
      <ImageServersSection />
      <section aria-labelledby="about-title" className="settings-section">
        <h2 id="about-title">This installation</h2>
        <p>Running {isDesktop() ? 'as the desktop app' : 'in a browser'}.</p>
        {storage && <p>Local storage: {storage}</p>}
      </section>
    </section>
  )
}
