// Checks the arguments of every IPC call before a handler sees them: exact shapes, sizes within limits,
// absolute paths. Messages say which argument was wrong, for the developer reading the renderer's log.

import path from 'node:path';
import type { DocumentKind, ExportRequest, RecoveryEntry, RecoverySession, SaveRequest } from '../host/contract';
import { MAX_RECOVERED_EXPECTATIONS, MAX_RECOVERED_MAPPING } from '../host/contract';
import type { InvokeArgs, InvokeChannel } from '../host/ipc-channels';

export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

const MAX_PATH_LENGTH = 4096;
const MAX_NAME_LENGTH = 1024;
/** Largest document text or export accepted over IPC (the case-set importer streams bigger data). */
export const MAX_IPC_TEXT_LENGTH = 512 * 1024 * 1024;
/** Largest HTML accepted for printing to PDF. */
export const MAX_PRINT_HTML_LENGTH = 64 * 1024 * 1024;

class ArgumentError extends Error {}

function fail(message: string): never {
  throw new ArgumentError(message);
}

function plainObject(value: unknown, what: string, allowed: readonly string[], required: readonly string[]): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || ArrayBuffer.isView(value)) {
    fail(`${what} must be an object`);
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) fail(`${what} must be a plain object`);
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!allowed.includes(key)) fail(`${what} has an unknown field ${JSON.stringify(key)}`);
  }
  for (const key of required) {
    if (!(key in record)) fail(`${what}.${key} is missing`);
  }
  return record;
}

function string(value: unknown, what: string, max: number, { nonEmpty = false } = {}): string {
  if (typeof value !== 'string') fail(`${what} must be a string`);
  if (nonEmpty && value.length === 0) fail(`${what} must not be empty`);
  if (value.length > max) fail(`${what} is longer than ${max} characters`);
  return value;
}

function absolutePath(value: unknown, what: string): string {
  const file = string(value, what, MAX_PATH_LENGTH, { nonEmpty: true });
  if (file.includes('\0')) fail(`${what} contains a NUL character`);
  if (!path.isAbsolute(file)) fail(`${what} must be an absolute path`);
  return file;
}

function finiteNumber(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(`${what} must be a finite number`);
  return value;
}

function documentKind(value: unknown, what: string): DocumentKind {
  if (value !== 'ordinance' && value !== 'cases' && value !== 'scenario' && value !== 'mapping')
    fail(`${what} must be "ordinance", "cases", "scenario" or "mapping"`);
  return value;
}

function saveRequest(value: unknown): SaveRequest {
  const r = plainObject(
    value,
    'request',
    ['path', 'suggestedName', 'text', 'expectedMtimeMs', 'force'],
    ['path', 'suggestedName', 'text', 'expectedMtimeMs'],
  );
  const request: SaveRequest = {
    path: r.path === null ? null : absolutePath(r.path, 'request.path'),
    suggestedName: string(r.suggestedName, 'request.suggestedName', MAX_NAME_LENGTH),
    text: string(r.text, 'request.text', MAX_IPC_TEXT_LENGTH),
    expectedMtimeMs: r.expectedMtimeMs === null ? null : finiteNumber(r.expectedMtimeMs, 'request.expectedMtimeMs'),
  };
  if (r.force !== undefined) {
    if (typeof r.force !== 'boolean') fail('request.force must be true or false');
    request.force = r.force;
  }
  return request;
}

function exportRequest(value: unknown): ExportRequest {
  const r = plainObject(value, 'request', ['suggestedName', 'data', 'mimeType'], ['suggestedName', 'data', 'mimeType']);
  let data: string | Uint8Array;
  if (typeof r.data === 'string') data = string(r.data, 'request.data', MAX_IPC_TEXT_LENGTH);
  else if (r.data instanceof Uint8Array) {
    if (r.data.byteLength > MAX_IPC_TEXT_LENGTH) fail(`request.data is larger than ${MAX_IPC_TEXT_LENGTH} bytes`);
    data = r.data;
  } else fail('request.data must be text or bytes (Uint8Array)');
  const mimeType = string(r.mimeType, 'request.mimeType', 255, { nonEmpty: true });
  if (!/^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*(\s*;.*)?$/i.test(mimeType)) fail('request.mimeType is not a media type');
  return { suggestedName: string(r.suggestedName, 'request.suggestedName', MAX_NAME_LENGTH), data, mimeType };
}

function oneOf<T extends string>(value: unknown, what: string, choices: readonly T[]): T {
  if (typeof value !== 'string' || !(choices as readonly string[]).includes(value)) fail(`${what} must be one of ${choices.join(', ')}`);
  return value as T;
}

