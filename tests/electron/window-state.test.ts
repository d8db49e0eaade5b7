// The window comes back where it was, on a screen that still exists, and a damaged state file is harmless.

import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_WINDOW_STATE, fitToDisplays, parseWindowState, WindowStateStore } from '../../electron/window-state';
import { tempDir } from './helpers';

const laptop = { x: 0, y: 0, width: 1440, height: 870 };
const external = { x: 1440, y: 0, width: 2560, height: 1400 };

describe('window state', () => {
  it('is remembered in userData across launches', () => {
    const dir = tempDir('ds-ws-');
    const store = new WindowStateStore(dir);
    expect(store.load()).toEqual(DEFAULT_WINDOW_STATE);
    store.save({ bounds: { x: 100, y: 80, width: 1000, height: 700 }, maximized: true });
    expect(new WindowStateStore(dir).load()).toEqual({ bounds: { x: 100, y: 80, width: 1000, height: 700 }, maximized: true });
  });

  it('falls back to the default for a damaged or hostile file', () => {
    for (const text of ['', '{', 'null', '[]', '{"bounds":{"width":"wide","height":1}}', '{"bounds":{"width":1e9,"height":500}}']) {
      expect(parseWindowState(text), text).toEqual(DEFAULT_WINDOW_STATE);
    }
    expect(parseWindowState('{"bounds":{"width":10,"height":10,"x":1.5,"y":2}}')).toEqual({
      bounds: { width: 720, height: 480 },
      maximized: false,
    });
    const dir = tempDir('ds-ws-');
    const store = new WindowStateStore(dir);
    fs.writeFileSync(store.file, '\u0000garbage');
    expect(store.load()).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('keeps a window that is on a connected screen', () => {
    const state = { bounds: { x: 1600, y: 100, width: 1200, height: 900 }, maximized: false };
    expect(fitToDisplays(state, [laptop, external])).toEqual(state);
  });

  it('brings a window from a disconnected screen back to the centre of the primary one, fitted', () => {
    const state = { bounds: { x: 1600, y: 100, width: 2000, height: 1200 }, maximized: false };
    expect(fitToDisplays(state, [laptop])).toEqual({ bounds: { x: 0, y: 0, width: 1440, height: 870 }, maximized: false });
    const small = { bounds: { x: 3000, y: 100, width: 800, height: 600 }, maximized: true };
    expect(fitToDisplays(small, [laptop])).toEqual({ bounds: { x: 320, y: 135, width: 800, height: 600 }, maximized: true });
  });

  it('lets the system place a window with no saved position, no larger than the screen', () => {
    expect(fitToDisplays({ bounds: { width: 3000, height: 2000 }, maximized: false }, [laptop])).toEqual({
      bounds: { width: 1440, height: 870 },
      maximized: false,
    });
    expect(fitToDisplays(DEFAULT_WINDOW_STATE, [])).toEqual(DEFAULT_WINDOW_STATE);
  });
});
