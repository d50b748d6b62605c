// The library's search box and filters. The search box is an ordinary controlled input: what is
// typed shows at once; the list follows as a deferred update (LibraryPage).
import { memo, useId, type ReactNode } from 'react'
import { PLAN_STATUSES } from '../../db/types'
import { IsoDateField } from './IsoDateField'
import type { LibraryCounts, LibraryQuery, SortKey } from './library-query'
import { levelLabel } from './plan-labels'

/** A labelled filter control; the label is tied by id, so its name is exactly the label text. */
function FilterField({ label, className, children }: { label: string; className?: string; children: (id: string) => ReactNode }) {
  const id = useId()
  return (
    <div className={className ? `filter ${className}` : 'filter'}>
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  )
}

export function LibraryFilters({
  query,
  update,
  counts,
  levels,
  systems
}: {
  query: LibraryQuery
  update: (patch: Partial<LibraryQuery>) => void
  counts: LibraryCounts
  levels: readonly string[]
  /** [id, name] of every system in the library. */
  systems: readonly (readonly [string, string])[]
}) {
  const { text, ...rest } = query
  return (
    <form className="library-filters" role="search" aria-label="Find plans" onSubmit={(e) => e.preventDefault()}>
      <FilterField label="Search" className="search">
        {(id) => <input id={id} type="search" value={text} placeholder="Patient code, surgeon, notes…" onChange={(e) => update({ text: e.target.value })} />}
      </FilterField>
      <OtherFilters {...rest} update={update} counts={counts} levels={levels} systems={systems} />
    </form>
  )
}

/** Every filter but the search box: memoised, so that typing a search re-renders only the box. */
const OtherFilters = memo(function OtherFilters({
  update,
  counts,
  levels,
  systems,
  ...query
}: Omit<LibraryQuery, 'text'> & {
  update: (patch: Partial<LibraryQuery>) => void
  counts: LibraryCounts
  levels: readonly string[]
  systems: readonly (readonly [string, string])[]
}) {
  return (
    <>
      <FilterField label="Level">
        {(id) => (
          <select id={id} value={query.level} onChange={(e) => update({ level: e.target.value })}>
            <option value="">All levels</option>
            {levels.map((l) => (
              <option key={l} value={l}>
                {levelLabel(l)}
              </option>
            ))}
          </select>
        )}
      </FilterField>
      <FilterField label="Side">
        {(id) => (
          <select id={id} value={query.side} onChange={(e) => update({ side: e.target.value })}>
            <option value="">Both sides</option>
            <option value="left">left</option>
            <option value="right">right</option>
          </select>
        )}
      </FilterField>
      <FilterField label="Implant system">
        {(id) => (
          <select id={id} value={query.systemId} onChange={(e) => update({ systemId: e.target.value })}>
            <option value="">All systems</option>
            {systems.map(([systemId, name]) => (
              <option key={systemId} value={systemId}>
                {name}
              </option>
            ))}
          </select>
        )}
      </FilterField>
      <FilterField label="Status">
        {(id) => (
          <select id={id} value={query.status} onChange={(e) => update({ status: e.target.value as LibraryQuery['status'] })}>
            <option value="">All statuses</option>
            {PLAN_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s} ({counts.byStatus[s]})
              </option>
            ))}
          </select>
        )}
      </FilterField>
      <IsoDateField label="Updated from" value={query.from} onChange={(from) => update({ from })} />
      <IsoDateField label="Updated to" value={query.to} onChange={(to) => update({ to })} />
      <FilterField label="Sort by">
        {(id) => (
          <select id={id} value={query.sort} onChange={(e) => update({ sort: e.target.value as SortKey })}>
            <option value="updated-desc">Last updated, newest first</option>
            <option value="updated-asc">Last updated, oldest first</option>
            <option value="created-desc">Created, newest first</option>
            <option value="patient-asc">Patient code</option>
            <option value="status">Status</option>
          </select>
        )}
      </FilterField>
      <label className="check">
        <input type="checkbox" checked={query.showArchived} onChange={(e) => update({ showArchived: e.target.checked })} />
        <span>Show archived ({counts.archived})</span>
      </label>
    </>
  )
})
