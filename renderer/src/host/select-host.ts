// Which host the renderer talks to: the one a preload handed over (Electron), else the browser's.

import { HOST_GLOBAL, type Host } from '../../../host/contract';
import { createBrowserHost } from './browser-host';

export function selectHost(appVersion: string): Host {
  const provided = (window as unknown as Record<string, Host | undefined>)[HOST_GLOBAL];
  return provided ?? createBrowserHost({ appVersion });
}
