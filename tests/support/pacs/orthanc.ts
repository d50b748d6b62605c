// A private Orthanc PACS (with its DICOMweb plugin) for the tests: a free loopback port, a
// temporary storage folder, a configuration written here, stopped afterwards. Real server, no mock.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'

export const ORTHANC_BINARY = ['/usr/sbin/Orthanc', '/usr/bin/Orthanc'].find((p) => existsSync(p)) ?? 'Orthanc'
export const DICOMWEB_PLUGIN = '/usr/share/orthanc/plugins/libOrthancDicomWeb.so'

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

export interface RunningOrthanc {
  /** http://127.0.0.1:PORT */
  url: string
  dicomWebUrl: string
  /** Authorization header for Orthanc's own REST API (when users are registered). */
  authHeader: Record<string, string>
  upload(file: Uint8Array): Promise<{ ID: string }>
  rest(pathname: string): Promise<Response>
  stop(): Promise<void>
}

export async function startOrthanc(options: { users?: Record<string, string> } = {}): Promise<RunningOrthanc> {
  if (!existsSync(DICOMWEB_PLUGIN)) {
    throw new Error('The PACS tests need Orthanc with its DICOMweb plugin: apt-get install -y orthanc orthanc-dicomweb (.ci/run does this).')
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'osseoplan-orthanc-'))
  const [httpPort, dicomPort] = [await freePort(), await freePort()]
  const config = {
    Name: 'osseoplan-test',
    StorageDirectory: path.join(dir, 'db'),
    IndexDirectory: path.join(dir, 'db'),
    HttpPort: httpPort,
    DicomPort: dicomPort,
    RemoteAccessAllowed: false,
    AuthenticationEnabled: Boolean(options.users),
    ...(options.users ? { RegisteredUsers: options.users } : {}),
    Plugins: [DICOMWEB_PLUGIN],
    DicomWeb: { Enable: true, Root: '/dicom-web/' },
    ConcurrentJobs: 1,
    HttpThreadsCount: 10
  }
  const configFile = path.join(dir, 'orthanc.json')
  await writeFile(configFile, JSON.stringify(config))
  const child: ChildProcess = spawn(ORTHANC_BINARY, [configFile], { stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000)
  })
  const url = `http://127.0.0.1:${httpPort}`
  const [user, password] = Object.entries(options.users ?? {})[0] ?? []
  const authHeader: Record<string, string> = user ? { authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` } : {}
  const deadline = Date.now() + 30_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Orthanc exited at start: ${stderr}`)
    try {
      const res = await fetch(`${url}/system`, { headers: authHeader })
      if (res.ok) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`Orthanc did not start within 30 s: ${stderr}`)
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  return {
    url,
    dicomWebUrl: `${url}/dicom-web`,
    authHeader,
    async upload(file) {
      const res = await fetch(`${url}/instances`, { method: "POST", body: new Blob([file as Uint8Array<ArrayBuffer>]), headers: authHeader })
      if (!res.ok) throw new Error(`upload failed: HTTP ${res.status} ${await res.text()}`)
      return (await res.json()) as { ID: string }
    },
    rest: (pathname) => fetch(`${url}${pathname}`, { headers: authHeader }),
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r))
        child.kill('SIGTERM')
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))])
        if (child.exitCode === null) child.kill('SIGKILL')
      }
      await rm(dir, { recursive: true, force: true })
    }
  }
}
