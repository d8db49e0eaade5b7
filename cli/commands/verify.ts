// `detainer-studio verify BUNDLE... [--key PUBLIC_KEY]`: checks that a policy bundle can be relied on:
// strict JSON, its schema, a fingerprint that matches the policy inside, decision logic that matches
// the policy, the policy itself through the same check `validate` runs (schema, semantics, legal lint),
// and its signature (with --key: made with the key the records system trusts).

import type { KeyObject } from 'node:crypto';
import { verifyPolicyBundle } from '../../engine/index';
import { formatDiagnostic, type Diagnostic } from '../../engine/index';
import { checkBundleSignature, KeyError, readPublicKey } from '../../host/bundle-signing.node';
import { FileError, readBytes } from '../../host/files.node';
import { parseArgs, UsageError } from '../args';
import { readOrSkip, Reported, type Output } from '../context';
import type { CommandCode } from '../command';
import { diagnosticsFor } from './validate';

/** Reads a key file for --key (a small regular file), or reports why not (exit 2). */
export function readKeyFile<K>(io: Output, file: string, read: (data: Buffer, file: string) => K): K {
  try {
    return read(readBytes(file, 64 * 1024), file);
  } catch (e) {
    if (e instanceof FileError) io.err(`${file}: error: ${e.message}\n`);
    else if (e instanceof KeyError) io.err(`${e.message.replace(/^([^:]*): /, '$1: error: ')}\n`);
    else throw e;
    throw new Reported(2);
  }
}

export const verify: CommandCode = {
  run(argv: string[], io: Output): number {
    const args = parseArgs(argv, { values: ['key'] });
    if (args.positional.length === 0) throw new UsageError('verify needs at least one bundle file');
    const keyFile = args.values.get('key');
    const trusted: KeyObject | undefined = keyFile ? readKeyFile(io, keyFile, readPublicKey) : undefined;
    let failed = false;
    let unreadable = false;
    for (const file of args.positional) {
      const text = readOrSkip(io, file);
      if (text === null) {
        unreadable = true;
        continue;
      }
      const v = verifyPolicyBundle(text, { check: (policyText) => diagnosticsFor(policyText, file) });
      const diagnostics = [...v.diagnostics];
      let signedBy = '';
      if (v.ok && v.value && v.locate) {
        const signature = checkBundleSignature(v.value, trusted);
        const at = (code: string, message: string): Diagnostic => ({
          severity: 'error',
          code,
          message,
          path: ['signature'],
          ...v.locate!(v.value!.signature === undefined ? [] : ['signature']),
        });
        if (signature.status === 'unsigned') {
          if (trusted) diagnostics.push(at('signature-missing', `the bundle is not signed; --key asks for a signature by ${keyFile}`));
          else signedBy = '; not signed';
        } else if (signature.status === 'valid') {
          signedBy = `; signed by key ${signature.keyId}${signature.signer ? ` ("${signature.signer}")` : ''}${
            signature.trusted ? `, the key in ${keyFile}` : ', not checked against a key you trust (pass --key)'
          }`;
        } else {
          diagnostics.push(at(signature.status === 'invalid' ? 'signature-invalid' : 'signature-untrusted-key', signature.message));
        }
      }
      // Errors and warnings, as `validate --quiet` prints them; notes are left to `validate`.
      for (const d of diagnostics) if (d.severity !== 'info') io.err(formatDiagnostic(file, d) + '\n');
      const errors = diagnostics.filter((d) => d.severity === 'error');
      const warnings = diagnostics.length - errors.length - diagnostics.filter((d) => d.severity === 'info').length;
      if (errors.length === 0 && v.bundle) {
        const b = v.bundle;
        // A bundle an earlier version exported: its decision logic is what that version derived.
        const earlier =
          v.edition && v.edition.id !== 'current' ? `its decision logic is what ${v.edition.versions} derived from the policy; ` : '';
        io.out(
          `${file}: verified: "${b.title}"${b.version ? `, version ${b.version}` : ''}${b.effectiveDate ? `, effective ${b.effectiveDate}` : ''}; fingerprint ${b.fingerprint} matches the policy; ${earlier}the policy passes validation and the legal lint${warnings ? ` (${warnings} warning${warnings === 1 ? '' : 's'})` : ''}${signedBy}\n`,
        );
        continue;
      }
      failed = true;
      const mismatch = errors.some((d) => d.code === 'fingerprint-mismatch');
      io.err(
        `${file}: NOT VERIFIED: ${mismatch ? 'the fingerprint does not match the policy; ' : ''}${errors.length} problem${errors.length === 1 ? '' : 's'}; do not rely on this bundle\n`,
      );
    }
    if (unreadable) return 2;
    return failed ? 1 : 0;
  },
};
