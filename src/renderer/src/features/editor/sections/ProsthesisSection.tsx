// Sound side and prosthetic components (rule R-BUILD): the sound-side length to the knee,
// floor, elbow, wrist or digit tip, and the build height of every component in the stack.
import type { Level } from '../../../../../shared/case/types'
import { fieldId } from '../../../components/field-id'
import { TextField, UnitField } from '../bound-fields'
import { useDraftAt, useEditorSelect, useEditorStore, useReadOnly } from '../form-context'
import { useFocusAfterRender } from '../../../components/use-focus-after-render'

const SOUND_TARGET: Record<Level, string> = {
  transfemoral: 'landmark to knee centre',
  transtibial: 'landmark to floor',
  transhumeral: 'landmark to elbow centre',
  transradial: 'landmark to wrist',
  thumb: 'landmark to digit tip',
  finger: 'landmark to digit tip'
}

function ComponentRow({ index }: { index: number }) {
  const store = useEditorStore()
  const readOnly = useReadOnly()
  const base = `prosthesis.components[${index}]`
  const remove = () => {
    const list = (store.draft().prosthesis?.components ?? []) as unknown[]
    store.replace('prosthesis.components', list.filter((_, i) => i !== index))
  }
  return (
    <div className="ed-row" role="group" aria-label={`Component ${index + 1}`}>
      <TextField label={`Component ${index + 1} name`} path={`${base}.name`} />
      <UnitField label={`Component ${index + 1} build height`} kind="length" path={`${base}.buildHeight`} />
      <button type="button" className="ed-remove" disabled={readOnly} aria-label={`Remove component ${index + 1}`} onClick={remove}>
        Remove
      </button>
    </div>
  )
}

export function ProsthesisSection() {
  const store = useEditorStore()
  const readOnly = useReadOnly()
  const level = useDraftAt('limb.level') as Level | undefined
  const count = useEditorSelectCount()
  const focusAfterRender = useFocusAfterRender()
  const add = () => {
    const components = (store.draft().prosthesis?.components ?? []) as unknown[]
    store.replace('prosthesis.components', [...components, {}])
    focusAfterRender(fieldId(`prosthesis.components[${components.length}].name`))
  }
  return (
    <>
      <div className="ed-grid">
        <UnitField
          label="Sound-side length"
          kind="length"
          hint={level ? `same landmark, ${SOUND_TARGET[level]}` : 'same landmark as the residual length'}
          path="prosthesis.soundSideLength"
        />
        <UnitField label="Adapter transcutaneous length" kind="length" hint="optional" path="prosthesis.adapterTranscutaneousLength" />
        <UnitField label="Prosthesis weight" kind="mass" hint="optional" path="prosthesis.weight" />
      </div>
      <h3 className="ed-subhead">Component stack (distal to the bone)</h3>
      {Array.from({ length: count }, (_, i) => (
        <ComponentRow key={i} index={i} />
      ))}
      <button type="button" onClick={add} disabled={readOnly}>
        Add component
      </button>
    </>
  )
}

/** The number of components (re-renders the list only when a row is added or removed). */
function useEditorSelectCount(): number {
  return useEditorSelect((d) => (Array.isArray(d.prosthesis?.components) ? d.prosthesis.components.length : 0))
}

export function NotesField() {
  return <TextField label="Notes" wide multiline hint="Several lines allowed: Enter starts a new line." path="notes" />
}
