// A hash router: the app never navigates (the main process denies it), so routes live in the
// URL fragment. Routes: #/plans, #/plans/<id>, #/plans/<id>/summary[/<revisionId>],
// #/plans/<id>/theatre[/<revisionId>] (the one-page theatre sheet), #/settings,
// #/plans/<id>/outcomes (operation, follow-up, events), #/audit.
import { useSyncExternalStore } from 'react'

export type Route =
  | { name: 'library' }
  | { name: 'editor'; planId: string }
  | { name: 'summary'; planId: string; revisionId?: string }
  | { name: 'theatre'; planId: string; revisionId?: string }
  | { name: 'settings' }
  | { name: 'outcomes'; planId: string }
  | { name: 'audit' }

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '')
  const plan = /^\/plans\/([A-Za-z0-9_-]{1,64})$/.exec(path)
  if (plan?.[1]) return { name: 'editor', planId: plan[1] }
  const printed = /^\/plans\/([A-Za-z0-9_-]{1,64})\/(summary|theatre)(?:\/([A-Za-z0-9_-]{1,64}))?$/.exec(path)
  if (printed?.[1]) {
    const name = printed[2] === 'theatre' ? 'theatre' : 'summary'
    return printed[3] ? { name, planId: printed[1], revisionId: printed[3] } : { name, planId: printed[1] }
  }
  if (path === '/settings') return { name: 'settings' }
  const outcomes = /^\/plans\/([A-Za-z0-9_-]{1,64})\/outcomes$/.exec(path)
  if (outcomes?.[1]) return { name: 'outcomes', planId: outcomes[1] }
  if (path === '/audit') return { name: 'audit' }
  return { name: 'library' }
}

export function routeHash(route: Route): string {
  switch (route.name) {
    case 'editor':
      return `#/plans/${route.planId}`
    case 'summary':
    case 'theatre':
      return `#/plans/${route.planId}/${route.name}${route.revisionId ? `/${route.revisionId}` : ''}`
    case 'settings':
      return '#/settings'
    case 'outcomes':
      return `#/plans/${route.planId}/outcomes`
    case 'audit':
      return '#/audit'
    default:
      return '#/plans'
  }
}

export function navigate(route: Route): void {
  const hash = routeHash(route)
  if (window.location.hash !== hash) window.location.hash = hash
}

function subscribe(callback: () => void): () => void {
  window.addEventListener('hashchange', callback)
  return () => window.removeEventListener('hashchange', callback)
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash)
  return parseRoute(hash)
}
