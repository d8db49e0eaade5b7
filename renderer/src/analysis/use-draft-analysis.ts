// The state of the decision table and draft difference views: the draft they are of (the newest
// without errors), the settings, the other draft, the latest results and whether one is being worked
// out. Only the view on screen recomputes as the draft changes (newest draft wins, one run at a
// time); a run can be cancelled.

import { useCallback, useEffect, useRef, useState } from 'react';
import type { Ordinance } from '../../../engine/index';
import { emit } from '../lib/app-events';
import { LatestOnly } from '../lib/latest-only';
import { AnalysisCancelled, DeepAnalysisClient } from './deep-analysis-client';
import type { DecisionTableDone, DiffDone, ReimbursementChoice } from './protocol';
import { kindKey } from './table-rows';

export type AnalysisView = 'table' | 'drafts';

export type WorkStatus =
  | { kind: 'idle' }
  /** `since` is performance.now() when it started, so a view can wait before showing progress. */
  | { kind: 'running'; since: number }
  | { kind: 'cancelled' }
  | { kind: 'error'; message: string };

export interface TableState {
  result: DecisionTableDone | null;
  status: WorkStatus;
  reimbursement: ReimbursementChoice;
}

/** The draft compared with the one in the editor. */
export interface OtherDraft {
  name: string;
  title: string;
  ordinance: Ordinance;
  fingerprint: string;
}

export interface DiffState {
  other: OtherDraft | null;
  /** Reading the other draft, or why it was refused. */
  otherStatus: { kind: 'none' } | { kind: 'loading'; name: string } | { kind: 'refused'; error: string };
  result: DiffDone | null;
  status: WorkStatus;
  reimbursement: ReimbursementChoice;
}

const IDLE: WorkStatus = { kind: 'idle' };

