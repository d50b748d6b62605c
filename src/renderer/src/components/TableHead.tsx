// A table's header row: one column header per label, and optionally a last column for row
// actions whose header is read by screen readers only.
export function TableHead({ columns, actions }: { columns: readonly string[]; actions?: string }) {
  return (
    <thead>
      <tr>
        {columns.map((label) => (
          <th key={label} scope="col">
            {label}
          </th>
        ))}
        {actions && (
          <th scope="col">
            <span className="visually-hidden">{actions}</span>
          </th>
        )}
      </tr>
    </thead>
  )
}
