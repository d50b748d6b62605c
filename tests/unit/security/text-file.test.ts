// One text reader for every entry point: the browser's file picker goes through the same
// decodeTextFile as the desktop bridge and the plan command (UTF-8 BOM, UTF-16, one message).
import { describe, expect, it } from 'vitest'
import { openTextFile } from '../../../src/renderer/src/platform'
import { NOT_UTF8_TEXT, decodeTextFile } from '../../../src/shared/text-file'

const json = '{"format":"osseoplan.case","notes":"Ø 18.5 mm"}'
const utf8 = new TextEncoder().encode(json)
const utf16le = new Uint8Array(Buffer.from(json, 'utf16le'))
const utf16be = new Uint8Array(Buffer.from(json, 'utf16le').swap16())

describe('decodeTextFile', () => {
  it('reads UTF-8 with and without a byte-order mark, and UTF-16 LE/BE with one', () => {
    for (const bytes of [utf8, new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]), new Uint8Array([0xff, 0xfe, ...utf16le]), new Uint8Array([0xfe, 0xff, ...utf16be])]) {
      expect(decodeTextFile(bytes)).toEqual({ ok: true, text: json })
    }
  })
  it('refuses UTF-16 without a mark, Latin-1, odd-length UTF-16 and NUL bytes with one plain sentence', () => {
    for (const bytes of [utf16le, utf16be, new Uint8Array([0x7b, 0xd8, 0x7d]), new Uint8Array([0xff, 0xfe, 0x7b]), new Uint8Array([0x7b, 0, 0x7d])]) {
      expect(decodeTextFile(bytes)).toEqual({ ok: false, problem: NOT_UTF8_TEXT })
    }
  })
})

describe('the browser file picker', () => {
  it('reads through the same decoder', async () => {
    expect(await openTextFile(new File([new Uint8Array([0xff, 0xfe, ...utf16le])], 'case.json'))).toEqual({ ok: true, name: 'case.json', content: json })
    expect(await openTextFile(new File([new Uint8Array([0xef, 0xbb, 0xbf, ...utf8])], 'case.json'))).toEqual({ ok: true, name: 'case.json', content: json })
    expect(await openTextFile(new File([utf16le], 'case.json'))).toEqual({ ok: false, reason: 'error', message: `case.json: ${NOT_UTF8_TEXT}` })
  })
})
