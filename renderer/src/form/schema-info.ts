// Labels, help and choices for the form, read from the ordinance schema: the same words the editor's
// hover shows, so the two views can't describe a field differently.

import ordinanceSchema from '../../../policy-schemas/ordinance.schema.json';

interface SchemaNode {
  $ref?: string;
  title?: string;
  description?: string;
  enum?: unknown[];
  examples?: unknown[];
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  minimum?: number;
  maximum?: number;
  type?: string | string[];
}

const root = ordinanceSchema as unknown as SchemaNode;

function resolvePointer(pointer: string): SchemaNode | undefined {
  if (!pointer.startsWith('#')) return undefined;
  let node: unknown = root;
  for (const raw of pointer.slice(1).split('/').filter(Boolean)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    node = (node as Record<string, unknown> | undefined)?.[key];
  }
  return node as SchemaNode | undefined;
}

/** Follows `$ref`s, keeping the nearest title and description. */
function resolve(node: SchemaNode | undefined): SchemaNode | undefined {
  let current = node;
  let title = node?.title;
  let description = node?.description;
  for (let guard = 0; current?.$ref && guard < 10; guard++) {
    current = resolvePointer(current.$ref);
    title ??= current?.title;
    description ??= current?.description;
  }
  return current ? { ...current, title, description } : undefined;
}

/**
 * The schema of a spot in the document, by a path of property names with `[]` for list items and
 * `{}` for the definitions a name refers to, e.g. `sections[].provisions[].maxHold.hours`.
 */
export function schemaAt(path: string): SchemaNode | undefined {
  let node = resolve(root);
  for (const part of path.split('.').filter(Boolean)) {
    const name = part.replace(/\[\]$/, '');
    node = resolve(node?.properties?.[name]);
    if (part.endsWith('[]')) node = resolve(node?.items);
  }
  return node;
}

export function defSchema(name: string, property?: string): SchemaNode | undefined {
  const def = resolve(resolvePointer(`#/$defs/${name}`));
  return property ? resolve(def?.properties?.[property]) : def;
}

export interface FieldHelp {
  label: string;
  help: string;
}

function humanize(key: string): string {
  const words = key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function helpFor(node: SchemaNode | undefined, key: string): FieldHelp {
  return { label: node?.title ?? humanize(key), help: (node?.description ?? '').replace(/`/g, '') };
}

/** The allowed values of an enumerated field (for a list: of its items). */
export function choicesOf(node: SchemaNode | undefined): string[] {
  const values = node?.enum ?? node?.items?.enum ?? resolve(node?.items)?.enum ?? [];
  return values.filter((v): v is string => typeof v === 'string');
}

export function examplesOf(node: SchemaNode | undefined): string[] {
  const values = node?.examples ?? resolve(node?.items)?.examples ?? [];
  return values.filter((v): v is string => typeof v === 'string');
}

/** The tests a condition can make, in the schema's order, with their titles and explanations. */
export function conditionKinds(): Array<{ key: string } & FieldHelp> {
  const props = defSchema('condition')?.properties ?? {};
  return Object.keys(props).map((key) => ({ key, ...helpFor(resolve(props[key]), key) }));
}

export function conditionField(kind: string, field?: string): SchemaNode | undefined {
  const leaf = defSchema('condition', kind);
  return field ? resolve(leaf?.properties?.[field]) : leaf;
}

/** The reference of the whole format: every field's title and explanation, for the Help view. */
export interface ReferenceEntry {
  path: string;
  title: string;
  description: string;
  choices: string[];
  depth: number;
}

export function schemaReference(): ReferenceEntry[] {
  const out: ReferenceEntry[] = [];
  const seen = new Set<string>();
  const walk = (node: SchemaNode | undefined, path: string, depth: number, ref?: string) => {
    if (!node || depth > 4) return;
    if (ref) {
      if (seen.has(ref)) return;
      seen.add(ref);
    }
    for (const [key, raw] of Object.entries(node.properties ?? {})) {
      const child = resolve(raw);
      const childPath = path ? `${path}.${key}` : key;
      out.push({
        path: childPath,
        title: child?.title ?? humanize(key),
        description: child?.description ?? '',
        choices: choicesOf(child),
        depth,
      });
      const item = resolve(child?.items);
      const next = item?.properties ? item : child;
      walk(next, item?.properties ? `${childPath}[]` : childPath, depth + 1, raw.$ref ?? child?.items?.$ref);
    }
  };
  walk(resolve(root), '', 0);
  return out;
}
