import { describe, expect, it, vi } from 'vitest'
import type { PacsActions } from '../../../../src/main/pacs/pacs-actions'
import { createPacsHandlers } from '../../../../src/main/pacs/pacs-handlers'
import type { InvokeEvent } from '../../../../src/main/ipc-handlers'
import { PACS_CHANNELS } from '../../../../src/shared/pacs-contract'

const origins = ['app://osseoplan']
const event = (url: string, parent: unknown = null): InvokeEvent => ({ sender: {} as InvokeEvent['sender'], senderFrame: { url, parent } })

describe('image-server bridge handlers', () => {
  const searchStudies = vi.fn(async () => ({ ok: true, studies: [] }))
  const handlers = createPacsHandlers({ searchStudies } as unknown as PacsActions, origins)
  const search = handlers[PACS_CHANNELS.pacsSearchStudies]!

  it('runs a valid request from the app', async () => {
    await search(event('app://osseoplan/index.html'), { serverId: 'server-1', query: { patientId: 'H-1' } })
    expect(searchStudies).toHaveBeenCalledWith({ serverId: 'server-1', query: { patientId: 'H-1' } })
  })
  it('refuses another origin, a subframe and a bad payload before anything runs', async () => {
    searchStudies.mockClear()
    await expect(search(event('https://evil.example/'), { serverId: 'server-1', query: { patientId: 'H-1' } })).rejects.toThrow(/not the app/)
    await expect(search(event('app://osseoplan/index.html', {}), { serverId: 'server-1', query: { patientId: 'H-1' } })).rejects.toThrow(/top-level/)
    await expect(search(event('app://osseoplan/index.html'), { serverId: 'server-1', url: 'http://10.0.0.1/' })).rejects.toThrow(/rejected/)
    expect(searchStudies).not.toHaveBeenCalled()
  })
})
