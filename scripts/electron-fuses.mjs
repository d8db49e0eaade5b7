// The Electron fuses of a packaged Detainer Policy Studio: electron-builder's afterPack hook
// (build/electron-builder.yml) sets them in the packed Electron binary, reads them back, and fails the
// build if any is not as wanted. Signing comes after this step, so the signature covers the fuses.
import path from 'node:path';
import { FuseV1Options, FuseVersion, flipFuses, getCurrentFuseWire } from '@electron/fuses';

/** Each fuse, on or off, and why. A fuse a later Electron adds keeps Electron's default; the build log names it. */
export const FUSES = {
  // ELECTRON_RUN_AS_NODE would turn the signed app into a plain Node.js that runs any script.
  [FuseV1Options.RunAsNode]: false,
  // The cookie store encrypted with the operating system's keys (the app sets no cookies; defence in depth).
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS and NODE_EXTRA_CA_CERTS would let the environment load code into the main process.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  // --inspect and SIGUSR1 would open a debugger on the main process and its whole IPC.
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // app.asar is checked against the hash electron-builder writes into the package (macOS, Windows).
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // Only app.asar is loaded: no app/ folder or default_app.asar beside it can take its place.
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // One V8 snapshot for every process, as Electron ships it.
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  // Pages come from app://, never file://: file:// gets no privileges beyond a browser's.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};

/** The fuse settings as @electron/fuses takes them. */
export function fuseConfig(platform) {
  return {
    version: FuseVersion.V1,
    // electron-builder signs after this hook; an unsigned arm64 macOS build still needs a valid ad-hoc signature.
    resetAdHocDarwinSignature: platform === 'darwin',
    ...FUSES,
  };
}

/** The packed Electron executable (for macOS the .app; @electron/fuses finds the framework inside). */
export function electronBinaryPath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  switch (electronPlatformName) {
    case 'darwin':
    case 'mas':
      return path.join(appOutDir, `${packager.appInfo.productFilename}.app`);
    case 'win32':
      return path.join(appOutDir, `${packager.appInfo.productFilename}.exe`);
    default:
      return path.join(appOutDir, packager.executableName);
  }
}

/** Fuses of the binary that are not as FUSES wants them, by name ("RunAsNode is on"); empty when all are. */
export async function fuseMismatches(binary) {
  const wire = await getCurrentFuseWire(binary);
  const problems = [];
  for (const [index, wanted] of Object.entries(FUSES)) {
    const state = wire[index];
    const name = FuseV1Options[index];
    if (state === undefined) problems.push(`${name} is missing from this Electron's fuse wire`);
    else if (state !== (wanted ? 0x31 : 0x30)) problems.push(`${name} is ${state === 0x31 ? 'on' : state === 0x30 ? 'off' : 'removed'}`);
  }
  return problems;
}

/** Fuses of the binary's wire beyond those FUSES decides (a later Electron's), as "fuse 8 (on)". */
export async function undecidedFuses(binary) {
  const wire = await getCurrentFuseWire(binary);
  return Object.keys(wire)
    .filter((k) => /^\d+$/.test(k) && !(k in FUSES))
    .map((k) => `fuse ${k} (${wire[k] === 0x31 ? 'on' : wire[k] === 0x30 ? 'off' : 'removed'})`);
}

/** electron-builder's afterPack hook: set the fuses, read them back, fail the build on any difference. */
export async function afterPack(context) {
  const binary = electronBinaryPath(context);
  await flipFuses(binary, fuseConfig(context.electronPlatformName));
  const problems = await fuseMismatches(binary);
  if (problems.length > 0) throw new Error(`Electron fuses of ${binary} not set: ${problems.join('; ')}`);
  const unknown = await undecidedFuses(binary);
  if (unknown.length > 0)
    console.warn(`Electron fuses left at Electron's default (not yet decided in scripts/electron-fuses.mjs): ${unknown.join(', ')}`);
}

export default afterPack;
