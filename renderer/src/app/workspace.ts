// The case set and the draft compared with, as chosen in the Simulation, Comparison and Drafts views
// (one other draft serves the Comparison and Drafts views): the choices offered (each named once, in
// plain words), loading them, remembering them with the recovery copy, and choosing them again when a
// recovery copy is restored.

import { useCallback, useEffect, useState } from 'react';
import type { Ordinance } from '../../../engine/index';
import type { Host, OpenedFile, SampleEntry } from '../../../host/contract';
import { count } from '../lib/format';
import type { CaseSetChoice } from '../simulation/SimulationView';
import { caseSourceOfFile, type CaseSource } from '../simulation/protocol';
import type { Simulation } from '../simulation/use-simulation';
import type { DocumentSession } from './session';

export const SYNTHETIC_SIZES = [10_000, 100_000, 1_000_000] as const;

/** How a synthetic set is offered: "Synthetic: 10,000 cases (seed 2012)". */
export function syntheticLabel(n: number, seed = 2012): string {
  return `Synthetic: ${count(n)} cases (seed ${seed})`;
}

/** A loaded synthetic set's name; the views add the count ("Synthetic set, seed 2012: 10,000 cases"). */
export function syntheticName(seed = 2012): string {
  return `Synthetic set, seed ${seed}`;
}

const FORMAT_WORDS: Record<string, string> = { csv: 'CSV', json: 'JSON', yaml: 'YAML', yml: 'YAML' };

/**
 * The case sets offered: the bundled samples (told apart by their file type when two share a title)
 * and the synthetic sets.
 */
export function caseSetChoices(samples: readonly SampleEntry[]): CaseSetChoice[] {
  const sets = samples.filter((s) => s.kind === 'cases');
  const titles = new Map<string, number>();
  for (const s of sets) titles.set(s.title, (titles.get(s.title) ?? 0) + 1);
  return [
    ...sets.map((s) => {
      const ext = /\.([a-z]+)$/i.exec(s.name)?.[1]?.toLowerCase() ?? '';
      const twin = (titles.get(s.title) ?? 0) > 1;
      return { id: `sample:${s.name}`, label: `Sample: ${s.title}${twin ? ` (${FORMAT_WORDS[ext] ?? ext})` : ''}` };
    }),
    ...SYNTHETIC_SIZES.map((n) => ({ id: `synthetic:${n}`, label: syntheticLabel(n) })),
  ];
}

export function draftChoices(samples: readonly SampleEntry[]): Array<{ id: string; label: string }> {
  return samples.filter((s) => s.kind === 'ordinance').map((s) => ({ id: `sample:${s.name}`, label: `Sample: ${s.title}` }));
}

