// Named prepared statements for PGlite. PGlite's own query() sends every parameterised statement
// as six calls into the WASM backend (parse, describe, bind, describe, execute, sync), parsing and
// planning its text each time. Embedded Intake sends the same few statements over and over (the
// token with the candidate and journey, dispatch's commit), so a statement seen before is parsed
// once under a name and then costs ONE call: bind, describe, execute and sync in one message.
// Measured by the embedded benchmark (bench/pglite.ts): the two statements of an event went from
// 2.8 ms to about half that. Only outside a transaction (a transaction's statements go through
// its own handle, untouched); errors come back as PGlite's DatabaseError, as from query().
import { type PGlite, type QueryOptions, type Results, parse as pgParse, protocol } from '@electric-sql/pglite';

interface Named { name: string; types: number[] }

/** Enough for every statement the code sends; past it, new texts go the ordinary way. */
const MAX_NAMED = 500;

const wire = protocol.serialize;

const concat = (parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

type Internal = PGlite & {
  _runExclusiveTransaction<T>(fn: () => Promise<T>): Promise<T>;
  _runExclusiveQuery<T>(fn: () => Promise<T>): Promise<T>;
};

export function useNamedStatements(client: PGlite): void {
  const pg = client as Internal;
  const original = pg.query.bind(pg);
  const named = new Map<string, Named>();
  const seen = new Set<string>();

  async function prepare(text: string, options?: QueryOptions): Promise<Named> {
    const name = `intake_${named.size}`;
    const { messages } = await pg.execProtocol(concat([wire.parse({ name, text, types: options?.paramTypes }), wire.describe({ type: 'S', name }), wire.sync()]), { syncToFs: false });
    const statement = { name, types: pgParse.parseDescribeStatementResults(messages) };
    named.set(text, statement);
    return statement;
  }

  pg.query = (async <T>(text: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>> => {
    // A statement's first sending, one without parameters, or one with a file: the ordinary way.
    if (!params?.length || options?.blob || (!named.has(text) && (!seen.has(text) || named.size >= MAX_NAMED))) {
      if (params?.length && seen.size < MAX_NAMED * 4) seen.add(text);
      return original<T>(text, params, options);
    }
    return pg._runExclusiveTransaction(() => pg._runExclusiveQuery(async () => {
      const statement = named.get(text) ?? await prepare(text, options);
      const values = params.map((value, i) => {
        if (value === null || value === undefined) return null;
        const serialize = options?.serializers?.[statement.types[i]!] ?? pg.serializers[statement.types[i]!];
        return serialize ? serialize(value) : String(value);
      });
      const { messages } = await pg.execProtocol(concat([
        wire.bind({ statement: statement.name, values: values as string[] }), wire.describe({ type: 'P' }), wire.execute({}), wire.sync(),
      ]), { syncToFs: false });
      await pg.syncToFs();
      return pgParse.parseResults(messages, pg.parsers, options)[0] as Results<T>;
    }));
  }) as PGlite['query'];
}
