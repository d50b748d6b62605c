// The user's name (recorded on confirmations and saves) and display preferences: units, paper and
// appearance. Every setting here saves as soon as it is changed (the name when the field is left
// or Enter is pressed): one behaviour, no separate Save button.
import { useEffect, useState, useSyncExternalStore } from 'react'
import { onThemePrefChange, readThemePref, setThemePref, THEME_PREFS, type ThemePref } from '../../theme'
import { settingsRepo } from '../../db'
import { MAX_USER_NAME_LENGTH, type DisplayPrefs } from '../../db/settings-repo'
import { usePlanningContext, usePlanningContextReload } from './planning-context'

export function PreferencesSection() {
  const ctx = usePlanningContext()
  const reload = usePlanningContextReload()
  const [name, setName] = useState(ctx.userName)
  const [message, setMessage] = useState('')
  useEffect(() => setName(ctx.userName), [ctx.userName])
  const theme = useSyncExternalStore(onThemePrefChange, readThemePref)

  function saveName(): void {
    if (name.trim() === ctx.userName) return
    void settingsRepo()
      .setUserName(name)
      .then(reload)
      .then(() => setMessage('Name saved.'))
      .catch(() => setMessage('The name could not be saved.'))
  }

  async function savePrefs(prefs: Partial<DisplayPrefs>): Promise<void> {
    try {
      await settingsRepo().setDisplayPrefs(prefs)
      await reload()
      setMessage('Display preferences saved.')
    } catch {
      setMessage('The preferences could not be saved.')
    }
  }

  return (
    <section aria-labelledby="prefs-title" className="settings-section" id="settings-prefs">
      <h2 id="prefs-title">You and display</h2>
      <form
        className="prefs-row"
        onSubmit={(e) => {
          e.preventDefault()
          saveName()
        }}
      >
        <label className="field inline">
          <span>Your name</span>
          <input value={name} maxLength={MAX_USER_NAME_LENGTH} autoComplete="name" onChange={(e) => setName(e.target.value)} onBlur={saveName} />
        </label>
      </form>
      <div className="prefs-row">
        <label className="field inline">
          <span>Lengths shown in</span>
          <select value={ctx.units.length} onChange={(e) => void savePrefs({ lengthUnit: e.target.value as DisplayPrefs['lengthUnit'] })}>
            <option value="mm">millimetres (mm)</option>
            <option value="cm">centimetres (cm)</option>
            <option value="in">inches (in)</option>
          </select>
        </label>
        <label className="field inline">
          <span>Weights shown in</span>
          <select value={ctx.units.mass} onChange={(e) => void savePrefs({ massUnit: e.target.value as DisplayPrefs['massUnit'] })}>
            <option value="kg">kilograms (kg)</option>
            <option value="lb">pounds (lb)</option>
          </select>
        </label>
        <label className="field inline">
          <span>Paper size</span>
          <select value={ctx.paperSize} onChange={(e) => void savePrefs({ paperSize: e.target.value as DisplayPrefs['paperSize'] })}>
            <option value="A4">A4</option>
            <option value="Letter">Letter</option>
          </select>
        </label>
        <label className="field inline">
          <span>Appearance</span>
          <select
            value={theme}
            onChange={(e) => {
              setThemePref(e.target.value as ThemePref)
              setMessage('Appearance saved.')
            }}
          >
            {THEME_PREFS.map((t) => (
              <option key={t} value={t}>
                {t === 'system' ? 'as the system (light or dark)' : t === 'light' ? 'light' : 'dark'}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="muted">Plans are computed and stored in millimetres and kilograms; these settings change only what is shown and printed.</p>
      {message && (
        <p className="settings-message" role="status">
          {message}
        </p>
      )}
    </section>
  )
}
