// Acceptance (issue 11): data flows one way. Over the import graph of src/, workflows/ and db/
// this fails on any import circle between files and on any import from a lower layer to a higher
// one. The layers, highest first (the README's "How it is built" draws the same picture):
//
//   app        src/main.ts, main-worker.ts, lifecycle.ts, http-server.ts, server.ts, app.tsx:
//              the entry points, the process's life, and the composition
//   routes     src/routes/: HTTP handlers and pages (thin: parse, call a service, reply)
//   ui         src/ui/: hono/jsx components, no queries; imported by routes and app only
//   jobs       src/jobs/: the worker loop and one handler per job kind
//   services   src/services/, src/auth/, src/demo/: one operation each, owning its transaction.
//              auth (sessions, tokens, roles) sits beside them: it reads through services or its
//              own queries, services use its roles, passwords and sessions; never the engine.
//   email      src/email/: templates, layout, transports, the iCalendar writer
//   queue      src/jobs/enqueue.ts: the one way to enqueue a job, for any service
//   engine     src/engine/: dispatch (load, pure transition, one commit with jobs)
//   cv         src/cv/: CV text and field extraction (pure, and its isolated worker)
//   base       src/context.ts, errors.ts, log.ts, config.ts: no layer; anything may use them
//   workflows  workflows/: the machines, pure (they import nothing of the project's)
//   db         db/: schema, client, migrations
//
// A file may import its own layer or any layer below. Within a layer anything goes but a circle.
import { describe, expect, it } from 'vitest';
import { cycles, importGraph } from './imports.js';

const layers: [name: string, paths: string[]][] = [
  ['app', ['src/main.ts', 'src/main-worker.ts', 'src/lifecycle.ts', 'src/http-server.ts', 'src/server.ts', 'src/app.tsx']],
  ['routes', ['src/routes/']],
  ['ui', ['src/ui/']],
  ['jobs', ['src/jobs/']],
  ['services', ['src/services/', 'src/auth/', 'src/demo/']],
  ['email', ['src/email/']],
  ['queue', ['src/jobs/enqueue.ts']],
  ['engine', ['src/engine/']],
  ['cv', ['src/cv/']],
  ['base', ['src/context.ts', 'src/errors.ts', 'src/log.ts', 'src/config.ts']],
  ['workflows', ['workflows/']],
  ['db', ['db/']],
];

/** The layer of a file: the one with the longest path naming it. */
function layerOf(file: string): { name: string; rank: number } {
  let best: { name: string; rank: number; length: number } | null = null;
  layers.forEach(([name, paths], rank) => {
    for (const p of paths) if ((file === p || (p.endsWith('/') && file.startsWith(p))) && p.length > (best?.length ?? -1)) best = { name, rank, length: p.length };
  });
  if (!best) throw new Error(`${file} is in no layer: add it to the table in test/architecture/layers.test.ts`);
  return best;
}

const graph = importGraph();
const edges = graph.flatMap(({ file, imports }) => imports.map(({ target, names }) => ({ from: file, to: target, names })));

describe('the import graph of src/, workflows/ and db/', () => {
  it('reads every file and finds imports (a check that cannot see the graph would pass for nothing)', () => {
    expect(graph.length).toBeGreaterThan(150);
    expect(edges.length).toBeGreaterThan(500);
  });

  it('has no import circle', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('puts every file in a layer', () => {
    for (const { file } of graph) expect(() => layerOf(file)).not.toThrow();
  });

  it('never imports from a layer above', () => {
    const upward = edges.filter((e) => layerOf(e.to).rank < layerOf(e.from).rank)
      .map((e) => `${e.from} (${layerOf(e.from).name}) → ${e.to} (${layerOf(e.to).name})`);
    expect(upward).toEqual([]);
  });

  it('lets only routes and the app import ui components', () => {
    const users = edges.filter((e) => layerOf(e.to).name === 'ui' && !['ui', 'routes', 'app'].includes(layerOf(e.from).name));
    expect(users.map((e) => `${e.from} → ${e.to}`)).toEqual([]);
  });

  it('keeps auth off the engine: it reads through services or its own queries', () => {
    expect(edges.filter((e) => e.from.startsWith('src/auth/') && e.to.startsWith('src/engine/')).map((e) => `${e.from} → ${e.to}`)).toEqual([]);
  });

  it('keeps the machines pure: workflows/ imports nothing else of the project', () => {
    expect(edges.filter((e) => e.from.startsWith('workflows/') && !e.to.startsWith('workflows/')).map((e) => `${e.from} → ${e.to}`)).toEqual([]);
  });

  it('has one front door to the engine: only it and the timer job call dispatch', () => {
    const callers = edges.filter((e) => e.to === 'src/engine/dispatch.ts' && !e.from.startsWith('src/engine/')
      && e.names.some((n) => n === 'dispatch' || n === 'dispatchInTx'));
    expect(callers.map((e) => e.from).sort()).toEqual(['src/jobs/timer.ts', 'src/services/journeys/act.ts']);
  });
});

describe('the circle finder', () => {
  const g = (edges: Record<string, string[]>) => Object.entries(edges).map(([file, to]) => ({ file, imports: to.map((target) => ({ target, names: [] })) }));

  it('finds a circle through several files, and a file importing itself', () => {
    expect(cycles(g({ a: ['b'], b: ['c'], c: ['a'], d: ['d'], e: ['a'] }))).toEqual([['a', 'b', 'c'], ['d']]);
  });

  it('finds none in a graph that only runs one way', () => {
    expect(cycles(g({ a: ['b', 'c'], b: ['c'], c: [] }))).toEqual([]);
  });
});
