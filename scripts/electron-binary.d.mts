// Types for scripts/electron-binary.mjs, imported by the Playwright Electron spec.
export declare function findElectronBinary(
  env?: Record<string, string | undefined>,
): { path: string; reason?: undefined } | { path?: undefined; reason: string };
