// The form's sections, in a fixed order the surgeon may fill in any order; the navigation
// above them says which still need something.
import { memo, type FormEvent, type ReactNode } from 'react'
import { useMetaSelect } from './form-context'
import { SECTIONS, type SectionId } from './field-errors'
import { PatientSection } from './sections/PatientSection'
import { LimbSection } from './sections/LimbSection'
import { ImagingSection } from './sections/ImagingSection'
import { BoneSection } from './sections/BoneSection'
import { SoftTissueSection } from './sections/SoftTissueSection'
import { NotesField, ProsthesisSection } from './sections/ProsthesisSection'
import { ImplantSection } from './sections/ImplantSection'

const BODIES: Record<SectionId, () => ReactNode> = {
  patient: () => <PatientSection />,
  limb: () => <LimbSection />,
  imaging: () => <ImagingSection />,
  bone: () => <BoneSection />,
  soft: () => <SoftTissueSection />,
  prosthesis: () => <ProsthesisSection />,
  implant: () => <ImplantSection />,
  protocol: () => <NotesField />
}

const ORDER: SectionId[] = ['limb', 'patient', 'imaging', 'bone', 'soft', 'prosthesis', 'implant', 'protocol']
const TITLE = Object.fromEntries(SECTIONS.map((s) => [s.id, s.title])) as Record<SectionId, string>
TITLE.protocol = 'Notes'

export const sectionDomId = (id: SectionId) => `sec-${id}`

function useSectionState(id: SectionId): { missing: number; invalid: number } {
  // A string snapshot: the item re-renders only when its counts change.
  const key = useMetaSelect(({ errors }) => {
    const missing = errors.missingBySection.find((s) => s.id === id)?.paths.length ?? 0
    const prefixes = SECTIONS.find((s) => s.id === id)?.prefixes as readonly string[]
    const invalid = [...errors.byPath.keys()].filter((p) => prefixes.includes(p.split(/[.[]/)[0] ?? '')).length
    return `${missing}/${invalid}`
  })
  const [missing, invalid] = key.split('/').map(Number) as [number, number]
  return { missing, invalid }
}

function NavItem({ id }: { id: SectionId }) {
  const { missing, invalid } = useSectionState(id)
  const state = invalid > 0 ? `${invalid} to fix` : missing > 0 ? `${missing} needed` : 'complete'
  return (
    <li>
      <button
        type="button"
        className={`ed-nav-item ${invalid > 0 ? 'bad' : missing > 0 ? 'todo' : 'done'}`}
        onClick={() => {
          const el = document.getElementById(sectionDomId(id))
          el?.scrollIntoView({ block: 'start' })
          el?.querySelector<HTMLElement>('input, select, textarea')?.focus({ preventScroll: true })
        }}
      >
        {TITLE[id]} <span className="ed-nav-state">({state})</span>
      </button>
    </li>
  )
}

export const SectionNav = memo(function SectionNav() {
  return (
    <nav aria-label="Case sections" className="ed-nav no-print">
      <ul>
        {ORDER.map((id) => (
          <NavItem key={id} id={id} />
        ))}
      </ul>
    </nav>
  )
})

const preventSubmit = (e: FormEvent) => e.preventDefault()

export const Sections = memo(function Sections() {
  return (
    <>
      {ORDER.map((id) => (
        <section key={id} id={sectionDomId(id)} className="ed-section" aria-labelledby={`${sectionDomId(id)}-h`}>
          <h2 id={`${sectionDomId(id)}-h`}>{TITLE[id]}</h2>
          <form className="ed-section-form" onSubmit={preventSubmit} noValidate>
            {BODIES[id]()}
          </form>
        </section>
      ))}
    </>
  )
})
