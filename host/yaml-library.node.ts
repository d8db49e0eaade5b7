// The `yaml` library as the command line sees it: the same functions and classes, but the library is
// loaded on first use instead of when the command starts. The engine reads plain block-style
// documents with its own reader (yaml-block.ts) and needs the library only for the rest of YAML and
// for document edits, so `validate` of a policy written as policies are written never loads it
// (about a fifth of a fresh process's start-up). scripts/build.mjs puts this module in place of
// `yaml` in the command line's bundle; everything else imports the library itself.

import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';

type Library = typeof Yaml;

let loaded: Library | undefined;

function library(): Library {
  loaded ??= createRequire(import.meta.url)('yaml') as Library;
  return loaded;
}

// The type tests, each the library's own once loaded.
export const isAlias = ((node: unknown) => library().isAlias(node)) as Library['isAlias'];
export const isCollection = ((node: unknown) => library().isCollection(node)) as Library['isCollection'];
export const isMap = ((node: unknown) => library().isMap(node)) as Library['isMap'];
export const isPair = ((node: unknown) => library().isPair(node)) as Library['isPair'];
export const isScalar = ((node: unknown) => library().isScalar(node)) as Library['isScalar'];
export const isSeq = ((node: unknown) => library().isSeq(node)) as Library['isSeq'];

export const parseDocument = ((...args: Parameters<Library['parseDocument']>) =>
  library().parseDocument(...args)) as Library['parseDocument'];
export const stringify = ((...args: Parameters<Library['stringify']>) => library().stringify(...args)) as Library['stringify'];
export const visit = ((...args: Parameters<Library['visit']>) => library().visit(...args)) as Library['visit'];

/**
 * A class of the library, loaded when first constructed or read: `new`, static fields (`Scalar.PLAIN`)
 * and `instanceof` reach the library's own class.
 */
function lazyClass<K extends 'Document' | 'LineCounter' | 'Scalar'>(name: K): Library[K] {
  const real = () => library()[name] as unknown as new (...args: unknown[]) => object;
  return new Proxy(function lazy() {}, {
    construct: (_, args) => Reflect.construct(real(), args),
    get: (_, key) => Reflect.get(real(), key),
    has: (_, key) => Reflect.has(real(), key),
    getPrototypeOf: () => Reflect.getPrototypeOf(real()),
  }) as unknown as Library[K];
}

export const Document = lazyClass('Document');
export const LineCounter = lazyClass('LineCounter');
export const Scalar = lazyClass('Scalar');
