// Implant system (catalogue from the settings) and the loading protocol. Systems made for the
// chosen bone are listed first; a case file may also carry its own system (shown read-only).
import { LEVEL_BONES, type Bone, type Level } from '../../../../../shared/case/types'
import { PROTOCOL_IDS, PROTOCOLS } from '../../../../../shared/profile/protocols'
import { SelectInput } from '../../../components/TextInput'
import { usePlanningContext } from '../../settings/planning-context'
import { useEditorForm, useField } from '../form-context'
import { systemDisplayName } from '../../../../../shared/catalog/display-name'

export function ImplantSection() {
  const { draft, errors } = useEditorForm()
  const { systems } = usePlanningContext()
  const level = draft.limb?.level as Level | undefined
  const bone = (draft.limb?.bone ?? (level ? LEVEL_BONES[level]?.[0] : undefined)) as Bone | undefined
  const fits = systems.filter((s) => bone && s.bones.includes(bone))
  const others = systems.filter((s) => !fits.includes(s))
  const label = (s: (typeof systems)[number]) => `${systemDisplayName(s)}${bone && !s.bones.includes(bone) ? ` — not for the ${bone}` : ''}`
  const carried = draft.implant && 'system' in draft.implant ? draft.implant.system : undefined
  const chosen = systems.find((s) => s.id === (draft.implant as { systemId?: string } | undefined)?.systemId)
  const systemField = useField('implant.systemId')
  return (
    <div className="ed-grid">
      {carried ? (
        <p className="ed-carried">
          This case file carries its own implant system: <strong>{carried.name ?? carried.id}</strong>. It is used as is.
        </p>
      ) : (
        <SelectInput
          label="Implant system"
          {...systemField}
          missing={systemField.missing ?? errors.required.get('implant') ?? null}
          choices={[...fits, ...others].map((s) => ({ value: s.id, label: label(s) }))}
        />
      )}
      {chosen?.label && <p className="ed-system-label">{chosen.label}</p>}
      <SelectInput
        label="Loading protocol"
        {...useField('protocolId')}
        choices={PROTOCOL_IDS.map((id) => ({ value: id, label: PROTOCOLS[id].name }))}
        placeholder="— default (system or site profile) —"
      />
    </div>
  )
}
