// Cohort statistics: pure functions, no DOM or database.
export * from './gamma'
export * from './poisson'
export * from './descriptive'
export * from './paired'
export * from './kaplan-meier'
export * from './accuracy'
