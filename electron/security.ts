// The app's security policy in one place, as plain data and decisions that Node tests can check:
// where the app's pages come from, what they may load, which permissions and navigations are refused.

/** The custom scheme the app's own files are served from (registered as standard and secure). */
export const APP_SCHEME = 'app';
/** Host serving the built web bundle: the only page trusted to call the host over IPC. */
export const APP_HOST = 'studio';
/** Host serving one-shot documents rendered to PDF; a different origin, so it gets no IPC trust. */
export const PRINT_HOST = 'print';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Content-Security-Policy sent with every file of the app (the renderer's index.html carries its own
 * as well; the browser enforces both). No 'unsafe-eval': the schema validators are precompiled, and
 * Monaco runs without eval. Inline styles are allowed because Monaco positions its DOM with them;
 * scripts and workers load only from the app's own files (workers also from blob:, as Monaco may use).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Policy for documents printed to PDF: no script at all (JavaScript is also off in that window). */
export const PRINT_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  'img-src data:',
  'font-src data:',
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Response headers for every file the app protocol serves. */
export function securityHeaders(policy: string = CONTENT_SECURITY_POLICY): Record<string, string> {
  return {
    'Content-Security-Policy': policy,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  };
}

/** Parses a CSP into directive name -> source list, for checks (tests, the security script). */
export function parseContentSecurityPolicy(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/** True when `url` is a page of the app itself (the web bundle served on the app scheme). */
export function isAppPageUrl(url: string | null | undefined): boolean {
  if (!url) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
}

/**
 * Whether a page may navigate to `url`. The app is a single page: in-app navigation never changes the
 * document, so every navigation is refused except reloading the app's own entry page.
 */
export function isNavigationAllowed(url: string): boolean {
  if (!isAppPageUrl(url)) return false;
  const parsed = new URL(url);
  return parsed.pathname === '/' || parsed.pathname === '/index.html';
}

/**
 * Permission decisions for the session. Everything is refused (camera, microphone, geolocation,
 * notifications, MIDI, HID, serial, fullscreen, openExternal, ...), except writing to the clipboard
 * from the app's own page: the editor's Copy command needs it, and it reads nothing.
 */
export function isPermissionGranted(permission: string, requestingUrl: string | null | undefined): boolean {
  return permission === 'clipboard-sanitized-write' && isAppPageUrl(requestingUrl);
}

/** Requests the session cancels: nothing outside the app's own files is ever loaded. */
export const BLOCKED_REQUEST_URLS = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'];

/** The one context a sender must be in for an IPC message to be handled. */
export interface SenderFrame {
  /** URL of the frame that sent the message; null when the frame is gone. */
  url: string | null;
  /** True for the window's top frame (not an iframe inside it). */
  isMainFrame: boolean;
}

/** Only the app's own top-level page may call the host. */
export function isTrustedSender(sender: SenderFrame | null | undefined): boolean {
  return !!sender && sender.isMainFrame && isAppPageUrl(sender.url);
}
