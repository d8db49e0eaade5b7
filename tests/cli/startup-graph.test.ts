// What every start of the command line loads before it knows its command (`--help` included): the
// bundle's entry and the chunks it imports statically. The engine, its law data and the exporters are
// loaded by the command that needs them (dynamic imports), so `--help` stays close to `node -e 0`
// (issue 13: <= 1.5x; bench/cli-startup.ts times it). A static import of a module that re-exports the
// engine (engine/vocabulary.ts for two words of help) once put 450 kB of it, the law data with it, on
// that path.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist');

/** The files loaded statically from `file`, itself first, following `import ... from "./x"` and `import "./x"`. */
function staticGraph(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  for (const m of code.matchAll(/^(?:import|export)\s[^;]*?["'](\.{1,2}\/[^"']+)["']/gm)) {
    staticGraph(path.resolve(path.dirname(file), m[1]!), seen);
  }
  return seen;
}

describe('the command line at start-up', () => {
  const files = [...staticGraph(path.join(dist, 'cli.mjs'))];
  const code = files.map((f) => readFileSync(f, 'utf8')).join('\n');
  // esbuild names each bundled module in a comment above its code.
  const modules = [...code.matchAll(/^\/\/ ((?:engine|cli|host|node_modules)\/\S+)$/gm)].map((m) => m[1]!);

  it('loads the commands, their help and the output, not the engine, its law data or an exporter', () => {
    expect(modules).toContain('cli/registry.ts');
    // The two engine modules meant for it: the baseline's names (help) and the characters no output shows raw.
    expect(modules.filter((m) => m.startsWith('engine/') && m !== 'engine/baseline-reasons.ts' && m !== 'engine/text-safety.ts')).toEqual(
      [],
    );
    expect(modules.filter((m) => m.startsWith('node_modules/'))).toEqual([]);
  });

  it('is small: under 64 kB of code', () => {
    expect(Buffer.byteLength(code)).toBeLessThan(64 * 1024);
  });
});
