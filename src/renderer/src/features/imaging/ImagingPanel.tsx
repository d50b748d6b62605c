// Radiographs of the plan: open (file input or drag and drop), choose one, measure on it.
// Loaded lazily with the editor's imaging section (ImagingMount.tsx).
import { useCallback, useEffect, useRef, useState, type DragEvent } from 'react'
import { IMAGE_LIMITS, type ImagePlane } from '../../../../shared/imaging'
import { megabytes } from '../../../../shared/imaging/limits'
import type { PlanResult } from '../../../../shared/result'
import { imagesRepo, storageErrorMessage } from '../../db'
import type { ImageRow, ImageWithPixels } from '../../db/image-types'
import { imageLabel } from '../../db/images-repo'
import { ImageWorkspace } from './ImageWorkspace'
import { imageSideKey } from './image-edit'
import { useEditorStore } from '../editor/form-context'
import { importImage } from './load-file'
import { markOpen } from './open-marks'
import { afterNextPaint } from '../../when-idle'
import { PacsFetch } from '../pacs/PacsFetch'
import './imaging.css'

type Listed = ImageRow

const PLANE_LABELS: Record<ImagePlane, string> = { single: 'One plane', AP: 'AP', Lat: 'Lateral' }

export default function ImagingPanel({ planId, readOnly, result }: { planId: string; readOnly: boolean; result: PlanResult | null }) {
  const editor = useEditorStore()
  const [images, setImages] = useState<Listed[]>([])
  const [selected, setSelected] = useState<ImageWithPixels | null>(null)
  const [plane, setPlane] = useState<ImagePlane>('single')
  const [errors, setErrors] = useState<string[]>([])
  const [busy, setBusy] = useState(false)
  /** The id of an image shown while it is being stored (read-only until stored). */
  const [saving, setSaving] = useState<string | null>(null)
  const [frameAsk, setFrameAsk] = useState<{ name: string; bytes: Uint8Array; count: number; frame: number } | null>(null)

  /** How many images the plan has stored (labels the one being stored meanwhile). */
  const stored = useRef(0)

  /** `shown`: an image just stored, shown from memory (reading 18 MB back would double the wait). */
  const refresh = useCallback(async (select?: string, shown?: ImageWithPixels) => {
    const list = await imagesRepo().list(planId)
    stored.current = list.length
    setImages(list)
    const id = select ?? list[list.length - 1]?.id
    setSelected(shown && shown.id === id ? shown : id ? ((await imagesRepo().get(id)) ?? null) : null)
  }, [planId])

  useEffect(() => {
    void refresh()
  }, [refresh])

  const store = async (name: string, bytes: Uint8Array, frame?: number, pacsSource?: ImageRow['pacsSource']): Promise<string | null> => {
    let shownId: string | null = null
    const before = selected
    try {
      // Shown as soon as it is read; stored meanwhile, and not editable until it is stored.
      const r = await importImage(imagesRepo(), planId, bytes, plane, frame, pacsSource, (image) => {
        shownId = image.id
        setSaving(image.id)
        setSelected({ ...image, label: imageLabel(plane, stored.current + 1) })
        // Stored once the first frame is on screen (the 18 MB write then does not delay it), or
        // after a second when no frame comes (a hidden window): it is stored either way.
        return afterNextPaint(1000)
      })
      if (!r.ok) {
        if (r.frameCount) setFrameAsk({ name, bytes, count: r.frameCount, frame: 1 })
        return `${name}: ${r.error}`
      }
      setSaving(null)
      await refresh(r.row.id, { ...r.row, pixels: r.pixels })
      return null
    } catch (e) {
      if (shownId === null) return `${name}: ${storageErrorMessage(e)}`
      // Nothing of it was written (one transaction): take it off the screen so it does not look kept.
      setSaving(null)
      setSelected((now) => (now?.id === shownId ? before : now))
      return `${name} was not saved in the plan and is no longer shown: ${storageErrorMessage(e)}`
    }
  }

  const open = async (files: FileList | File[]) => {
    setBusy(true)
    setFrameAsk(null)
    const problems: string[] = []
    for (const file of Array.from(files)) {
      if (file.size > IMAGE_LIMITS.maxFileBytes) {
        problems.push(`${file.name}: the file is ${megabytes(file.size)}; OsseoPlan opens images up to ${megabytes(IMAGE_LIMITS.maxFileBytes)}.`)
        continue
      }
      markOpen('start')
      const bytes = new Uint8Array(await file.arrayBuffer())
      markOpen('read')
      const p = await store(file.name, bytes)
      if (p) problems.push(p)
    }
    setErrors(problems)
    setBusy(false)
  }

  const onDrop = (e: DragEvent) => {
    e.preventDefault()
    // One opening at a time (the file input is disabled meanwhile; a drop must wait as well).
    if (!readOnly && !busy && e.dataTransfer.files.length > 0) void open(e.dataTransfer.files)
  }

  const remove = async (id: string) => {
    try {
      await imagesRepo().remove(id)
      // Its values stay in the case as typed values; the image no longer follows a typed factor.
      editor.forgetSide(imageSideKey(id))
      await refresh()
    } catch (e) {
      setErrors([storageErrorMessage(e)])
    }
  }

  return (
    <div className="im-panel" data-testid="imaging-panel" onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
      <div className="im-open">
        <label className="im-file">
          Open radiograph (DICOM, PNG or JPEG)…
          <input
            type="file"
            accept=".dcm,.dicom,.png,.jpg,.jpeg,application/dicom,image/png,image/jpeg"
            multiple
            disabled={readOnly || busy}
            data-testid="image-file-input"
            onChange={(e) => {
              if (e.target.files) void open(e.target.files)
              e.target.value = ''
            }}
          />
        </label>
        <label>
          The image shows{' '}
          <select value={plane} onChange={(e) => setPlane(e.target.value as ImagePlane)} disabled={readOnly}>
            {(Object.keys(PLANE_LABELS) as ImagePlane[]).map((p) => (
              <option key={p} value={p}>
                {PLANE_LABELS[p]}
              </option>
            ))}
          </select>
        </label>
        <span className="im-note">or drop files here. Names, IDs and dates in DICOM files are not kept.</span>
      </div>
      <PacsFetch disabled={readOnly || busy} onFetched={(name, bytes, source) => store(name, bytes, undefined, source)} />
      {busy && <p role="status">{saving ? 'Saving the image in the plan…' : 'Opening…'}</p>}
      {errors.length > 0 && (
        <ul className="im-error" role="alert" data-testid="image-errors">
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
      {frameAsk && (
        <div className="im-frame" role="group" aria-label="Choose a frame">
          <label>
            Frame (1 to {frameAsk.count}){' '}
            <input type="number" min={1} max={frameAsk.count} value={frameAsk.frame} onChange={(e) => setFrameAsk({ ...frameAsk, frame: Number(e.target.value) })} />
          </label>
          <button
            type="button"
            onClick={() => {
              const ask = frameAsk
              setFrameAsk(null)
              void store(ask.name, ask.bytes, ask.frame - 1).then((p) => setErrors(p ? [p] : []))
            }}
          >
            Open this frame
          </button>
        </div>
      )}
      {images.length > 0 && (
        <div className="im-tabs" role="tablist" aria-label="Radiographs of this plan">
          {images.map((img) => (
            <button key={img.id} type="button" role="tab" aria-selected={selected?.id === img.id} onClick={() => void imagesRepo().get(img.id).then((r) => setSelected(r ?? null))}>
              {img.label}
            </button>
          ))}
        </div>
      )}
      {selected && <ImageWorkspace key={selected.id} row={selected} result={result} saving={saving === selected.id} onRemove={() => void remove(selected.id)} />}
    </div>
  )
}
