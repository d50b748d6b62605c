import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { mimeTypeFor, resolveAppPath } from '../../../src/main/app-protocol'

const root = path.resolve('/srv/osseoplan/renderer')

describe('app:// path resolver', () => {
  it('serves files inside the renderer folder', () => {
    expect(resolveAppPath('app://osseoplan/index.html', root)).toBe(path.join(root, 'index.html'))
    expect(resolveAppPath('app://osseoplan/', root)).toBe(path.join(root, 'index.html'))
    expect(resolveAppPath('app://osseoplan/assets/index-abc.js', root)).toBe(path.join(root, 'assets', 'index-abc.js'))
    expect(resolveAppPath('app://osseoplan/index.html?x=1#/plans', root)).toBe(path.join(root, 'index.html'))
  })
  it('refuses traversal, encoded dots, absolute, drive and UNC paths', () => {
    const hostile = [
      'app://osseoplan/../secret.txt',
      'app://osseoplan/%2e%2e/secret.txt',
      'app://osseoplan/assets/%2E%2E/%2E%2E/etc/passwd',
      'app://osseoplan/..%2f..%2fetc%2fpasswd',
      'app://osseoplan/..%5c..%5cwindows%5cwin.ini',
      'app://osseoplan/C:/Windows/win.ini',
      'app://osseoplan/%5c%5cserver%5cshare%5cfile',
      'app://osseoplan//etc/passwd/..',
      'app://osseoplan/%00index.html',
      'app://osseoplan/%E0%A4%A',
      'app://evil/index.html',
      'not a url'
    ]
    for (const url of hostile) {
      const resolved = resolveAppPath(url, root)
      if (resolved !== null) expect(resolved.startsWith(root + path.sep)).toBe(true)
    }
    // The URL parser itself folds %2e%2e into a dot segment at the top, which stays inside.
    expect(resolveAppPath('app://osseoplan/%2e%2e/secret.txt', root)).toBe(path.join(root, 'secret.txt'))
    expect(resolveAppPath('app://osseoplan/..%2f..%2fetc%2fpasswd', root)).toBeNull()
    expect(resolveAppPath('app://osseoplan/..%5c..%5cwindows%5cwin.ini', root)).toBeNull()
    expect(resolveAppPath('app://osseoplan/C:/Windows/win.ini', root)).toBeNull()
    expect(resolveAppPath('app://osseoplan/%5c%5cserver%5cshare%5cfile', root)).toBeNull()
    expect(resolveAppPath('app://osseoplan/%00index.html', root)).toBeNull()
    expect(resolveAppPath('app://osseoplan/%E0%A4%A', root)).toBeNull()
    expect(resolveAppPath('app://evil/index.html', root)).toBeNull()
    expect(resolveAppPath('not a url', root)).toBeNull()
  })
  it('names content types', () => {
    expect(mimeTypeFor('a/index.html')).toMatch(/^text\/html/)
    expect(mimeTypeFor('a/x.JS')).toMatch(/^text\/javascript/)
    expect(mimeTypeFor('a/x.css')).toMatch(/^text\/css/)
    expect(mimeTypeFor('a/x.bin')).toBe('application/octet-stream')
  })
})
