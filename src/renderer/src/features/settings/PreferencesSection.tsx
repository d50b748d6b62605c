// The user's name (recorded on confirmations and saves) and display preferences: units and paper.
import { useEffect, useState } from 'react'
import { settingsRepo } from '../../db'
import { MAX_USER_NAME_LENGTH, type DisplayPrefs } from '../../db/settings-repo'
import { usePlanningContext, usePlanningContextReload } from './planning-context'

export function PreferencesSection() {
  const ctx = usePlanningContext()
  const reload = usePlanningContextReload()
  const [name, setName] = useState(ctx.userName)
  const [message, setMessage] = useState('')
  useEffect(() => setName(ctx.userName), [ctx.userName])

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
    <section aria-labelledby="prefs-title" className="settings-section">
      <h2 id="prefs-title">You and display</h2>
      <form
        className="prefs-row"
        onSubmit={(e) => {
          e.preventDefault()
          void settingsRepo()
            .setUserName(name)
            .then(reload)
            .then(() => setMessage('Name saved.'))
            .catch(() => setMessage('The name could not be saved.'))
        }}
      >
        <label className="field inline">
          <span>Your name</span>
          <input value={name} maxLength={MAX_USER_NAME_LENGTH} autoComplete="name" onChange={(e) => setName(e.target.value)} />
        </label>
        <button type="submit" disabled={name.trim() === ctx.userName}>
          Save name
        </button>
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
