// Shared by the main-process tests: fresh temporary folders and scripted answers for the file dialogs.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { FileDialogs } from '../../electron/files';

const made: string[] = [];

/** A new empty folder, removed after the test. */
export function tempDir(prefix = 'ds-electron-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** Dialogs that answer from a queue, the way a person would click; records what they were asked. */
export class ScriptedDialogs implements FileDialogs {
  readonly asked: { kind: 'open' | 'save'; title: string; defaultPath?: string; extensions: string[] }[] = [];
  private readonly answers: (string | null)[] = [];

  answer(...paths: (string | null)[]): this {
    this.answers.push(...paths);
    return this;
  }

  chooseFileToOpen(options: Parameters<FileDialogs['chooseFileToOpen']>[0]): Promise<string | null> {
    this.asked.push({
      kind: 'open',
      title: options.title,
      defaultPath: options.defaultPath,
      extensions: options.filters.flatMap((f) => f.extensions),
    });
    return Promise.resolve(this.next());
  }

  chooseSaveLocation(options: Parameters<FileDialogs['chooseSaveLocation']>[0]): Promise<string | null> {
    this.asked.push({
      kind: 'save',
      title: options.title,
      defaultPath: options.defaultPath,
      extensions: options.filters.flatMap((f) => f.extensions),
    });
    return Promise.resolve(this.next());
  }

  private next(): string | null {
    if (this.answers.length === 0) throw new Error('the test did not script an answer for this dialog');
    return this.answers.shift()!;
  }
}

export const repoRoot = path.resolve(__dirname, '..', '..');
export const samplesRoot = path.join(repoRoot, 'samples');
export const sampleOrdinance = path.join(samplesRoot, 'ordinances', 'connecticut-trust-act-2014.ordinance.yaml');
