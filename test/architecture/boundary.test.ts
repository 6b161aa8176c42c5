// Issue 12: one input boundary. Request bodies are read only by src/routes/input.ts (JSON) and
// src/routes/form.ts (forms, urlencoded or multipart), which check every key and value before any
// handler sees them; a handler reading a body by itself would bypass the boundary.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importGraph, root } from './imports.js';

const BOUNDARY = ['src/routes/input.ts', 'src/routes/form.ts'];
const READS_BODY = /\.req\.(json|text|arrayBuffer|formData|parseBody|blob)\(|\.req\.raw\.(json|text|arrayBuffer|formData|blob)\(/;

describe('the input boundary', () => {
  it('is the only code that reads a request body', () => {
    const files = importGraph(['src']).map((g) => g.file);
    expect(files.length).toBeGreaterThan(100);
    const readers = files.filter((f) => READS_BODY.test(readFileSync(join(root, f), 'utf8')));
    expect(readers.sort()).toEqual(BOUNDARY.filter((f) => readers.includes(f)).sort());
    expect(readers).toContain('src/routes/input.ts');
  });
});