export function useWorkspace({
  host,
  session,
  sim,
  samples,
}: {
  host: Host;
  session: DocumentSession;
  sim: Simulation;
  samples: readonly SampleEntry[];
}) {
  const [compareError, setCompareError] = useState<string | null>(null);

  const chooseCaseSet = useCallback(
    async (id: string) => {
      if (id.startsWith('synthetic:')) {
        const n = Number(id.slice('synthetic:'.length));
        session.chooseWorkspace({ caseSet: id });
        return sim.loadCases({ kind: 'synthetic', name: syntheticName(), count: n, seed: 2012 });
      }
      const name = id.slice('sample:'.length);
      const r = await host.readSample(name);
      if (!r.ok) return session.notify('error', r.error);
      if (await sim.loadCases({ kind: 'text', name: r.value.name, text: r.value.text })) session.chooseWorkspace({ caseSet: id });
    },
    [host, session, sim],
  );

  const openCaseFile = useCallback(async () => {
    const r = await host.openFile('cases');
    if (!r.ok) return session.notify('error', r.error);
    if (!r.value) return;
    const right = session.getState().right;
    if (right !== 'simulation' && right !== 'compare') session.setRight('simulation');
    // Kept with the recovery copy only once loaded: a refused file leaves the set before it.
    // A CSV of the name a column mapping was made for is read with it (the panel shows it again if it no longer fits).
    if (await sim.loadCases(sim.withKeptMapping(caseSourceOfFile(r.value)))) session.chooseWorkspace({ caseSet: `file:${r.value.name}` });
  }, [host, session, sim]);

  /** A case file read with a column mapping (the Map columns panel's): kept with the recovery copy once loaded. */
  const readMapped = useCallback(
    async (source: CaseSource) => {
      const loaded = await sim.loadCases(source);
      if (loaded && source.kind === 'file') session.chooseWorkspace({ caseSet: `file:${source.name}` });
      return loaded;
    },
    [session, sim],
  );

  /** A draft read and checked elsewhere (in the Drafts view) becomes the one compared with. */
  const takeCompare = useCallback(
    (id: string, draft: { title: string; name: string; ordinance: Ordinance; fingerprint: string }) => {
      setCompareError(null);
      session.chooseWorkspace({ compare: id });
      sim.update({ compare: { kind: 'draft', ...draft } });
    },
    [session, sim],
  );

  const compareWith = useCallback(
    async (file: OpenedFile, id: string) => {
      // Checking another draft is rare: the validators load when it happens, not at start.
      const { readDraftToCompare } = await import('../../../engine/index');
      const read = readDraftToCompare(file.text, file.name);
      if (!read.ok) {
        setCompareError(`${read.problem}.`);
        return;
      }
      takeCompare(id, { title: read.title, name: file.name, ordinance: read.ordinance, fingerprint: read.fingerprint });
    },
    [takeCompare],
  );

  /** "baseline", "none" or a sample draft ("sample:ordinances/…"). */
  const chooseCompare = useCallback(
    async (id: string) => {
      if (id === 'baseline' || id === 'none') {
        setCompareError(null);
        session.chooseWorkspace({ compare: id });
        sim.update({ compare: { kind: id } });
        return;
      }
      const r = await host.readSample(id.slice('sample:'.length));
      if (r.ok) await compareWith(r.value, id);
      else setCompareError(r.error);
    },
    [host, session, sim, compareWith],
  );

  const openCompareFile = useCallback(async () => {
    const r = await host.openFile('ordinance');
    if (!r.ok) setCompareError(r.error);
    else if (r.value) await compareWith(r.value, `file:${r.value.name}`);
  }, [host, compareWith]);

  // The scenario goes with the recovery copy too.
  const scenario = sim.state.scenario;
  useEffect(() => session.chooseWorkspace({ scenario }), [session, scenario]);

  // And the column mapping made for a case file, applied or not, as the YAML file it saves as.
  const mappingDraft = sim.state.mappingDraft;
  useEffect(() => {
    if (!mappingDraft) return;
    void import('../../../engine/index').then(({ mappingYaml }) =>
      session.chooseWorkspace({ mapping: { name: mappingDraft.name, text: mappingYaml(mappingDraft.mapping) } }),
    );
  }, [session, mappingDraft]);

  // A restored recovery copy brings its case set and comparison back, once the samples are known.
  const restored = session.getState().restoredWorkspace;
  useEffect(() => {
    if (!restored || samples.length === 0) return;
    session.workspaceTaken();
    if (restored.scenario) sim.update({ scenario: restored.scenario });
    if (restored.mapping) {
      const kept = restored.mapping;
      void import('../../../engine/index').then(({ loadColumnMapping }) => {
        const { mapping } = loadColumnMapping(kept.text);
        if (mapping) sim.setMappingDraft({ name: kept.name, mapping });
      });
    }
    if (restored.compare?.startsWith('file:') || restored.caseSet?.startsWith('file:')) {
      const files = [restored.caseSet, restored.compare].filter((x) => x?.startsWith('file:')).map((x) => x!.slice('file:'.length));
      session.notify(
        'info',
        `Open ${files.join(' and ')} again to see the results that went with this work: files are not kept with the copy.` +
          (restored.mapping && files.includes(restored.mapping.name)
            ? ` The column mapping made for ${restored.mapping.name} is kept, and reads it when you do.`
            : ''),
      );
    }
    if (restored.compare && !restored.compare.startsWith('file:')) void chooseCompare(restored.compare);
    if (restored.caseSet && !restored.caseSet.startsWith('file:')) void chooseCaseSet(restored.caseSet);
  }, [restored, samples, session, sim, chooseCaseSet, chooseCompare]);

  return { chooseCaseSet, openCaseFile, readMapped, chooseCompare, openCompareFile, takeCompare, compareError };
}
