// Placeholder settings of the shell; the profile and catalogue editors (issue #7) replace it.
import { useEffect, useState } from 'react'
import { isDesktop } from '../../platform'

export function SettingsPage() {
  const [storage, setStorage] = useState('')
  useEffect(() => {
    void navigator.storage?.estimate?.().then((e) => setStorage(`${((e.usage ?? 0) / 1024).toFixed(0)} kB used of ${((e.quota ?? 0) / 1024 / 1024).toFixed(0)} MB`))
  }, [])
  return (
    <section className="page" aria-labelledby="settings-title">
      <h1 id="settings-title">Settings</h1>
      <p>Running {isDesktop() ? 'as the desktop app' : 'in a browser'}.</p>
      {storage && <p>Local storage: {storage}</p>}
    </section>
  )
}
