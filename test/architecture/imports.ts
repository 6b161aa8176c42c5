// The import graph of src/, workflows/ and db/, read from the source with TypeScript's own
// pre-processor (static imports, re-exports, `import type` and dynamic import() alike).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

export const root = resolve(dirname(new URL(import.meta.url).pathname), '../..');

function filesUnder(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) return name === 'migrations' ? [] : filesUnder(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Each project file (repo-relative) with the project files it imports and the names it imports from each. */
export interface Imports { file: string; imports: { target: string; names: string[] }[] }

function resolveImport(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null; // a package
  const base = join(dirname(from), spec).replace(/\.js$/, '');
  for (const candidate of [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    try { if (statSync(join(root, candidate)).isFile()) return candidate; } catch { /* try the next */ }
  }
  throw new Error(`${from}: cannot resolve "${spec}"`);
}

/** The names a file takes from one module specifier (for `import { a, type b } from '…'`). */
function importedNames(source: ts.SourceFile, spec: string): string[] {
  const names: string[] = [];
  source.forEachChild((node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier) && node.moduleSpecifier.text === spec) {
      const bindings = node.importClause?.namedBindings;
      if (bindings && ts.isNamedImports(bindings)) names.push(...bindings.elements.map((e) => (e.propertyName ?? e.name).text));
    }
  });
  return names;
}

export function importGraph(dirs = ['src', 'workflows', 'db']): Imports[] {
  return dirs.flatMap(filesUnder).map((file) => {
    const text = readFileSync(join(root, file), 'utf8');
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, false);
    const seen = ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
    const imports = [...new Set(seen)].flatMap((spec) => {
      const target = resolveImport(file, spec);
      return target ? [{ target: relative(root, join(root, target)), names: importedNames(source, spec) }] : [];
    });
    return { file, imports };
  });
}

/** Every cycle among the files, as strongly connected components of more than one file (or a file importing itself). */
export function cycles(graph: Imports[]): string[][] {
  const edges = new Map(graph.map((g) => [g.file, g.imports.map((i) => i.target)]));
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    indices.set(v, index); low.set(v, index); index++;
    stack.push(v); onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!indices.has(w)) { visit(w); low.set(v, Math.min(low.get(v)!, low.get(w)!)); }
      else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, indices.get(w)!));
    }
    if (low.get(v) === indices.get(v)) {
      const component: string[] = [];
      let w: string;
      do { w = stack.pop()!; onStack.delete(w); component.push(w); } while (w !== v);
      if (component.length > 1 || (edges.get(v) ?? []).includes(v)) found.push(component.sort());
    }
  };
  for (const v of edges.keys()) if (!indices.has(v)) visit(v);
  return found;
}
