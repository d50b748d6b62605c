// After surgery: operation records, follow-up visits, events, schedule and cohort audit.
export * from './types'
export * from './dates'
export * from './infection-scale'
export * from './schedule'
export * from './validate'
export * from './cohort'
export * from './plan-link'
export * from './csv'
