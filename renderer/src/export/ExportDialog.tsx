// File > Export: choose the document (ordinance text, officer guide, policy bundle, impact report,
// redline) and its file type, see it exactly as it will be saved, then save it through the host (or,
// for PDF in the browser, print it with the browser's dialog). Exports are built in a worker.

import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import {
  BASELINE_TITLE,
  EXPORT_DOCUMENTS,
  exportDocument,
  isBlocking,
  type ExportDocumentId,
  type Rendition,
} from '../../../engine/vocabulary';
import type { Ordinance, Scenario } from '../../../engine/index';
import type { Host, SampleEntry } from '../../../host/contract';
import type { AnalysisResult } from '../analysis/protocol';
import { cleanExportName } from '../app/file-name';
import { emit } from '../lib/app-events';
import { milliseconds } from '../lib/format';
import type { Simulation } from '../simulation/use-simulation';
import { describeSize } from './choices';
import { ExportCancelled, ExportClient } from './export-client';
import type { Built } from './protocol';
import { printInFrame, type PrintJob } from './print-frame';
import { saveExport } from './save-export';
import type { ValidDraft } from './use-last-valid';
import './export-dialog.css';

type Notify = (kind: 'info' | 'error' | 'warning', text: string) => void;

interface Props {
  host: Host;
  /** The analysis of the draft (null until the first check of a newly opened document). */
  analysis: AnalysisResult | null;
  /** The editor's version: an analysis of an older one means the draft is still being checked. */
  version: number;
  lastValid: ValidDraft | null;
  /** The document's file name: the report and the redline name it where both drafts have one title and version. */
  documentName: string;
  sim: Simulation;
  samples: SampleEntry[];
  onClose: () => void;
  onShowProblem: (line: number, column: number) => void;
  onChooseCases: () => void;
  notify: Notify;
}

/** The earlier version a redline compares with. */
type Against =
  | { kind: 'none' }
  | { kind: 'loading'; key: string; name: string }
  | { kind: 'ready'; key: string; name: string; ordinance: Ordinance }
  | { kind: 'invalid'; key: string; name: string; problem: string };

type BuildState =
  { kind: 'idle' } | { kind: 'building' } | { kind: 'built'; built: Built; bytes: number | null } | { kind: 'failed'; error: string };

/** The choices stay as last made while the app runs: exporting the same thing again is the common case. */
const remembered: { document: ExportDocumentId; renditions: Partial<Record<ExportDocumentId, Rendition>> } = {
  document: 'ordinance',
  renditions: {},
};

/** The export worker outlives one dialog, so a second export doesn't load the exporters again. */
let sharedClient: ExportClient | null = null;
function exportClient(): ExportClient {
  sharedClient ??= new ExportClient();
  return sharedClient;
}

const HOLIDAY_WORDS = { 'us-federal': 'US federal holidays', none: 'no holidays' } as const;

function byteLength(data: string | Uint8Array | undefined): number | null {
  if (data === undefined) return null;
  return typeof data === 'string' ? new TextEncoder().encode(data).length : data.length;
}

