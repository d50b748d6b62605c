// Sound side and prosthetic components (rule R-BUILD): the sound-side length to the knee,
// floor, elbow, wrist or digit tip, and the build height of every component in the stack.
import type { Level } from '../../../../../shared/case/types'
import { TextInput } from '../../../components/TextInput'
import { UnitNumberInput } from '../../../components/UnitNumberInput'
import { fieldId } from '../../../components/field-id'
import { useEditorForm, useField } from '../form-context'
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
  const form = useEditorForm()
  const base = `prosthesis.components[${index}]`
  const list = (form.draft.prosthesis?.components ?? []) as unknown[]
  return (
    <div className="ed-row" role="group" aria-label={`Component ${index + 1}`}>
      <TextInput label={`Component ${index + 1} name`} {...useField(`${base}.name`)} />
      <UnitNumberInput label={`Component ${index + 1} build height`} kind="length" defaultUnit={form.units.length} {...useField(`${base}.buildHeight`)} />
      <button
        type="button"
        className="ed-remove"
        disabled={form.readOnly}
        aria-label={`Remove component ${index + 1}`}
        onClick={() => form.replace('prosthesis.components', list.filter((_, i) => i !== index))}
      >
        Remove
      </button>
    </div>
  )
}

export function ProsthesisSection() {
  const form = useEditorForm()
  const level = form.draft.limb?.level as Level | undefined
  const components = (form.draft.prosthesis?.components ?? []) as unknown[]
  const focusAfterRender = useFocusAfterRender()
  const add = () => {
    form.replace('prosthesis.components', [...components, {}])
    focusAfterRender(fieldId(`prosthesis.components[${components.length}].name`))
  }
  return (
    <>
      <div className="ed-grid">
        <UnitNumberInput
          label="Sound-side length"
          kind="length"
          defaultUnit={form.units.length}
          hint={level ? `same landmark, ${SOUND_TARGET[level]}` : 'same landmark as the residual length'}
          {...useField('prosthesis.soundSideLength')}
        />
        <UnitNumberInput label="Adapter transcutaneous length" kind="length" defaultUnit={form.units.length} hint="optional" {...useField('prosthesis.adapterTranscutaneousLength')} />
        <UnitNumberInput label="Prosthesis weight" kind="mass" defaultUnit={form.units.mass} hint="optional" {...useField('prosthesis.weight')} />
      </div>
      <h3 className="ed-subhead">Component stack (distal to the bone)</h3>
      {components.map((_, i) => (
        <ComponentRow key={i} index={i} />
      ))}
      <button type="button" onClick={add} disabled={form.readOnly}>
        Add component
      </button>
    </>
  )
}

export function NotesField() {
  return <TextInput label="Notes" wide multiline hint="Several lines allowed: Enter starts a new line." {...useField('notes')} />
}
