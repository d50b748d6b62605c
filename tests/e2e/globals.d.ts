import type { OsseoplanApi } from '../../src/shared/ipc'

declare global {
  interface Window {
    osseoplan?: OsseoplanApi
  }
}
