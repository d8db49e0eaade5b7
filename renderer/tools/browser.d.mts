// Types of browser.mjs for the TypeScript tests that share its Chromium flags.
import type { ChildProcess } from 'node:child_process';
import type { Page } from '@playwright/test';

export declare const CHROMIUM_PATH: string;
export declare const CHROMIUM_ARGS: string[];
export declare function startWebServer(port: number): Promise<{ address: string; server: ChildProcess }>;
export declare function waitForEvent(page: Page, name: string, match?: Record<string, unknown>, since?: number): Promise<unknown>;
export declare function eventCount(page: Page): Promise<number>;