export function ExportDialog(props: Props) {
  const { host, analysis, version, lastValid, documentName, sim, notify, onClose, onShowProblem, onChooseCases } = props;
  const dialog = useRef<HTMLDialogElement>(null);
  const ids = useId();
  const client = exportClient();
  // The report chosen last time, with no case set now, can't be built: start on the ordinance text.
  const [choice, setChoice] = useState<ExportDocumentId>(() =>
    remembered.document === 'report' && !sim.state.cases ? 'ordinance' : remembered.document,
  );
  const [renditions, setRenditions] = useState(remembered.renditions);
  const [against, setAgainst] = useState<Against>({ kind: 'none' });
  const [build, setBuild] = useState<BuildState>({ kind: 'idle' });
  const [hostKind, setHostKind] = useState<'electron' | 'browser' | null>(null);
  /** Saving downloads with no dialog to name the file: the name is asked for here. */
  const [downloads, setDownloads] = useState(false);
  /** The name typed for the download; null while it is the one suggested for what is built. */
  const [typedName, setTypedName] = useState<{ for: string; name: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const printJob = useRef<PrintJob | null>(null);
  const buildSeq = useRef(0);

  const option = exportDocument(choice);
  const rendition = renditions[choice] ?? option.fileTypes[0]!.rendition;
  const fileType = option.fileTypes.find((t) => t.rendition === rendition) ?? option.fileTypes[0]!;

  // ---- the draft: only one without errors is exported ----

  const checking = !analysis || analysis.version !== version;
  const errors = (analysis?.diagnostics ?? []).filter(isBlocking);
  const exportable = !checking && !!analysis?.ordinance && errors.length === 0;
  // With errors, the preview shows the last version without them (as the Preview tab does).
  const ordinance = exportable ? analysis!.ordinance! : checking ? null : (lastValid?.ordinance ?? null);
  const stale = !exportable && !checking && ordinance !== null;

  // ---- the case set, scenario and comparison of the Simulation view ----

  const { cases, scenario: settings, compare, status } = sim.state;
  const source = sim.caseSource();
  const casesReady = !!cases && !!source && source.name === cases.name && status.kind !== 'loading';
  const scenario: Scenario = useMemo(
    () => ({
      reimbursementAgreement: settings.reimbursementAgreement,
      costPerInmateDay: settings.costPerInmateDay,
      holidays: settings.holidays,
    }),
    [settings],
  );
  const compareWith = compare.kind === 'draft' ? compare.ordinance : undefined;
  const reportUnavailable = casesReady
    ? null
    : status.kind === 'loading'
      ? `The case set ${status.name} is still loading.`
      : 'No case set is loaded: choose one in the Simulation view, then export the report.';

  // What is missing before this document can be built.
  const missing =
    choice === 'report'
      ? reportUnavailable
      : choice === 'redline' && against.kind !== 'ready'
        ? against.kind === 'invalid'
          ? against.problem
          : against.kind === 'loading'
            ? `Reading ${against.name}…`
            : 'Choose the earlier version to compare with.'
        : null;

  // ---- open, close, focus ----

  /** Closes the modal first, so the browser gives focus back to where it was before the dialog. */
  const close = useCallback(() => {
    const d = dialog.current;
    if (d?.open) d.close();
    onClose();
  }, [onClose]);

  useEffect(() => {
    const d = dialog.current!;
    if (!d.open) d.showModal();
    // Start on the document chosen (the modal would focus the first radio, chosen or not).
    d.querySelector<HTMLInputElement>('input[type="radio"]:checked:not(:disabled)')?.focus();
    emit('export-dialog-opened');
    const cancel = (e: Event) => {
      // Esc: close (stopping a build in progress), the same way as Cancel.
      e.preventDefault();
      close();
    };
    d.addEventListener('cancel', cancel);
    return () => d.removeEventListener('cancel', cancel);
  }, [close]);

  useEffect(() => {
    void host.info().then((info) => {
      setHostKind(info.kind);
      setDownloads(info.savesByDownload === true);
    });
  }, [host]);

  useEffect(
    () => () => {
      // Leaving: stop a build nobody will see and take the print frame away.
      if (client.busy) client.cancel();
      printJob.current?.dispose();
      emit('export-dialog-closed');
    },
    [client],
  );

  useEffect(() => {
    remembered.document = choice;
    remembered.renditions = renditions;
  }, [choice, renditions]);

  /** Tab and Shift+Tab go round the dialog's own controls (the page behind is inert anyway). */
  const trapFocus = (e: React.KeyboardEvent<HTMLDialogElement>) => {
    if (e.key !== 'Tab') return;
    const stops = tabStops(dialog.current!);
    if (!stops.length) return;
    const first = stops[0]!;
    const last = stops[stops.length - 1]!;
    const active = document.activeElement;
    if (!e.shiftKey && (active === last || !dialog.current!.contains(active))) {
      e.preventDefault();
      first.focus();
    } else if (e.shiftKey && (active === first || !dialog.current!.contains(active))) {
      e.preventDefault();
      last.focus();
    }
  };

  // ---- building (again whenever a choice or the draft changes) ----

  useEffect(() => {
    const seq = ++buildSeq.current;
    if (!ordinance || missing) {
      setBuild({ kind: 'idle' });
      return;
    }
    const withCases = choice === 'report' || choice === 'redline';
    setBuild({ kind: 'building' });
    client
      .build({
        format: fileType.format,
        rendition: fileType.rendition,
        ordinance,
        scenario,
        cases: withCases && casesReady ? source : null,
        ...(choice === 'report' && compareWith ? { compareWith } : {}),
        ...(choice === 'redline' && against.kind === 'ready' ? { against: against.ordinance } : {}),
        ...(choice === 'report' && compare.kind === 'draft' ? { names: { ordinance: documentName, other: compare.name } } : {}),
        ...(choice === 'redline' && against.kind === 'ready' ? { names: { ordinance: documentName, other: against.name } } : {}),
      })
      .then(
        (built) => {
          if (seq !== buildSeq.current) return;
          const bytes = byteLength(built.data);
          setBuild({ kind: 'built', built, bytes });
          emit('export-built', {
            document: choice,
            format: built.format,
            rendition: built.rendition,
            name: built.suggestedName,
            bytes,
            cases: built.caseCount,
            stale,
            ms: built.ms,
          });
        },
        (e: Error) => {
          if (seq !== buildSeq.current || e instanceof ExportCancelled) return;
          setBuild({ kind: 'failed', error: e.message });
          emit('export-failed', { document: choice, error: e.message });
        },
      );
    // `compareWith` follows `compare`, and `stale` follows `ordinance`.
  }, [client, choice, fileType, ordinance, missing, scenario, casesReady, source, compare, against, documentName]);

  const stop = () => {
    client.cancel();
    buildSeq.current++;
    setBuild({ kind: 'idle' });
    emit('export-cancelled', { document: choice });
  };

  // ---- the redline's earlier version ----

  const readAgainst = useCallback(
    async (key: string, name: string, text: string) => {
      setAgainst({ kind: 'loading', key, name });
      try {
        const r = await client.readDraft(name, text);
        setAgainst((a) =>
          a.kind === 'loading' && a.key === key
            ? r.ordinance
              ? { kind: 'ready', key, name, ordinance: r.ordinance }
              : { kind: 'invalid', key, name, problem: r.problem ?? `${name} can't be compared` }
            : a,
        );
      } catch (e) {
        if (e instanceof ExportCancelled) setAgainst((a) => (a.kind === 'loading' && a.key === key ? { kind: 'none' } : a));
        else setAgainst({ kind: 'invalid', key, name, problem: `${name} could not be read: ${(e as Error).message}` });
      }
    },
    [client],
  );

  const chooseAgainst = async (value: string) => {
    if (!value) return setAgainst({ kind: 'none' });
    if (value === 'compared' && compare.kind === 'draft') {
      return setAgainst({ kind: 'ready', key: value, name: compare.name, ordinance: compare.ordinance });
    }
    if (value.startsWith('sample:')) {
      const name = value.slice('sample:'.length);
      const r = await host.readSample(name);
      if (!r.ok) return setAgainst({ kind: 'invalid', key: value, name, problem: r.error });
      return readAgainst(value, r.value.name, r.value.text);
    }
  };

  const openAgainstFile = async () => {
    const r = await host.openFile('ordinance');
    if (!r.ok) return setAgainst({ kind: 'invalid', key: 'file', name: 'the file', problem: r.error });
    if (r.value) await readAgainst(`file:${r.value.name}`, r.value.name, r.value.text);
  };

  // ---- saving ----

  const built = build.kind === 'built' ? build.built : null;
  const printsInBrowser = built?.rendition === 'pdf' && hostKind === 'browser';
  // A name typed for another document or rendition is not this one's: the field starts from the new suggestion.
  const asksName = downloads && !!built && !printsInBrowser;
  const nameShown = built ? (typedName?.for === built.suggestedName ? typedName.name : built.suggestedName) : '';
  const downloadName = built ? cleanExportName(nameShown, built.suggestedName) : null;

  const save = async () => {
    if (!built || !exportable || saving) return;
    setSaving(true);
    try {
      if (printsInBrowser) {
        printJob.current?.dispose();
        printJob.current = await printInFrame(built.printHtml!, `Printing ${built.suggestedName}`, dialog.current!);
        emit('export-printed', { format: built.format, rendition: built.rendition, name: built.suggestedName });
        return;
      }
      if (asksName && !downloadName) return;
      const r = await saveExport(host, built, (pdf, date) => client.finishPdf(pdf, date), asksName ? downloadName! : undefined);
      if (r.kind === 'cancelled') return; // The person closed the save dialog: stay here.
      if (r.kind === 'failed') {
        notify('error', r.error.charAt(0).toUpperCase() + r.error.slice(1));
        emit('export-failed', { document: choice, error: r.error });
        return;
      }
      emit('export-saved', { format: built.format, rendition: built.rendition, name: r.name, bytes: r.bytes });
      notify('info', r.downloaded ? `Exported ${r.name} to your downloads folder.` : `Exported ${r.name}.`);
      close();
    } catch (e) {
      notify('error', `Could not export: ${(e as Error).message}`);
    } finally {
      setSaving(false);
    }
  };

  // ---- what it says ----

  const firstError = errors[0];
  const samples = props.samples.filter((s) => s.kind === 'ordinance');
  const titleId = `${ids}-title`;
  const reportReasonId = `${ids}-report-reason`;
  const saveReasonId = `${ids}-save-reason`;
  const saveBlocked = !exportable
    ? checking
      ? 'The draft is being checked.'
      : 'Only an ordinance without errors can be exported.'
    : build.kind !== 'built'
      ? (missing ?? (build.kind === 'building' ? 'The export is being built.' : 'Nothing to save yet.'))
      : null;

  return (
    <dialog ref={dialog} className="export-dialog" aria-labelledby={titleId} onKeyDown={trapFocus}>
      <h2 id={titleId}>Export</h2>
      <div className="export-body">
        <div className="export-options">
          <fieldset>
            <legend>Document</legend>
            {EXPORT_DOCUMENTS.map((d) => {
              const disabled = d.id === 'report' && !!reportUnavailable;
              return (
                <div key={d.id} className="export-choice">
                  <input
                    type="radio"
                    id={`${ids}-doc-${d.id}`}
                    name={`${ids}-document`}
                    value={d.id}
                    checked={choice === d.id}
                    disabled={disabled}
                    aria-describedby={disabled ? reportReasonId : `${ids}-doc-${d.id}-about`}
                    onChange={() => setChoice(d.id)}
                  />
                  <label htmlFor={`${ids}-doc-${d.id}`}>{d.label}</label>
                  <p id={`${ids}-doc-${d.id}-about`} className="export-about">
                    {d.description}
                  </p>
                  {disabled ? (
                    <p id={reportReasonId} className="export-reason">
                      {reportUnavailable}{' '}
                      <button
                        type="button"
                        className="link"
                        onClick={() => {
                          close();
                          onChooseCases();
                        }}
                      >
                        Choose a case set
                      </button>
                    </p>
                  ) : null}
                </div>
              );
            })}
          </fieldset>

          <fieldset>
            <legend>File type</legend>
            {option.fileTypes.map((t) => (
              <div key={t.rendition} className="export-choice">
                <input
                  type="radio"
                  id={`${ids}-type-${t.rendition}`}
                  name={`${ids}-type-${choice}`}
                  value={t.rendition}
                  checked={fileType.rendition === t.rendition}
                  onChange={() => setRenditions((r) => ({ ...r, [choice]: t.rendition }))}
                />
                <label htmlFor={`${ids}-type-${t.rendition}`}>{t.label}</label>
              </div>
            ))}
            {fileType.rendition === 'pdf' && hostKind === 'browser' ? (
              <p className="export-about">
                The browser has no PDF writer of its own: Print… opens its print dialog on this document; choose “Save as PDF” as the
                destination. The desktop app and <code>detainer-studio export --format pdf</code> save the PDF directly.
              </p>
            ) : null}
          </fieldset>

          {choice === 'report' && casesReady ? (
            <section className="export-inputs" aria-label="What the report reads">
              <h3>From the Simulation view</h3>
              <dl>
                <dt>Case set</dt>
                <dd>
                  {cases!.label}: {cases!.count.toLocaleString('en-US')} case{cases!.count === 1 ? '' : 's'}
                  {cases!.problemCount ? ` (${cases!.problemCount.toLocaleString('en-US')} records with problems left out)` : ''}
                </dd>
                <dt>Compared with</dt>
                <dd>{compare.kind === 'draft' ? `${compare.title} (${compare.name})` : BASELINE_TITLE}</dd>
                <dt>Scenario</dt>
                <dd>
                  {settings.reimbursementAgreement ? 'a written reimbursement agreement' : 'no reimbursement agreement'}; $
                  {settings.costPerInmateDay.toLocaleString('en-US')} per inmate-day; {HOLIDAY_WORDS[settings.holidays]}
                </dd>
              </dl>
            </section>
          ) : null}

          {choice === 'redline' ? (
            <section className="export-inputs" aria-label="The earlier version">
              <div className="field">
                <label htmlFor={`${ids}-against`}>Earlier version</label>
                <select
                  id={`${ids}-against`}
                  value={against.kind === 'none' ? '' : against.key}
                  onChange={(e) => void chooseAgainst(e.target.value)}
                >
                  <option value="">Choose…</option>
                  {against.kind !== 'none' && against.key.startsWith('file:') ? <option value={against.key}>{against.name}</option> : null}
                  {compare.kind === 'draft' ? <option value="compared">The draft compared in the Simulation: {compare.name}</option> : null}
                  {samples.map((s) => (
                    <option key={s.name} value={`sample:${s.name}`}>
                      Sample: {s.title}
                    </option>
                  ))}
                </select>
              </div>
              <button type="button" onClick={() => void openAgainstFile()}>
                Choose a file…
              </button>
              {against.kind === 'invalid' ? (
                <p className="notice error" role="alert">
                  {against.problem}
                </p>
              ) : null}
              {casesReady ? (
                <p className="export-about">
                  With the decisions the change makes on the {cases!.count.toLocaleString('en-US')} case
                  {cases!.count === 1 ? '' : 's'} of {cases!.label}.
                </p>
              ) : null}
            </section>
          ) : null}
        </div>

        <section className="export-preview" aria-label="Preview">
          {!exportable && !checking ? (
            <div className="notice error" role="alert">
              <p>
                The draft has {errors.length} error{errors.length === 1 ? '' : 's'}. Only an ordinance without errors can be exported.
                {ordinance ? ' The preview below is the last version without errors, not the text in the editor.' : ''}
              </p>
              {firstError ? (
                <p>
                  First: line {firstError.line}, column {firstError.column}: {firstError.message}
                  {firstError.explanation
                    ? ' A legal finding the drafters accept can be silenced with a reason in the Problems panel.'
                    : ''}{' '}
                  <button
                    type="button"
                    className="link"
                    onClick={() => {
                      close();
                      onShowProblem(firstError.line, firstError.column);
                    }}
                  >
                    Show it in the editor
                  </button>
                </p>
              ) : null}
            </div>
          ) : null}
          <div className="export-status">
            <p role="status" aria-live="polite">
              {checking
                ? 'Checking the draft…'
                : build.kind === 'building'
                  ? 'Building the preview…'
                  : build.kind === 'failed'
                    ? `Could not build it: ${build.error}`
                    : build.kind === 'built'
                      ? `${build.built.suggestedName}${build.bytes !== null ? `, ${describeSize(build.bytes)}` : ', printed when saved'} — built in ${milliseconds(build.built.ms)}${stale ? ' (last version without errors)' : ''}`
                      : (missing ?? '')}
            </p>
            {build.kind === 'building' ? (
              <button type="button" onClick={stop}>
                Stop
              </button>
            ) : null}
          </div>
          {built ? (
            <iframe
              key={`${built.suggestedName}-${buildSeq.current}`}
              className={`export-frame${stale ? ' stale' : ''}`}
              title={`Preview of ${built.suggestedName}`}
              sandbox=""
              srcDoc={built.preview}
              onLoad={() =>
                emit('export-preview-shown', { format: built.format, rendition: built.rendition, name: built.suggestedName, stale })
              }
            />
          ) : (
            <div className="export-frame empty" aria-hidden="true" />
          )}
        </section>
      </div>
      <div className="export-actions">
        {asksName ? (
          <div className="export-name">
            <label htmlFor={`${ids}-name`}>File name</label>
            <input
              id={`${ids}-name`}
              type="text"
              value={nameShown}
              spellCheck={false}
              aria-describedby={`${ids}-name-about`}
              onChange={(e) => setTypedName({ for: built!.suggestedName, name: e.target.value })}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  void save();
                }
              }}
            />
            <span id={`${ids}-name-about`} className="muted">
              {downloadName
                ? `Goes to your downloads folder${downloadName !== nameShown.trim() ? ` as ${downloadName}` : ''}.`
                : 'Type a file name.'}
            </span>
          </div>
        ) : null}
        {saveBlocked && !checking ? (
          <span id={saveReasonId} className="export-reason">
            {saveBlocked}
          </span>
        ) : null}
        <button type="button" onClick={close}>
          Cancel
        </button>
        <button
          type="button"
          className="primary"
          disabled={!!saveBlocked || saving || (asksName && !downloadName)}
          aria-describedby={saveBlocked ? saveReasonId : undefined}
          onClick={() => void save()}
        >
          {printsInBrowser ? 'Print…' : 'Save…'}
        </button>
      </div>
    </dialog>
  );
}

/** The controls Tab stops at, in order: a radio group is one stop (its checked radio). */
function tabStops(root: HTMLElement): HTMLElement[] {
  const all = [
    ...root.querySelectorAll<HTMLElement>('button, input, select, textarea, iframe, a[href], [tabindex]:not([tabindex="-1"])'),
  ].filter((el) => !(el as HTMLButtonElement).disabled && el.tabIndex >= 0 && el.getClientRects().length > 0);
  return all.filter((el) => {
    if (!(el instanceof HTMLInputElement) || el.type !== 'radio' || el.checked) return true;
    // An unchecked radio is a stop only when no radio of its group is checked.
    return !all.some((other) => other instanceof HTMLInputElement && other.type === 'radio' && other.name === el.name && other.checked);
  });
}
