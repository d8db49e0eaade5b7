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

// What `validate` loads once it knows its command: the chunk its entry in cli.mjs imports and every chunk
// that one imports statically. It checks a policy's text; the case importers (CSV, workbook, ICE's
// records), the inflate library and threads they read compressed files with, and the exporters are
// other commands' code. Importing them through engine/index.ts and cli/context.ts once put about 380 kB
// of them (a fifth of its code) and four more modules to load on its path, about 30 ms of CPU in a
// fresh process.
describe('the validate command once loaded', () => {
  const entry = readFileSync(path.join(dist, 'cli.mjs'), 'utf8');
  const chunk = /import\("\.\/(cli-chunks\/validate-[^"]+\.mjs)"\)/.exec(entry)?.[1];
  const files = chunk ? [...staticGraph(path.join(dist, chunk))] : [];
  const code = files.map((f) => readFileSync(f, 'utf8')).join('\n');
  const modules = [...code.matchAll(/^\/\/ ((?:engine|cli|host|node_modules)\/\S+)$/gm)].map((m) => m[1]!);
  // The modules imported by name (packages and Node's own), as each chunk's import statements name them.
  const packages = [...code.matchAll(/^(?:import\s.*\sfrom|\}\sfrom|import)\s"([^."][^"]*)";$/gm)].map((m) => m[1]!);

  it('loads the analysis and the document reading', () => {
    expect(chunk).toBeDefined();
    expect(modules).toContain('engine/analysis/lint.ts');
    expect(modules).toContain('cli/commands/validate.ts');
    expect(modules).toContain('cli/documents.ts');
  });

  it('loads no case importer, inflater or exporter', () => {
    const importers = /^engine\/import\/(importer|csv-cases|json-cases|ice-detainers|xlsx|columns|mapping)\.ts$/;
    expect(modules.filter((m) => importers.test(m) || /^engine\/(export|use-cases)\//.test(m))).toEqual([]);
    expect(modules.filter((m) => m === 'cli/context.ts' || m.startsWith('host/inflate'))).toEqual([]);
    expect(packages.filter((p) => !p.startsWith('node:'))).toEqual([]);
    expect(packages).not.toContain('node:zlib');
    expect(packages).not.toContain('node:worker_threads');
  });
});
