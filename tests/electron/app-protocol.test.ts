// The app:// protocol serves the built web bundle and nothing else: no path climbs out of it, other
// hosts get nothing, and print documents are served once under unguessable names.

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { answerAppRequest, mimeTypeOf, PrintJobs, resolveWebFile } from '../../electron/app-protocol';
import { tempDir } from './helpers';

function webBundle(): string {
  const web = tempDir('ds-web-');
  fs.mkdirSync(path.join(web, 'assets'));
  fs.writeFileSync(path.join(web, 'index.html'), '<!doctype html><title>Detainer Policy Studio</title>');
  fs.writeFileSync(path.join(web, 'assets', 'index-abc.js'), 'export const x = 1;');
  fs.writeFileSync(path.join(web, 'assets', 'codicon.ttf'), Buffer.from([0, 1, 0, 0]));
  fs.writeFileSync(path.join(path.dirname(web), 'secret.txt'), 'outside the bundle');
  return web;
}

describe('app protocol', () => {
  it('serves the entry page at / and /index.html, and assets with their media types', async () => {
    const web = webBundle();
    const jobs = new PrintJobs();
    for (const url of ['app://studio/', 'app://studio/index.html', 'app://studio/index.html?v=2#x']) {
      const answer = await answerAppRequest(url, web, jobs);
      expect(answer.status, url).toBe(200);
      expect(answer.headers['Content-Type']).toBe('text/html; charset=utf-8');
      expect(Buffer.from(answer.body).toString()).toContain('Detainer Policy Studio');
    }
    const js = await answerAppRequest('app://studio/assets/index-abc.js', web, jobs);
    expect(js.headers['Content-Type']).toBe('text/javascript; charset=utf-8');
    const font = await answerAppRequest('app://studio/assets/codicon.ttf', web, jobs);
    expect(font.headers['Content-Type']).toBe('font/ttf');
    expect(mimeTypeOf('x.wasm')).toBe('application/wasm');
    expect(mimeTypeOf('x.unknown')).toBe('application/octet-stream');
  });

  it('never serves a file outside the bundle, however the path is spelled', async () => {
    const web = webBundle();
    const jobs = new PrintJobs();
    for (const url of [
      'app://studio/../secret.txt',
      'app://studio/%2e%2e/secret.txt',
      'app://studio/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      'app://studio/..%5csecret.txt',
      'app://studio/%00index.html',
      'app://studio/%E0%A4%A',
      'app://studio/assets',
      'app://studio/missing.js',
      'app://other/index.html',
      'file:///etc/passwd',
      'https://studio/index.html',
      'not a url',
    ]) {
      const answer = await answerAppRequest(url, web, jobs);
      expect(answer.status, url).toBe(404);
      expect(String(answer.body)).not.toContain('outside the bundle');
    }
    expect(resolveWebFile('app://studio/../../../../etc/passwd', web)).toBe(path.join(web, 'etc', 'passwd'));
  });

  it('serves a print document only under its token, and not after it is removed', async () => {
    const web = webBundle();
    const jobs = new PrintJobs();
    const token = jobs.add('<h1>Sec. 1</h1>');
    expect(token).toMatch(/^[0-9a-f]{32}$/);
    expect(jobs.url(token)).toBe(`app://print/${token}.html`);
    const answer = await answerAppRequest(jobs.url(token), web, jobs);
    expect(answer.status).toBe(200);
    expect(answer.body).toBe('<h1>Sec. 1</h1>');
    expect((await answerAppRequest('app://print/' + '0'.repeat(32) + '.html', web, jobs)).status).toBe(404);
    expect((await answerAppRequest('app://print/index.html', web, jobs)).status).toBe(404);
    jobs.remove(token);
    expect(jobs.size).toBe(0);
    expect((await answerAppRequest(jobs.url(token), web, jobs)).status).toBe(404);
  });
});
