// A displayed number that opens its basis: the rule, the formula in words, the inputs, the
// parameters with their provenance ("site default — confirm") and the sources.
import { useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react'
import type { Basis, ParamRef } from '../../../shared/result'
import { formatParamValue } from '../../../shared/format'
import { basisInputLabel } from '../../../shared/case/field-labels'
import './components.css'

export function provenanceLabel(p: ParamRef): string {
  if (p.provenance.kind === 'published') return `published [${[p.provenance.source, ...(p.provenance.also ?? [])].join(', ')}]`
  return p.confirmed ? 'site default (confirmed)' : 'site default — confirm'
}

export function BasisDetails({ basis }: { basis: Basis }) {
  const inputs = Object.entries(basis.inputs)
  return (
    <div className="basis-details">
      <p className="basis-rule">
        {basis.formula} <span className="basis-rule-id">rule {basis.rule}</span>
      </p>
      {inputs.length > 0 && (
        <table className="basis-table">
          <caption>Inputs</caption>
          <tbody>
            {inputs.map(([name, input]) => (
              <tr key={name}>
                <th scope="row">{basisInputLabel(name)}</th>
                <td>{formatParamValue(input.value, input.unit)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {basis.parameters.length > 0 && (
        <table className="basis-table">
          <caption>Parameters</caption>
          <tbody>
            {basis.parameters.map((p) => (
              <tr key={p.key}>
                <th scope="row">{p.label ?? p.key}</th>
                <td>{formatParamValue(p.value, p.unit)}</td>
                <td className={p.provenance.kind === 'site-default' && !p.confirmed ? 'basis-unconfirmed' : undefined}>{provenanceLabel(p)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {basis.sources.length > 0 && <p className="basis-sources">Sources: {basis.sources.join(', ')}</p>}
    </div>
  )
}

/** The value as a button; activating it shows (and hides) the basis right below. */
export function BasisValue({ basis, children, name }: { basis: Basis | undefined; children: ReactNode; name: string }) {
  const [open, setOpen] = useState(false)
  const panelId = useId()
  const pop = useRef<HTMLDivElement>(null)
  // Keep the pop-up inside the column that scrolls it (the plan column clips what overflows it):
  // as wide as fits, shifted left when it would run past the right edge.
  useLayoutEffect(() => {
    const el = pop.current
    if (!open || !el) return
    el.style.left = '0px'
    el.style.maxWidth = ''
    const box = (el.parentElement?.closest('.ed-result, main') ?? document.body).getBoundingClientRect()
    const width = Math.min(el.getBoundingClientRect().width, box.width - 16)
    el.style.maxWidth = `${width}px`
    const r = el.getBoundingClientRect()
    const over = r.right - (box.right - 8)
    if (over > 0) el.style.left = `${-Math.min(over, r.left - box.left - 8)}px`
  }, [open])
  if (!basis) return <span className="basis-plain">{children}</span>
  return (
    <div className="basis-wrap">
      <button
        type="button"
        className="basis-btn"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setOpen(false)
        }}
      >
        {children}
        <span className="visually-hidden"> (show the basis of {name})</span>
      </button>
      {open && (
        <div id={panelId} ref={pop} role="region" aria-label={`Basis of ${name}`} className="basis-pop">
          <BasisDetails basis={basis} />
        </div>
      )}
    </div>
  )
}
