// The planning profile editor: choose a profile, see every parameter with its provenance, change,
// confirm or reset values (recorded with the user's name and time; each change bumps the
// version), and manage several profiles with exactly one default.
import { useCallback, useEffect, useState } from 'react'
import { PROTOCOLS, isProtocolId } from '../../../../shared/profile/protocols'
import { profilesRepo, storageErrorMessage } from '../../db'
import type { StoredProfile } from '../../db/profiles-repo'
import { newId } from '../../db/ids'
import { usePlanningContext, usePlanningContextReload } from './planning-context'
import { ProfileParamRow } from './ProfileParamRow'
import {
  changeParam,
  confirmParam,
  copyProfile,
  EDITABLE_KEYS,
  errorsForKey,
  isShippedParam,
  lastChange,
  MAX_PROFILE_NAME,
  parseParamText,
  profileParam,
  renameProfile,
  resetParam,
  unconfirmedKeys,
  type EditableKey,
  type EditResult,
  type ProfileRecord
} from './profile-record'
import { TableHead } from '../../components/TableHead'

const GROUPS: { prefix: string; title: string }[] = [
  { prefix: 'mag.', title: 'X-ray magnification' },
  { prefix: 'soft.', title: 'Soft tissue' },
  { prefix: 'elig.severity.', title: 'Eligibility: how each contraindication counts' },
  { prefix: 'elig.', title: 'Eligibility thresholds' },
  { prefix: 'rehab.', title: 'Rehabilitation' },
  { prefix: 'stage.', title: 'Stages' },
  { prefix: 'protocol.', title: 'Loading protocols' }
]

function groupOf(key: string): string {
  return GROUPS.find((g) => key.startsWith(g.prefix))?.title ?? 'Other'
}

/** The protocol a `protocol.<id>.<param>` key belongs to, by name ('' for other parameters). */
function protocolNameOf(key: string): string {
  const id = key.startsWith('protocol.') ? key.split('.')[1] : undefined
  return id && isProtocolId(id) ? PROTOCOLS[id].name : ''
}

const asParam = (record: ProfileRecord, key: EditableKey) => profileParam(record.profile, key)

/** A heading row of the parameter table (a topic, or a protocol within "Loading protocols"). */
function HeadingRow({ className, title }: { className: string; title: string }) {
  return (
    <tr className={className}>
      <th colSpan={4} scope="colgroup">
        {title}
      </th>
    </tr>
  )
}

