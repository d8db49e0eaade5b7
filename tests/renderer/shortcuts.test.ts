// Keyboard shortcuts of the browser build and how bundled samples are sorted by kind.
import { describe, expect, it } from 'vitest';
import { sampleKind } from '../../renderer/src/host/sample-kind';
import { browserShortcuts, commandFor as commandForKeys, type KeyPress } from '../../renderer/src/host/shortcuts';

const SHORTCUTS = browserShortcuts('Linux x86_64');
const commandFor = (e: KeyPress) => commandForKeys(e, SHORTCUTS);

const key = (code: string, mods: Partial<{ ctrl: boolean; shift: boolean; alt: boolean; meta: boolean }> = {}) => ({
  code,
  ctrlKey: !!mods.ctrl,
  shiftKey: !!mods.shift,
  altKey: !!mods.alt,
  metaKey: !!mods.meta,
});

describe('shortcuts', () => {
  it('map the usual keys to menu commands', () => {
    expect(commandFor(key('KeyS', { ctrl: true }))).toBe('file.save');
    expect(commandFor(key('KeyS', { ctrl: true, shift: true }))).toBe('file.saveAs');
    expect(commandFor(key('KeyS', { meta: true }))).toBe('file.save');
    expect(commandFor(key('KeyO', { ctrl: true }))).toBe('file.open');
    expect(commandFor(key('F5'))).toBe('simulate.run');
    expect(commandFor(key('Digit2', { ctrl: true, shift: true }))).toBe('view.form');
  });

  it('leave typing alone', () => {
    expect(commandFor(key('KeyS'))).toBeUndefined();
    expect(commandFor(key('KeyZ', { ctrl: true }))).toBeUndefined();
    expect(commandFor(key('Digit2', { ctrl: true }))).toBeUndefined();
  });

  it('never claim keys the browser keeps for itself', () => {
    for (const s of SHORTCUTS) {
      const plainCtrl = !!s.ctrl && !s.shift && !s.alt;
      expect(plainCtrl && ['KeyN', 'KeyW', 'KeyT'].includes(s.code), s.label).toBe(false);
      expect(plainCtrl && /^Digit[1-8]$/.test(s.code), s.label).toBe(false);
    }
  });
});

describe('sample kinds', () => {
  it('come from the file name or folder', () => {
    expect(sampleKind('ordinances/boston-2014.ordinance.yaml')).toBe('ordinance');
    expect(sampleKind('cases/bookings-2012.cases.json')).toBe('cases');
    expect(sampleKind('cases/bookings.csv')).toBe('cases');
    expect(sampleKind('scenarios/cook-county.scenario.yaml')).toBe('scenario');
  });
});
