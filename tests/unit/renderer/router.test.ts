import { describe, expect, it } from 'vitest'
import { parseRoute, routeHash } from '../../../src/renderer/src/router'

describe('hash routes', () => {
  it('round-trips every route', () => {
    for (const route of [{ name: 'library' }, { name: 'settings' }, { name: 'editor', planId: 'abc123' }, { name: 'summary', planId: 'abc' }, { name: 'summary', planId: 'abc', revisionId: 'r1' }, { name: 'theatre', planId: 'abc' }, { name: 'theatre', planId: 'abc', revisionId: 'r1' }] as const) {
      expect(parseRoute(routeHash(route))).toEqual(route)
    }
  })
  it('sends anything unknown or malformed to the library', () => {
    for (const hash of ['', '#', '#/nope', '#/plans/', '#/plans/../x', '#/plans/<script>', '#/plans/a/summary/', '#/plans/a/summary/b/c', '#/plans/a/theatre/', `#/plans/${'a'.repeat(65)}`]) {
      expect(parseRoute(hash)).toEqual({ name: 'library' })
    }
  })
})
