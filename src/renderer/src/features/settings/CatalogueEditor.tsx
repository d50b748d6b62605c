// The implant catalogue: shipped systems (read-only, can be duplicated) and the site's custom
// systems (add, edit, delete), with JSON import (all records validated before anything is
// written) and export.
import { Fragment, useRef, useState } from 'react'
import type { ImplantSystem } from '../../../../shared/catalog/types'
import { storageErrorMessage, systemsRepo } from '../../db'
import { SystemValidationError } from '../../db/systems-repo'
import { JsonFileInput } from '../../components/JsonFileInput'
import { isDesktop, openTextFile, saveTextFile } from '../../platform'
import { usePlanningContext, usePlanningContextReload } from './planning-context'
import { emptySystemForm, formErrors, formFromSystem, systemFromForm, type FormField, type SystemForm } from './system-form'
import { exportSystems, parseSystemsFile } from './system-io'
import { isBuiltinSystemId, unconfirmedSystemParams } from './system-record'
import { SystemFormView } from './SystemFormView'
import { systemIdFromName } from './number-text'
import { TableHead } from '../../components/TableHead'

interface Editing {
  title: string
  base: ImplantSystem | null
  isNew: boolean
  form: SystemForm
  /** The system whose row asked for the form (it opens under that row); none: under "Add system". */
  at?: string
}

function sizesText(values: readonly number[]): string {
  if (values.length <= 4) return `${values.join(', ')} mm`
  return `${values[0]}–${values[values.length - 1]} mm (${values.length} sizes)`
}