export function useDraftAnalysis() {
  const clientRef = useRef<DeepAnalysisClient | null>(null);
  if (!clientRef.current) clientRef.current = new DeepAnalysisClient();
  const client = clientRef.current;
  useEffect(() => () => client.dispose(), [client]);

  const [table, setTable] = useState<TableState>({ result: null, status: IDLE, reimbursement: 'either' });
  const [diff, setDiff] = useState<DiffState>({
    other: null,
    otherStatus: { kind: 'none' },
    result: null,
    status: IDLE,
    reimbursement: 'either',
  });

  // What the jobs read when they start: always the newest.
  const draft = useRef<{ ordinance: Ordinance; version: number } | null>(null);
  const shown = useRef<AnalysisView | null>(null);
  const tableReimbursement = useRef<ReimbursementChoice>('either');
  const diffReimbursement = useRef<ReimbursementChoice>('either');
  const other = useRef<OtherDraft | null>(null);
  // What the shown results were worked out from, so an unchanged request is not sent again.
  const tableKey = useRef('');
  const diffKey = useRef('');

  const jobs = useRef<{ table: LatestOnly; diff: LatestOnly } | null>(null);
  jobs.current ??= {
    table: new LatestOnly(async () => {
      const d = draft.current;
      if (!d) return;
      const reimbursement = tableReimbursement.current;
      const key = `${d.version} ${reimbursement}`;
      if (key === tableKey.current) return;
      setTable((x) => ({ ...x, status: { kind: 'running', since: performance.now() } }));
      try {
        const result = await client.decisionTable({ version: d.version, ordinance: d.ordinance, reimbursement });
        tableKey.current = key;
        setTable((x) => ({ ...x, result, status: IDLE }));
        emit('decision-table-done', { version: result.version, rows: result.table.rows.length, ms: result.ms });
      } catch (e) {
        setTable((x) => ({
          ...x,
          status: e instanceof AnalysisCancelled ? { kind: 'cancelled' } : { kind: 'error', message: (e as Error).message },
        }));
      }
    }),
    diff: new LatestOnly(async () => {
      const d = draft.current;
      const b = other.current;
      if (!d || !b) return;
      const reimbursement = diffReimbursement.current;
      const key = `${d.version} ${b.fingerprint} ${reimbursement}`;
      if (key === diffKey.current) return;
      setDiff((x) => ({ ...x, status: { kind: 'running', since: performance.now() } }));
      try {
        const result = await client.diff({ version: d.version, a: d.ordinance, b: b.ordinance, reimbursement });
        diffKey.current = key;
        setDiff((x) => ({ ...x, result, status: IDLE }));
        emit('drafts-compared', {
          version: result.version,
          equivalent: result.difference.equivalent,
          kinds: result.difference.witnesses.map((w) => kindKey(w.kind)),
          ms: result.ms,
        });
      } catch (e) {
        setDiff((x) => ({
          ...x,
          status: e instanceof AnalysisCancelled ? { kind: 'cancelled' } : { kind: 'error', message: (e as Error).message },
        }));
      }
    }),
  };

  /** Works out what the view on screen shows, if its inputs changed. */
  const refresh = useCallback(() => {
    if (shown.current === 'table') jobs.current!.table.request();
    else if (shown.current === 'drafts') jobs.current!.diff.request();
  }, []);

  /** The draft in the editor changed and has no errors. */
  const setDraft = useCallback(
    (ordinance: Ordinance, version: number) => {
      draft.current = { ordinance, version };
      refresh();
    },
    [refresh],
  );

  /** Which of the two views is on screen (null: neither); only that one keeps up with the draft. */
  const show = useCallback(
    (view: AnalysisView | null) => {
      shown.current = view;
      refresh();
    },
    [refresh],
  );

  const setTableReimbursement = useCallback(
    (choice: ReimbursementChoice) => {
      tableReimbursement.current = choice;
      setTable((x) => ({ ...x, reimbursement: choice }));
      refresh();
    },
    [refresh],
  );

  const setDiffReimbursement = useCallback(
    (choice: ReimbursementChoice) => {
      diffReimbursement.current = choice;
      setDiff((x) => ({ ...x, reimbursement: choice }));
      refresh();
    },
    [refresh],
  );

  /**
   * Reads another draft to compare with; a draft with errors is refused with its first error.
   * Resolves to the draft taken, or null.
   */
  const chooseOther = useCallback(
    async (name: string, text: string): Promise<OtherDraft | null> => {
      setDiff((x) => ({ ...x, otherStatus: { kind: 'loading', name } }));
      try {
        const loaded = await client.loadDraft(name, text);
        if (loaded.kind === 'draft-refused') {
          setDiff((x) => ({ ...x, otherStatus: { kind: 'refused', error: loaded.error } }));
          emit('other-draft-refused', { name, error: loaded.error });
          return null;
        }
        const chosen: OtherDraft = { name, title: loaded.title, ordinance: loaded.ordinance, fingerprint: loaded.fingerprint };
        other.current = chosen;
        setDiff((x) => ({ ...x, other: chosen, otherStatus: { kind: 'none' } }));
        emit('other-draft-loaded', { name, title: loaded.title });
        refresh();
        return chosen;
      } catch (e) {
        const error = e instanceof AnalysisCancelled ? `Reading ${name} was cancelled.` : (e as Error).message;
        setDiff((x) => ({ ...x, otherStatus: { kind: 'refused', error } }));
        return null;
      }
    },
    [client, refresh],
  );

  /** Takes a draft already read and checked elsewhere (the one chosen in the Comparison view). */
  const takeOther = useCallback(
    (chosen: OtherDraft) => {
      const now = other.current;
      if (now && now.name === chosen.name && now.fingerprint === chosen.fingerprint) return;
      other.current = chosen;
      setDiff((x) => ({ ...x, other: chosen, otherStatus: { kind: 'none' } }));
      emit('other-draft-loaded', { name: chosen.name, title: chosen.title });
      refresh();
    },
    [refresh],
  );

  /** Stops the table or difference being worked out; the next edit or "again" starts afresh. */
  const cancel = useCallback(() => {
    jobs.current!.table.dropPending();
    jobs.current!.diff.dropPending();
    client.cancel();
    emit('analysis-cancelled');
  }, [client]);

  return { client, table, diff, setDraft, show, refresh, setTableReimbursement, setDiffReimbursement, chooseOther, takeOther, cancel };
}

export type DraftAnalysis = ReturnType<typeof useDraftAnalysis>;
