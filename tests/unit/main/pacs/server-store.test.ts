import { describe, expect, it } from 'vitest'
import { createServerStore, type SecretBox } from '../../../../src/main/pacs/server-store'
import { checkServerUrl } from '../../../../src/main/pacs/server-url'

function memoryFs() {
  const files = new Map<string, { data: string; mode: number }>()
  return {
    files,
    fs: {
      readFile: async (file: string) => {
        const f = files.get(file)
        if (!f) throw new Error('ENOENT')
        return f.data
      },
      writeFile: async (file: string, data: string, options: { mode: number }) => void files.set(file, { data, mode: options.mode }),
      rename: async (from: string, to: string) => {
        files.set(to, files.get(from)!)
        files.delete(from)
      }
    }
  }
}

// Stands in for safeStorage: reversible, and visibly not the plain text.
const box = (available = true): SecretBox => ({
  isEncryptionAvailable: () => available,
  encryptString: (plain) => Buffer.from(`enc:${Buffer.from(plain).toString('hex')}`),
  decryptString: (enc) => Buffer.from(enc.toString().slice(4), 'hex').toString()
})

function store(available = true) {
  const mem = memoryFs()
  let n = 0
  return { mem, store: createServerStore({ file: '/data/image-servers.json', fs: mem.fs, box: box(available), newId: () => `server-${++n}` }) }
}

describe('image server addresses', () => {
  it('accepts https anywhere and plain http only on this computer', () => {
    expect(checkServerUrl('https://pacs.example.org/dicom-web/')).toEqual({ ok: true, baseUrl: 'https://pacs.example.org/dicom-web', loopback: false })
    expect(checkServerUrl('http://127.0.0.1:8042/dicom-web')).toEqual({ ok: true, baseUrl: 'http://127.0.0.1:8042/dicom-web', loopback: true })
    expect(checkServerUrl('http://localhost/dicom-web')).toMatchObject({ ok: true, loopback: true })
    expect(checkServerUrl('http://[::1]:8042/')).toMatchObject({ ok: true, loopback: true })
    for (const bad of ['http://pacs.example.org/dicom-web', 'http://10.0.0.5/dicom-web', 'http://127.0.0.1.evil.com/', 'ftp://127.0.0.1/', 'file:///etc/passwd', 'javascript:alert(1)', 'https://user:pw@pacs.example.org/', 'https://pacs.example.org/?x=1', '', 'not a url']) {
      expect(checkServerUrl(bad).ok, bad).toBe(false)
    }
  })
})

describe('image server store', () => {
  it('keeps the password encrypted on disk and never gives it to the renderer', async () => {
    const { mem, store: s } = store()
    const saved = await s.save({ label: 'Hospital PACS', baseUrl: 'https://pacs.example.org/dicom-web', auth: 'basic', username: 'surgeon', secret: 'S3cret!' })
    expect(saved).toEqual({ ok: true, server: { id: 'server-1', label: 'Hospital PACS', baseUrl: 'https://pacs.example.org/dicom-web', loopback: false, auth: 'basic', username: 'surgeon', hasSecret: true } })
    const onDisk = mem.files.get('/data/image-servers.json')!
    expect(onDisk.data).not.toContain('S3cret!')
    expect(onDisk.mode).toBe(0o600)
    expect(JSON.stringify(await s.list())).not.toContain('S3cret')
    const conn = await s.connection('server-1')
    expect(conn?.connection.authorization).toBe(`Basic ${Buffer.from('surgeon:S3cret!').toString('base64')}`)
  })

  it('keeps the stored secret when an edit leaves it empty, and asks for one when the kind changes', async () => {
    const { store: s } = store()
    await s.save({ label: 'A', baseUrl: 'https://a.example/dw', auth: 'bearer', secret: 'tok' })
    expect(await s.save({ id: 'server-1', label: 'A renamed', baseUrl: 'https://a.example/dw', auth: 'bearer' })).toMatchObject({ ok: true, server: { label: 'A renamed', hasSecret: true } })
    expect((await s.connection('server-1'))?.connection.authorization).toBe('Bearer tok')
    expect(await s.save({ id: 'server-1', label: 'A', baseUrl: 'https://a.example/dw', auth: 'basic', username: 'u' })).toMatchObject({ ok: false, field: 'secret' })
  })

  it('refuses to keep a secret when the computer has no secure storage', async () => {
    const { mem, store: s } = store(false)
    expect(await s.save({ label: 'A', baseUrl: 'https://a.example/dw', auth: 'basic', username: 'u', secret: 'pw' })).toMatchObject({ ok: false, field: 'secret', message: expect.stringContaining('no secure storage') })
    expect(mem.files.size).toBe(0)
    expect(await s.save({ label: 'A', baseUrl: 'http://127.0.0.1:8042/dicom-web', auth: 'none' })).toMatchObject({ ok: true, server: { loopback: true } })
  })

  it('gives field-level errors and changes nothing on bad input', async () => {
    const { mem, store: s } = store()
    expect(await s.save({ label: ' ', baseUrl: 'https://a.example', auth: 'none' })).toMatchObject({ ok: false, field: 'label' })
    expect(await s.save({ label: 'A', baseUrl: 'http://a.example', auth: 'none' })).toMatchObject({ ok: false, field: 'baseUrl', message: expect.stringContaining('https') })
    expect(await s.save({ label: 'A', baseUrl: 'https://a.example', auth: 'basic', secret: 'x' })).toMatchObject({ ok: false, field: 'username' })
    await s.save({ label: 'A', baseUrl: 'https://a.example', auth: 'none' })
    expect(await s.save({ label: 'a', baseUrl: 'https://b.example', auth: 'none' })).toMatchObject({ ok: false, field: 'label', message: expect.stringContaining('already') })
    expect(JSON.parse(mem.files.get('/data/image-servers.json')!.data).servers).toHaveLength(1)
  })

  it('removes a server, and ignores a tampered file entry instead of trusting it', async () => {
    const { mem, store: s } = store()
    await s.save({ label: 'A', baseUrl: 'https://a.example', auth: 'none' })
    expect(await s.remove('server-1')).toBe(true)
    expect(await s.list()).toEqual([])
    mem.files.set('/data/image-servers.json', { mode: 0o600, data: JSON.stringify({ servers: [{ id: 'x', label: 'Evil', baseUrl: 'http://10.1.2.3/', auth: 'none', username: '' }] }) })
    const fresh = createServerStore({ file: '/data/image-servers.json', fs: mem.fs, box: box(), newId: () => 'n' })
    expect(await fresh.list()).toEqual([])
  })
})