function recoverySession(value: unknown): RecoverySession {
  const r = plainObject(value, 'entry.session', ['left', 'right', 'caseSet', 'compare', 'scenario', 'expected', 'mapping'], []);
  const session: RecoverySession = {};
  if (r.left !== undefined) session.left = oneOf(r.left, 'entry.session.left', ['editor', 'form'] as const);
  if (r.right !== undefined)
    session.right = oneOf(r.right, 'entry.session.right', ['preview', 'simulation', 'compare', 'table', 'drafts'] as const);
  if (r.caseSet !== undefined) session.caseSet = string(r.caseSet, 'entry.session.caseSet', MAX_NAME_LENGTH);
  if (r.compare !== undefined) session.compare = string(r.compare, 'entry.session.compare', MAX_NAME_LENGTH);
  if (r.scenario !== undefined) {
    const s = plainObject(
      r.scenario,
      'entry.session.scenario',
      ['reimbursementAgreement', 'costPerInmateDay', 'holidays'],
      ['reimbursementAgreement', 'costPerInmateDay', 'holidays'],
    );
    if (typeof s.reimbursementAgreement !== 'boolean') fail('entry.session.scenario.reimbursementAgreement must be true or false');
    session.scenario = {
      reimbursementAgreement: s.reimbursementAgreement,
      costPerInmateDay: finiteNumber(s.costPerInmateDay, 'entry.session.scenario.costPerInmateDay'),
      holidays: oneOf(s.holidays, 'entry.session.scenario.holidays', ['us-federal', 'none'] as const),
    };
  }
  if (r.expected !== undefined) {
    const e = plainObject(r.expected, 'entry.session.expected', ['name', 'text'], ['name', 'text']);
    session.expected = {
      name: string(e.name, 'entry.session.expected.name', MAX_NAME_LENGTH),
      text: string(e.text, 'entry.session.expected.text', MAX_RECOVERED_EXPECTATIONS),
    };
  }
  if (r.mapping !== undefined) {
    const m = plainObject(r.mapping, 'entry.session.mapping', ['name', 'text'], ['name', 'text']);
    session.mapping = {
      name: string(m.name, 'entry.session.mapping.name', MAX_NAME_LENGTH),
      text: string(m.text, 'entry.session.mapping.text', MAX_RECOVERED_MAPPING),
    };
  }
  return session;
}

function recoveryEntry(value: unknown): RecoveryEntry {
  const r = plainObject(value, 'entry', ['docId', 'name', 'text', 'savedAtMs', 'session'], ['docId', 'name', 'text', 'savedAtMs']);
  return {
    docId: string(r.docId, 'entry.docId', MAX_PATH_LENGTH, { nonEmpty: true }),
    name: string(r.name, 'entry.name', MAX_NAME_LENGTH),
    text: string(r.text, 'entry.text', MAX_IPC_TEXT_LENGTH),
    savedAtMs: finiteNumber(r.savedAtMs, 'entry.savedAtMs'),
    ...(r.session !== undefined ? { session: recoverySession(r.session) } : {}),
  };
}

type ArgumentCheckers = { [C in InvokeChannel]: (args: unknown[]) => InvokeArgs<C> };

function count(args: unknown[], n: number): void {
  if (args.length !== n) fail(`expected ${n} argument${n === 1 ? '' : 's'}, got ${args.length}`);
}

const checkers: ArgumentCheckers = {
  'host:info': (a) => (count(a, 0), []),
  'host:open-file': (a) => (count(a, 1), [documentKind(a[0], 'kind')]),
  'host:read-file': (a) => (count(a, 1), [absolutePath(a[0], 'path')]),
  'host:save-file': (a) => (count(a, 1), [saveRequest(a[0])]),
  'host:export-file': (a) => (count(a, 1), [exportRequest(a[0])]),
  'host:recent-files': (a) => (count(a, 0), []),
  'host:list-samples': (a) => (count(a, 0), []),
  'host:read-sample': (a) => (count(a, 1), [string(a[0], 'name', MAX_NAME_LENGTH, { nonEmpty: true })]),
  'host:write-recovery': (a) => (count(a, 1), [recoveryEntry(a[0])]),
  'host:read-recovery': (a) => (count(a, 0), []),
  'host:clear-recovery': (a) => (count(a, 1), [string(a[0], 'docId', MAX_PATH_LENGTH, { nonEmpty: true })]),
  'host:print-to-pdf': (a) => (count(a, 1), [string(a[0], 'html', MAX_PRINT_HTML_LENGTH)]),
};

/** Checks the arguments of a call on `channel`; never throws. */
export function checkInvokeArguments<C extends InvokeChannel>(channel: C, args: unknown[]): Checked<InvokeArgs<C>> {
  const checker = checkers[channel] as ((args: unknown[]) => InvokeArgs<C>) | undefined;
  if (!checker) return { ok: false, error: `unknown channel ${JSON.stringify(channel)}` };
  try {
    return { ok: true, value: checker(args) };
  } catch (e) {
    if (e instanceof ArgumentError) return { ok: false, error: e.message };
    return { ok: false, error: 'arguments could not be read' };
  }
}

/** Checks the argument of `setDirty`. */
export function checkDirtyArgument(args: unknown[]): Checked<boolean> {
  if (args.length !== 1 || typeof args[0] !== 'boolean') return { ok: false, error: 'setDirty expects one boolean' };
  return { ok: true, value: args[0] };
}
