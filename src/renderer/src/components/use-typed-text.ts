// The text of a number field: what is being typed ("7.", "12.50") stays as typed, and is only
// replaced when the stored value changed from elsewhere (undo, redo, paste, a reload).
import { useEffect, useRef, useState } from 'react'

export function useTypedText(value: unknown, format: (value: unknown) => string, onExternalChange?: (value: unknown) => void) {
  const [text, setText] = useState(() => format(value))
  const typed = useRef(value)
  useEffect(() => {
    if (value !== typed.current) {
      typed.current = value
      onExternalChange?.(value)
      setText(format(value))
    }
  }, [value, format, onExternalChange])
  /** Records a keystroke: the text as typed and the raw value it was stored as. */
  const type = (next: string, raw: unknown) => {
    setText(next)
    typed.current = raw
  }
  return { text, setText, type }
}
