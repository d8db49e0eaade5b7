// Remembers the main window's size, position and maximized state in userData, and brings a saved
// position back onto a screen that still exists (a laptop undocked from its second monitor).

import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../host/files.node';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  /** Position and size; x/y absent means "let the system place it". */
  bounds: { x?: number; y?: number; width: number; height: number };
  maximized: boolean;
}

export const DEFAULT_WINDOW_STATE: WindowState = { bounds: { width: 1280, height: 820 }, maximized: false };
export const MIN_WINDOW_SIZE = { width: 720, height: 480 };

function isInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && Math.abs(v) < 100_000;
}

/** Reads a saved state; anything missing or malformed gives the default. */
export function parseWindowState(text: string): WindowState {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return DEFAULT_WINDOW_STATE;
  }
  const b = (data as { bounds?: Record<string, unknown> } | null)?.bounds;
  if (!b || !isInt(b.width) || !isInt(b.height)) return DEFAULT_WINDOW_STATE;
  const bounds: WindowState['bounds'] = {
    width: Math.max(MIN_WINDOW_SIZE.width, b.width),
    height: Math.max(MIN_WINDOW_SIZE.height, b.height),
  };
  if (isInt(b.x) && isInt(b.y)) {
    bounds.x = b.x;
    bounds.y = b.y;
  }
  return { bounds, maximized: (data as { maximized?: unknown }).maximized === true };
}

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * Fits saved bounds to the screens there are now (their work areas): a window less than a quarter
 * visible is centred on the primary screen, and no window is larger than the screen it is on.
 */
export function fitToDisplays(state: WindowState, workAreas: Rect[]): WindowState {
  const primary = workAreas[0];
  if (!primary) return state;
  const { x, y } = state.bounds;
  let { width, height } = state.bounds;
  if (x === undefined || y === undefined) {
    return {
      ...state,
      bounds: { width: Math.min(width, primary.width), height: Math.min(height, primary.height) },
    };
  }
  const rect = { x, y, width, height };
  const best = workAreas.reduce((a, b) => (overlap(rect, b) > overlap(rect, a) ? b : a), primary);
  width = Math.min(width, best.width);
  height = Math.min(height, best.height);
  if (overlap({ x, y, width, height }, best) < (width * height) / 4) {
    return {
      ...state,
      bounds: {
        x: Math.round(primary.x + (primary.width - width) / 2),
        y: Math.round(primary.y + (primary.height - height) / 2),
        width,
        height,
      },
    };
  }
  return { ...state, bounds: { x, y, width, height } };
}

/** The window state file in userData. */
export class WindowStateStore {
  readonly file: string;

  constructor(userDataDir: string) {
    this.file = path.join(userDataDir, 'window-state.json');
  }

  load(): WindowState {
    try {
      return parseWindowState(fs.readFileSync(this.file, 'utf8'));
    } catch {
      return DEFAULT_WINDOW_STATE;
    }
  }

  save(state: WindowState): void {
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      writeFileAtomic(this.file, JSON.stringify(state) + '\n');
    } catch {
      // Not remembering the window's place is no reason to fail closing it.
    }
  }
}
