// The hidden file picker behind an "Import…" button in the browser (the desktop app uses its own
// dialog): JSON files only, out of the tab order, reset after each pick so the same file can be
// chosen again.
import type { RefObject } from 'react'

export function JsonFileInput({ inputRef, label, onFile }: { inputRef: RefObject<HTMLInputElement | null>; label: string; onFile: (file: File) => void }) {
  return (
    <input
      ref={inputRef}
      type="file"
      accept=".json,application/json"
      className="visually-hidden"
      aria-label={label}
      tabIndex={-1}
      onChange={(e) => {
        const file = e.target.files?.[0]
        e.target.value = ''
        if (file) onFile(file)
      }}
    />
  )
}
