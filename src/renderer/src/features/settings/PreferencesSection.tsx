// The user's name (recorded on confirmations and saves) and display preferences: units, paper and
// appearance. Every setting here saves as soon as it is changed (the name when the field is left
// or Enter is pressed): one behaviour, no separate Save button. A select shows its new value while
// it saves (pending-prefs.ts); the message says "saved" once every save under way is done.
import { useEffect, useRef, useState, useSyncExternalStore } from 'react'
import { onThemePrefChange, readThemePref, setThemePref, THEME_PREFS, type ThemePref } from '../../theme'
import { settingsRepo } from '../../db'
import { MAX_USER_NAME_LENGTH, type DisplayPrefs } from '../../db/settings-repo'
import { usePlanningContext, usePlanningContextReload } from './planning-context'
import { settled, withPending, type PendingPrefs } from './pending-prefs'

export function PreferencesSection() {
  const ctx = usePlanningContext()
  const reload = usePlanningContextReload()
  const [name, setName] = useState(ctx.userName)
  const [message, setMessage] = useState('')
  const [pending, setPending] = useState<PendingPrefs>({})
  const saves = useRef({ underWay: 0, failed: false })
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

  async function savePrefs(prefs: PendingPrefs): Promise<void> {
    const s = saves.current
    s.underWay++
    setPending((p) => withPending(p, prefs))
    setMessage('Saving…')
    try {
      await settingsRepo().setDisplayPrefs(prefs)
      await reload()
    } catch {
      s.failed = true
    }
    s.underWay--
    setPending((p) => settled(p, prefs))
    // One message for the changes made together: a failure is not hidden by a later success.
    if (s.underWay > 0) return
    setMessage(s.failed ? 'The preferences could not be saved.' : 'Display preferences saved.')
    s.failed = false
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
          <select value={pending.lengthUnit ?? ctx.units.length} onChange={(e) => void savePrefs({ lengthUnit: e.target.value as DisplayPrefs['lengthUnit'] })}>
            <option value="mm">millimetres (mm)</option>
            <option value="cm">centimetres (cm)</option>
            <option value="in">inches (in)</option>
          </select>
        </label>
        <label className="field inline">
          <span>Weights shown in</span>
          <select value={pending.massUnit ?? ctx.units.mass} onChange={(e) => void savePrefs({ massUnit: e.target.value as DisplayPrefs['massUnit'] })}>
            <option value="kg">kilograms (kg)</option>
            <option value="lb">pounds (lb)</option>
          </select>
        </label>
        <label className="field inline">
          <span>Paper size</span>
          <select value={pending.paperSize ?? ctx.paperSize} onChange={(e) => void savePrefs({ paperSize: e.target.value as DisplayPrefs['paperSize'] })}>
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
