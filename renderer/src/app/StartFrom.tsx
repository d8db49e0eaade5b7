// "Start from…" above the form of a new document: a blank ordinance, one of the seed policies drafted
// from the 2011–2012 letters, or an enacted ordinance, each with where it comes from. Choosing one
// replaces the new, untouched document; the YAML stays one click away. The choices are buttons in
// lists under their group's heading: Tab reaches them, and the arrow keys, Home and End move among them.

import { useEffect, useState } from 'react';
import type { Host, SampleEntry } from '../../../host/contract';

interface Start {
  name: string;
  title: string;
  status: string;
  source: string | null;
}

/** `status:` and `source:` of a sample's top level, read from its text (no parser needed for two lines). */
function describe(name: string, title: string, text: string): Start {
  const field = (key: string) => new RegExp(`^${key}:[ \\t]*["']?(.+?)["']?[ \\t]*$`, 'm').exec(text)?.[1] ?? null;
  return { name, title, status: field('status') ?? 'draft', source: field('source') };
}

export function StartFrom({
  host,
  samples,
  onChoose,
}: {
  host: Host;
  /** null while the samples are being listed. */
  samples: readonly SampleEntry[] | null;
  onChoose: (template: string) => void;
}) {
  const [starts, setStarts] = useState<Start[] | null>(null);
  useEffect(() => {
    if (!samples) return;
    let live = true;
    const ordinances = samples.filter((s) => s.kind === 'ordinance');
    void Promise.all(
      ordinances.map(async (s) => {
        const r = await host.readSample(s.name);
        return r.ok ? describe(s.name, s.title, r.value.text) : null;
      }),
    ).then((list) => live && setStarts(list.filter((x): x is Start => x !== null)));
    return () => {
      live = false;
    };
  }, [host, samples]);

  const seeds = starts?.filter((s) => s.status === 'draft') ?? [];
  const enacted = starts?.filter((s) => s.status !== 'draft') ?? [];
  const group = (heading: string, id: string, list: Start[]) =>
    list.length ? (
      <section aria-labelledby={id}>
        <h3 id={id}>{heading}</h3>
        <ul className="start-list">
          {list.map((s) => (
            <li key={s.name}>
              <button type="button" onClick={() => onChoose(s.name)}>
                <span className="start-title">{s.title}</span>
                {s.source ? <span className="start-source">{s.source}</span> : null}
              </button>
            </li>
          ))}
        </ul>
      </section>
    ) : null;

  // Up and Down (or Left and Right) go from choice to choice across the groups; Home and End to the ends.
  const move = (e: React.KeyboardEvent<HTMLElement>) => {
    const keys: Record<string, number> = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 };
    if (!(e.key in keys) && e.key !== 'Home' && e.key !== 'End') return;
    const choices = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('.start-list button')];
    const at = choices.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    const to = e.key === 'Home' ? 0 : e.key === 'End' ? choices.length - 1 : Math.min(choices.length - 1, Math.max(0, at + keys[e.key]!));
    e.preventDefault();
    choices[to]!.focus();
  };

  return (
    <section className="start-from" aria-labelledby="start-from-heading" onKeyDown={move}>
      <h2 id="start-from-heading">Start from…</h2>
      <p className="muted">
        A new ordinance. Fill in the form below from the blank one, or start from a policy already written; you can change every word, and
        the YAML view shows the same document.
      </p>
      <ul className="start-list">
        <li>
          <button type="button" onClick={() => onChoose('blank')}>
            <span className="start-title">A blank ordinance</span>
            <span className="start-source">
              Two example provisions (persons under 18; a judicial warrant) to edit or remove; you name the place and choose its state
            </span>
          </button>
        </li>
      </ul>
      {starts === null ? <p className="muted">Reading the samples…</p> : null}
      {group('Seed policies, from the 2011–2012 letters', 'start-seeds', seeds)}
      {group('Enacted ordinances and policies', 'start-enacted', enacted)}
    </section>
  );
}
