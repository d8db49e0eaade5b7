// `detainer-studio sign BUNDLE --key PRIVATE_KEY [--signer NAME] [--out FILE]`: signs a verified policy
// bundle with the issuing city's Ed25519 key; `sign --new-key NAME` makes a key pair to sign with.

import fs from 'node:fs';
import { verifyPolicyBundle } from '../../engine/index';
import { formatDiagnostic } from '../../engine/index';
import { keyIdOf, newKeyPair, readPrivateKey, signBundle } from '../../host/bundle-signing.node';
import { writeFileAtomic } from '../../host/files.node';
import { parseArgs, UsageError } from '../args';
import { readOrReport, Reported, type Output } from '../context';
import type { CommandCode } from '../command';
import { checkOutFile, FORCE_EXTENSION } from '../out-file';
import { diagnosticsFor } from './validate';
import { readKeyFile } from './verify';

function makeKeyPair(io: Output, name: string): number {
  const privateFile = `${name}.key`;
  const publicFile = `${name}.pub`;
  for (const f of [privateFile, publicFile]) {
    if (fs.existsSync(f)) throw new UsageError(`${f} exists; a key is never overwritten: choose another NAME`);
  }
  const pair = newKeyPair();
  // The private key is readable by its owner only, and written only where nothing is.
  writeFileAtomic(privateFile, pair.privatePem, { expectedHash: null, newFileMode: 0o600 });
  writeFileAtomic(publicFile, pair.publicPem, { expectedHash: null });
  io.out(
    `${privateFile}: private key (keep it secret: whoever has it can sign for you)\n` +
      `${publicFile}: public key ${pair.keyId} (give it to the records systems that check your bundles: verify --key ${publicFile})\n`,
  );
  return 0;
}

export const sign: CommandCode = {
  run(argv: string[], io: Output): number {
    const args = parseArgs(argv, { values: ['key', 'signer', 'out', 'new-key'], flags: [FORCE_EXTENSION] });
    const newKey = args.values.get('new-key');
    if (newKey !== undefined) {
      if (args.positional.length || args.values.size > 1) throw new UsageError('--new-key NAME takes no bundle and no other option');
      return makeKeyPair(io, newKey);
    }
    if (args.positional.length !== 1) throw new UsageError('sign needs exactly one bundle file');
    const keyFile = args.values.get('key');
    if (!keyFile) throw new UsageError('sign needs --key PRIVATE_KEY (make one with: detainer-studio sign --new-key NAME)');
    const signer = args.values.get('signer');
    if (signer !== undefined && (signer.trim() === '' || signer.length > 200 || /[\p{Cc}\p{Cf}]/u.test(signer))) {
      throw new UsageError('--signer must be 1 to 200 printable characters');
    }
    const file = args.positional[0]!;
    const out = args.values.get('out');
    if (out) checkOutFile(out, { kind: 'json', inputs: [file, keyFile], forceExtension: args.flags.has(FORCE_EXTENSION) });
    const privateKey = readKeyFile(io, keyFile, readPrivateKey);
    const v = verifyPolicyBundle(readOrReport(io, file), { check: (policyText) => diagnosticsFor(policyText, file) });
    const errors = v.diagnostics.filter((d) => d.severity === 'error');
    if (!v.ok || !v.value || errors.length) {
      for (const d of errors) io.err(formatDiagnostic(file, d) + '\n');
      io.err(`${file}: not signed: the bundle does not verify (${errors.length} problem${errors.length === 1 ? '' : 's'})\n`);
      throw new Reported(1);
    }
    const signed = signBundle(v.value, privateKey, signer);
    if (!out) {
      io.out(signed);
      return 0;
    }
    writeFileAtomic(out, signed);
    io.err(`${out}: signed with key ${keyIdOf(privateKey)}${signer ? ` as "${signer}"` : ''}\n`);
    return 0;
  },
};
