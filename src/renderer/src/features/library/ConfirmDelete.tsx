// Deleting a plan asks first (Cancel has focus); after it, the library still offers Undo.
import { useEffect, useRef } from 'react'
import { keepTabInside } from '../../components/focus-trap'

export function ConfirmDelete({ name, onConfirm, onClose }: { name: string; onConfirm: () => void; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null)
  const cancel = useRef<HTMLButtonElement>(null)
  const opener = useRef<Element | null>(document.activeElement)

  useEffect(() => {
    const d = dialog.current
    if (d && !d.open) d.showModal()
    cancel.current?.focus()
    const back = opener.current
    return () => {
      if (back instanceof HTMLElement && back.isConnected) back.focus()
    }
  }, [])

  return (
    <dialog ref={dialog} role="alertdialog" className="confirm-dialog" aria-labelledby="confirm-delete-title" aria-describedby="confirm-delete-text" onClose={onClose} onCancel={onClose} onKeyDown={keepTabInside}>
      <h2 id="confirm-delete-title">Delete the plan for {name}?</h2>
      <p id="confirm-delete-text">The plan, its revisions and its unsaved draft are removed from this computer. You can undo this straight after; to keep a plan out of the list without deleting it, archive it instead.</p>
      <div className="confirm-actions">
        <button ref={cancel} type="button" onClick={() => dialog.current?.close()}>
          Cancel
        </button>
        <button
          type="button"
          className="danger"
          onClick={() => {
            onConfirm()
            dialog.current?.close()
          }}
        >
          Delete plan
        </button>
      </div>
    </dialog>
  )
}
