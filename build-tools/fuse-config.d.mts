import type { FuseV1Config } from '@electron/fuses'

export declare const FUSE_CONFIG: FuseV1Config & { strictlyRequireAllFuses: true }