export function ProfileEditor() {
  const { userName } = usePlanningContext()
  const reloadContext = usePlanningContextReload()
  const [profiles, setProfiles] = useState<StoredProfile[]>([])
  const [damaged, setDamaged] = useState<string[]>([])
  const [selectedId, setSelectedId] = useState('')
  const [errors, setErrors] = useState<Partial<Record<EditableKey, string>>>({})
  const [message, setMessage] = useState('')
  const [newName, setNewName] = useState('')
  const [rename, setRename] = useState('')

  const load = useCallback(async () => {
    const list = await profilesRepo().list()
    setProfiles(list.profiles)
    setDamaged(list.damaged)
    setSelectedId((id) => (list.profiles.some((p) => p.id === id) ? id : (list.profiles[0]?.id ?? '')))
  }, [])

  useEffect(() => {
    void load().catch(() => setMessage('The stored profiles could not be read; the shipped default profile is in use.'))
  }, [load])

  const selected = profiles.find((p) => p.id === selectedId)
  useEffect(() => setRename(selected?.record.profile.name ?? ''), [selected?.record.profile.name])
  if (!selected) return <p className="empty">Loading the planning profiles…</p>
  const record = selected.record
  const unconfirmed = unconfirmedKeys(record.profile)

  /** Applies an edit to the profile as stored now (not as rendered), then reloads. */
  async function store(key: EditableKey | null, edit: (current: ProfileRecord) => EditResult, done: string): Promise<void> {
    try {
      const result = await profilesRepo().edit(record.profile.id, edit)
      if (!result.ok) {
        const mine = key ? errorsForKey(result.errors, key) : []
        const text = (mine.length ? mine : result.errors).map((e) => e.message).join('; ')
        if (key) setErrors((e) => ({ ...e, [key]: text }))
        else setMessage(`Not saved: ${text}`)
        return
      }
      if (key) setErrors((e) => ({ ...e, [key]: '' }))
      setMessage(`${done} Profile “${result.record.profile.name}” is now version ${result.record.profile.version}.`)
      await load()
      await reloadContext()
    } catch (error) {
      setMessage(storageErrorMessage(error))
    }
  }

  function onSave(key: EditableKey, text: string): void {
    const parsed = parseParamText(key, text)
    if (!parsed.ok) {
      setErrors((e) => ({ ...e, [key]: parsed.message }))
      return
    }
    void store(key, (current) => changeParam(current, key, parsed.value, userName, Date.now()), `${asParam(record, key).label ?? key} changed.`)
  }

  async function run(action: () => Promise<void>, done: string): Promise<void> {
    try {
      await action()
      setMessage(done)
      await load()
      await reloadContext()
    } catch (error) {
      setMessage(storageErrorMessage(error))
    }
  }

  let lastGroup = ''
  let lastProtocol = ''
  return (
    <section aria-labelledby="profile-title" className="settings-section" id="settings-profile">
      <h2 id="profile-title">Planning profile</h2>
      <p className="muted">
        Every threshold the plan uses. <strong>Published</strong> values cite their source; <strong>site defaults</strong> are starting values
        nobody published — review each one and confirm it or set your own. Plans record the profile version they were computed with.
      </p>
      <div className="profile-bar">
        <label className="field inline">
          <span>Profile</span>
          <select value={selectedId} onChange={(e) => setSelectedId(e.target.value)}>
            {profiles.map((p) => (
              <option key={p.id} value={p.id}>
                {p.record.profile.name}
                {p.isDefault ? ' (default)' : ''}
              </option>
            ))}
          </select>
        </label>
        <span className="profile-version" data-testid="profile-version">
          Version {record.profile.version}
        </span>
        {selected.isDefault ? (
          <span className="badge">Default: plans are computed with this profile</span>
        ) : (
          <>
            <button type="button" onClick={() => void run(() => profilesRepo().setDefault(selected.id), `“${record.profile.name}” is now the default profile.`)}>
              Make default
            </button>
            <button
              type="button"
              className="danger"
              onClick={() => {
                if (window.confirm(`Delete the profile “${record.profile.name}”? Plans keep the results computed with it.`))
                  void run(() => profilesRepo().remove(selected.id), 'Profile deleted.')
              }}
            >
              Delete profile
            </button>
          </>
        )}
      </div>
      <p className={unconfirmed.length ? 'unconfirmed-count warn' : 'unconfirmed-count'} role="status" data-testid="unconfirmed-count">
        {unconfirmed.length ? `Unconfirmed site defaults: ${unconfirmed.length}` : 'All site defaults confirmed'}
      </p>
      <div className="profile-manage">
        <form
          onSubmit={(e) => {
            e.preventDefault()
            void store(null, (current) => renameProfile(current, rename), 'Profile renamed.')
          }}
        >
          <label className="field inline">
            <span>Profile name</span>
            <input value={rename} maxLength={MAX_PROFILE_NAME} onChange={(e) => setRename(e.target.value)} />
          </label>
          <button type="submit" disabled={rename.trim() === record.profile.name}>
            Rename
          </button>
        </form>
        <form
          onSubmit={(e) => {
            e.preventDefault()
            const copy = copyProfile(record, newId(), newName)
            if (!copy.ok) return setMessage('Give the new profile a name.')
            void run(async () => {
              await profilesRepo().add(copy.record)
              setSelectedId(copy.record.profile.id)
              setNewName('')
            }, `Profile “${copy.record.profile.name}” created from “${record.profile.name}”.`)
          }}
        >
          <label className="field inline">
            <span>New profile name</span>
            <input value={newName} maxLength={MAX_PROFILE_NAME} placeholder="e.g. Strict contraindications" onChange={(e) => setNewName(e.target.value)} />
          </label>
          <button type="submit">Copy this profile</button>
        </form>
      </div>
      {message && (
        <p className="settings-message" role="status">
          {message}
        </p>
      )}
      {damaged.length > 0 && (
        <p className="error" role="alert">
          {damaged.length} stored profile(s) could not be read and are not used.
        </p>
      )}
      <table className="param-table">
        <TableHead columns={['Parameter', 'Value', 'Provenance and explanation']} actions="Actions" />
        <tbody>
          {EDITABLE_KEYS.flatMap((key) => {
            const group = groupOf(key)
            const protocolName = protocolNameOf(key)
            const rows = []
            if (group !== lastGroup) {
              lastGroup = group
              rows.push(<HeadingRow key={`group-${group}`} className="param-group" title={group} />)
            }
            if (protocolName && protocolName !== lastProtocol) {
              lastProtocol = protocolName
              rows.push(<HeadingRow key={`protocol-${protocolName}`} className="param-subgroup" title={protocolName} />)
            }
            const p = asParam(record, key)
            rows.push(
              <ProfileParamRow
                key={`${selected.id}-${key}`}
                paramKey={key}
                param={p}
                {...(protocolName ? { context: protocolName } : {})}
                isShipped={isShippedParam(p, key)}
                last={lastChange(record, key)}
                error={errors[key] ?? ''}
                onSave={onSave}
                onConfirm={(k) => void store(k, (current) => confirmParam(current, k, userName, Date.now()), `${asParam(record, k).label ?? k} confirmed.`)}
                onReset={(k) => void store(k, (current) => resetParam(current, k, userName, Date.now()), `${asParam(record, k).label ?? k} reset to the shipped value.`)}
              />
            )
            return rows
          })}
        </tbody>
      </table>
    </section>
  )
}
