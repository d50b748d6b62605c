// The library's table of matching plans, virtualised (use-row-window.ts: rows of one fixed height,
// placed by arithmetic): only the rows in view (and two either side) are in the page, so a keystroke updates about seventeen rows whether
// 1,000 or 100,000 plans match. Rows are keyed by position: a keystroke rewrites the text of the
// row elements already there instead of replacing them (a third of the layout work). The table keeps its full row count for screen readers
// (aria-rowcount / aria-rowindex). Memoised: typing re-renders it only when the matches change.
// Each row is a flex box of fixed height with layout, paint and size containment (library.css):
// a keystroke lays out the rows whose text changed, each on its own, not the whole table.
import { memo, useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react'
import { formatDateTime } from '../../../../shared/format'
import type { PlanSummary } from '../../db/types'
import { implantLabel, levelLabel, outcomeLabel, systemLabel } from './plan-labels'
import { ActionsButton, RowMenu, type MenuStart, type OpenMenu, type RowAction } from './RowActions'
import { firstListBoxHeight, useRowWindow } from './use-row-window'

const COLUMNS = ['Patient', 'Surgeon', 'Level', 'Side', 'System', 'Implant', 'Outcome', 'Status', 'Updated'] as const
/** Every row is one line of this height (library.css: cells do not wrap), so the virtualiser
 *  places rows without measuring them — measuring forced a layout of the table on every keystroke. */
const ROW_HEIGHT = 38
/** The header row. The rows are laid out as flex boxes (library.css), not by the table
 *  algorithm, so every table part names its role. The header does not change while typing. */
const Head = memo(function Head() {
  return (
    <thead role="rowgroup">
      <tr role="row" aria-rowindex={1}>
        {COLUMNS.map((label) => (
          <th key={label} role="columnheader" scope="col">
            {label}
          </th>
        ))}
        <th role="columnheader" scope="col">
          <span className="visually-hidden">Actions</span>
        </th>
      </tr>
    </thead>
  )
})

export interface PlanHandlers {
  open: (plan: PlanSummary) => void
  history: (plan: PlanSummary) => void
  theatre: (plan: PlanSummary) => void
  duplicate: (plan: PlanSummary) => void
  exportCase: (plan: PlanSummary) => void
  archive: (plan: PlanSummary) => void
  remove: (plan: PlanSummary) => void
}

export function planName(plan: PlanSummary): string {
  return plan.patientCode || 'Unnamed plan'
}

/** The row menu's actions for a plan (built only while its menu is open). */
function planActions(plan: PlanSummary, handlers: PlanHandlers): RowAction[] {
  return [
    { label: 'History', run: () => handlers.history(plan) },
    { label: 'Theatre sheet', run: () => handlers.theatre(plan) },
    { label: 'Duplicate', run: () => handlers.duplicate(plan) },
    { label: 'Export case file', run: () => handlers.exportCase(plan) },
    { label: plan.archived ? 'Unarchive' : 'Archive', run: () => handlers.archive(plan) },
    { label: 'Delete…', run: () => handlers.remove(plan), danger: true }
  ]
}

/** The list's one open menu: the plan it was opened for, at which row, from which button. */
interface OpenRowMenu {
  plan: PlanSummary
  index: number
  start: MenuStart
  button: HTMLButtonElement
}

type RowMenuOpener = (plan: PlanSummary, index: number, start: MenuStart, button: HTMLButtonElement, toggle: boolean) => void

interface RowProps {
  plan: PlanSummary
  index: number
  handlers: PlanHandlers
  customSystems: ReadonlyMap<string, string>
  /** Patient code of the plan it was duplicated from, '' when unknown or none. */
  copyOf: string
  /** This row's menu is open. */
  menuOpen: boolean
  menuId: string
  openMenu: RowMenuOpener
}

/** The full text of a cell whose text can be clipped (library.css), as its title (the patient code's
 *  on its link, which opens the plan); every known level fits its column. */
const tip = (text: string) => (text === '—' ? undefined : text)

const PlanRowView = memo(function PlanRowView({ plan, index, handlers, customSystems, copyOf, menuOpen, menuId, openMenu }: RowProps) {
  const onOpen: OpenMenu = (start, button, toggle) => openMenu(plan, index, start, button, toggle)
  const name = planName(plan)
  const system = systemLabel(plan, customSystems)
  const implant = implantLabel(plan.outcome)
  return (
    <tr role="row" data-index={index} data-plan-id={plan.id} aria-rowindex={index + 2} className={plan.archived ? 'archived' : undefined}>
      <td role="cell">
        <a href={`#/plans/${plan.id}`} title={name}>{name}</a>
        {plan.parentId && (
          <span className="tag" title="Started with “Revise” from an approved plan">
            revision
          </span>
        )}
        {plan.duplicatedFrom && (
          <span className="tag" title={copyOf ? `Made with “Duplicate”: an independent copy of ${copyOf}` : 'Made with “Duplicate”: an independent copy'}>
            {copyOf ? `copy of ${copyOf}` : 'copy'}
          </span>
        )}
        {plan.status === 'superseded' && (
          <span className="tag" title="A later approved revision replaces this plan">
            replaced
          </span>
        )}
        {plan.archived === 1 && <span className="tag">archived</span>}
      </td>
      <td role="cell" title={plan.surgeon || undefined}>{plan.surgeon || '—'}</td>
      <td role="cell">{levelLabel(plan.level)}</td>
      <td role="cell">{plan.side || '—'}</td>
      <td role="cell" title={tip(system)}>{system}</td>
      <td role="cell" className="implant" title={tip(implant)}>{implant}</td>
      <td role="cell">{plan.outcome ? <span className={`outcome outcome-${plan.outcome.status}`}>{outcomeLabel(plan.outcome)}</span> : '—'}</td>
      <td role="cell">
        <span className={`status status-${plan.status}`}>{plan.status}</span>
      </td>
      <td role="cell">{formatDateTime(plan.updatedAt)}</td>
      <td role="cell" className="actions">
        <button type="button" onClick={() => handlers.open(plan)}>
          Open
        </button>
        <ActionsButton name={name} expanded={menuOpen} menuId={menuId} onOpen={onOpen} />
      </td>
    </tr>
  )
})

export const PlanList = memo(function PlanList({
  matches,
  handlers,
  customSystems,
  codeOf
}: {
  matches: readonly PlanSummary[]
  handlers: PlanHandlers
  customSystems: ReadonlyMap<string, string>
  /** Patient code by plan id (for "copy of …"). */
  codeOf: (id: string) => string
}) {
  const scroller = useRef<HTMLDivElement>(null)
  // The first render (before the scroller is measured) already shows the screenful the box holds.
  const { first, end, before, after } = useRowWindow(scroller, matches.length, ROW_HEIGHT, 2, firstListBoxHeight)
  const menuId = useId()
  const [menu, setMenu] = useState<OpenRowMenu | null>(null)
  const openMenu = useCallback<RowMenuOpener>((plan, index, start, button, toggle) => {
    setMenu((m) => (toggle && m && m.plan.id === plan.id && m.index === index ? null : { plan, index, start, button }))
  }, [])
  const closeMenu = useCallback(() => setMenu(null), [])
  // The rows are reused for other plans as the matches change: a menu open on a row that now
  // shows another plan (or is no longer rendered) is closed, and stays closed if its plan comes back.
  const menuShown = menu !== null && menu.index >= first && menu.index < end && matches[menu.index]?.id === menu.plan.id ? menu : null
  useEffect(() => {
    if (menu && !menuShown) setMenu(null)
  }, [menu, menuShown])
  const rows: ReactNode[] = []
  for (let index = first; index < end; index++) {
    const plan = matches[index]!
    // Keyed by position: a keystroke rewrites the rows already in the page.
    rows.push(
      <PlanRowView
        key={index}
        plan={plan}
        index={index}
        handlers={handlers}
        customSystems={customSystems}
        copyOf={plan.duplicatedFrom ? codeOf(plan.duplicatedFrom) : ''}
        menuOpen={menuShown?.index === index}
        menuId={menuId}
        openMenu={openMenu}
      />
    )
  }

  return (
    <div ref={scroller} className="plan-scroll">
      {/* The rows not rendered take their height as padding (inside the scroll box, not on it). */}
      <div style={{ paddingTop: before, paddingBottom: after }}>
      <table role="table" className="plan-table" aria-rowcount={matches.length + 1}>
        <Head />
        <tbody role="rowgroup">{rows}</tbody>
      </table>
      </div>
      {menuShown && (
        <RowMenu
          key={`${menuShown.index}:${menuShown.plan.id}`}
          id={menuId}
          name={planName(matches[menuShown.index]!)}
          button={menuShown.button}
          start={menuShown.start}
          actions={() => planActions(matches[menuShown.index]!, handlers)}
          onClose={closeMenu}
        />
      )}
    </div>
  )
})