export function CatalogueEditor() {
  const { systems, customSystems = [], userName } = usePlanningContext()
  const reload = usePlanningContextReload()
  const [editing, setEditing] = useState<Editing | null>(null)
  const [errors, setErrors] = useState<Partial<Record<FormField | 'form', string>>>({})
  const [message, setMessage] = useState('')
  const [importErrors, setImportErrors] = useState<string[]>([])
  const fileInput = useRef<HTMLInputElement>(null)

  function start(edit: Editing): void {
    setErrors({})
    setMessage('')
    setEditing(edit)
  }

  async function save(form: SystemForm): Promise<void> {
    if (!editing) return
    // A new system's id is made from its name (unique in the catalogue); an edited one keeps its id.
    if (editing.isNew) {
      if (form.name.trim() === '') return setErrors({ name: 'is required' })
      form = { ...form, id: systemIdFromName(form.name, systems.map((s) => s.id)) }
    }
    const built = systemFromForm(form, { base: editing.base, version: editing.isNew ? '1' : (editing.base?.version ?? '1'), by: userName, at: Date.now() })
    if (!built.ok) return setErrors(built.errors)
    try {
      const stored = await systemsRepo().save(built.system, { isNew: editing.isNew })
      await reload()
      setEditing(null)
      setMessage(`Implant system “${stored.name}” saved (version ${stored.version}).`)
    } catch (error) {
      if (error instanceof SystemValidationError) setErrors(formErrors(error.errors))
      else setErrors({ form: `The system could not be saved: ${storageErrorMessage(error)}` })
    }
  }

  async function importText(name: string, content: string): Promise<void> {
    setImportErrors([])
    const parsed = parseSystemsFile(content, customSystems)
    if (!parsed.ok) {
      setMessage(`Nothing was imported from ${name}: the file has ${parsed.errors.length} problem(s).`)
      setImportErrors(parsed.errors.slice(0, 30).map((e) => `${e.path || 'file'}: ${e.message}`))
      return
    }
    try {
      const r = await systemsRepo().importAll(parsed.systems)
      await reload()
      setMessage(`Imported ${r.added} system(s) from ${name}${r.unchanged ? `; ${r.unchanged} already present` : ''}.`)
    } catch (error) {
      setMessage(`Nothing was imported from ${name}: ${error instanceof SystemValidationError ? error.errors.map((e) => e.message).join('; ') : storageErrorMessage(error)}`)
    }
  }

  async function startImport(): Promise<void> {
    if (!isDesktop()) return fileInput.current?.click()
    const file = await openTextFile()
    if (file.ok) await importText(file.name, file.content)
    else if (file.reason !== 'cancelled') setMessage(`The file could not be read${file.message ? `: ${file.message}` : '.'}`)
  }

  async function startExport(): Promise<void> {
    const result = await saveTextFile('osseoplan-implant-systems.json', exportSystems(customSystems, Date.now()), 'json')
    if (result.ok) setMessage(`Exported ${customSystems.length} custom system(s).`)
    else if (result.reason !== 'cancelled') setMessage(`The export failed${result.message ? `: ${result.message}` : '.'}`)
  }

  function formView(e: Editing) {
    return <SystemFormView key={e.title + e.form.id} initial={e.form} idLocked={!e.isNew} title={e.title} errors={errors} onSubmit={(f) => void save(f)} onCancel={() => setEditing(null)} />
  }

  return (
    <section aria-labelledby="catalogue-title" className="settings-section" id="settings-catalogue">
      <h2 id="catalogue-title">Implant catalogue</h2>
      <p className="muted">
        Shipped systems are read-only; duplicate one to adapt it or to confirm its site defaults, or add your own. Sizes are in millimetres, weight
        limits in kilograms.
      </p>
      <div className="catalogue-actions">
        <button type="button" className="primary" onClick={() => start({ title: 'Add an implant system', base: null, isNew: true, form: emptySystemForm() })}>
          Add system
        </button>
        <button type="button" onClick={() => void startImport()}>
          Import systems (JSON)
        </button>
        <button type="button" disabled={customSystems.length === 0} onClick={() => void startExport()}>
          Export custom systems
        </button>
        <JsonFileInput
          inputRef={fileInput}
          label="Implant systems file to import"
          onFile={(file) => void openTextFile(file).then((r) => (r.ok ? importText(r.name, r.content) : setMessage('The file could not be read.')))}
        />
      </div>
      {message && (
        <p className="settings-message" role="status">
          {message}
        </p>
      )}
      {importErrors.length > 0 && (
        <ul className="error import-errors">
          {importErrors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
      {editing && editing.at === undefined && formView(editing)}
      <table className="plan-table system-table">
        <TableHead columns={['System', 'Fixation', 'Bones', 'Diameters', 'Lengths', 'Version']} actions="Actions" />
        <tbody>
          {systems.map((s) => {
            const builtin = isBuiltinSystemId(s.id)
            const unconfirmed = unconfirmedSystemParams(s).length
            return (
              <Fragment key={s.id}>
              <tr>
                <td>
                  <strong>{s.name}</strong> <span className="param-key">{s.id}</span>
                  <div className="muted">{builtin ? `shipped${s.label ? ` — ${s.label}` : ''}` : 'custom (site)'}</div>
                  {unconfirmed > 0 && (
                    <div className="unconfirmed-note" data-testid={`system-unconfirmed-${s.id}`}>
                      <span className="flag">unconfirmed</span> {unconfirmed} site default{unconfirmed === 1 ? '' : 's'}
                      {builtin ? ' — duplicate the system and save it to confirm them as your site’s values' : ' — edit and save the system to confirm them'}
                    </div>
                  )}
                </td>
                <td>{s.fixation}</td>
                <td>{s.bones.join(', ')}</td>
                <td>{sizesText(s.diametersMm.value)}</td>
                <td>{sizesText(s.lengthsMm.value)}</td>
                <td>{s.version}</td>
                <td className="actions">
                  <button
                    type="button"
                    aria-label={`Duplicate ${s.name}`}
                    onClick={() =>
                      start({ title: `New system from ${s.name}`, base: s, isNew: true, at: s.id, form: { ...formFromSystem(s), id: '', name: `${s.name.replace(/\s*\(template\)\s*$/i, '')} (site copy)` } })
                    }
                  >
                    Duplicate
                  </button>
                  {!builtin && (
                    <>
                      <button type="button" aria-label={`Edit ${s.name}`} onClick={() => start({ title: `Edit ${s.name}`, base: s, isNew: false, at: s.id, form: formFromSystem(s) })}>
                        Edit
                      </button>
                      <button
                        type="button"
                        className="danger"
                        aria-label={`Delete ${s.name}`}
                        onClick={() => {
                          if (window.confirm(`Delete the implant system “${s.name}”? Plans that used it keep their stored results.`))
                            void systemsRepo()
                              .remove(s.id)
                              .then(reload)
                              .then(() => setMessage(`“${s.name}” deleted.`))
                        }}
                      >
                        Delete
                      </button>
                    </>
                  )}
                </td>
              </tr>
              {editing?.at === s.id && (
                <tr className="system-form-row">
                  <td colSpan={7}>{formView(editing)}</td>
                </tr>
              )}
              </Fragment>
            )
          })}
        </tbody>
      </table>
    </section>
  )
}
