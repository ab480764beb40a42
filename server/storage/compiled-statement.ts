import {
  createQueryId,
  RawNode,
  ValueNode,
  type CompiledQuery,
  type DialectAdapter,
  type Kysely,
  type KyselyPlugin,
  type QueryResult,
  type RootOperationNode,
} from 'kysely';

/** The values of one row a statement is run with, by name (never undefined). */
export type StatementValues<V> = { [K in keyof V]: {} | null };

/**
 * Shapes of rows kept per statement and database; past them (lists of rows of many lengths,
 * say) a statement is compiled for each call, as the builder would.
 */
const KEPT_FORMS = 16;

/** A query builder, or raw SQL (`sql`), with its values in it. */
type Built<DB, R> = { compile(db: Kysely<DB>): CompiledQuery<R> };

/** Where a parameter of the compiled SQL comes from: a row's value by name, or the query. */
type Slot = Named | { fixed: unknown };
type Named = { row: number; name: string };

/** A statement as compiled for one Kysely instance and rows of given names. */
interface Form {
  sql: string;
  query: RootOperationNode;
  slots: Slot[];
}

/**
 * The forms compiled per Kysely instance (its transactions share its adapter) and plugins, by
 * the names of the rows' values.
 */
type Compiled = WeakMap<
  DialectAdapter,
  Array<{ plugins: readonly KyselyPlugin[]; forms: Map<string, Form> }>
>;

/**
 * A statement Kysely builds and compiles once per database and shape of rows (their number and
 * their values' names), then runs with each call's values: the SQL and its parameters' places
 * are kept, the values put in them. Building and compiling (CamelCasePlugin's pass included)
 * took about as long as SQLite took to run a short statement; the rows still come back through
 * the plugins, as the builder's would.
 *
 * `build` gets stand-ins for the rows (one per row the call gives, with the same names) and
 * passes their values to the builder as they are (named, or a row spread). What it computes
 * from a value would be computed from the stand-in, once: the caller computes it and passes
 * the result. A value that does not end up a parameter of its own fails the first call.
 */
export function compiledStatement<DB, V extends StatementValues<V>, R>(
  build: (db: Kysely<DB>, ...rows: V[]) => Built<DB, R>,
): (db: Kysely<DB>, ...rows: V[]) => Promise<QueryResult<R>> {
  // Weakly: a closed database's forms go with its adapter.
  const compiled: Compiled = new WeakMap();

  function formOf(db: Kysely<DB>, rows: V[]): Form {
    const { adapter, plugins } = db.getExecutor();
    let kept = compiled.get(adapter);
    if (!kept) compiled.set(adapter, (kept = []));
    let entry = kept.find((k) => samePlugins(k.plugins, plugins));
    if (!entry) kept.push((entry = { plugins, forms: new Map() }));
    const shape = rows.map((row) => Object.keys(row).join()).join(';');
    let form = entry.forms.get(shape);
    if (!form) {
      form = compile(db, rows);
      if (entry.forms.size < KEPT_FORMS) entry.forms.set(shape, form);
    }
    return form;
  }

  function compile(db: Kysely<DB>, rows: V[]): Form {
    const stood = new Map<object, Named>();
    const standIns = rows.map((given, row) => {
      const named = new Map<string, object>();
      const standIn = (name: string) => {
        let value = named.get(name);
        if (!value) {
          value = Object.freeze({ standsFor: name });
          named.set(name, value);
          stood.set(value, { row, name });
        }
        return value;
      };
      return new Proxy({} as V, {
        get: (_target, name) => (typeof name === 'string' ? standIn(name) : undefined),
        ownKeys: () => Object.keys(given),
        getOwnPropertyDescriptor: (_target, name) =>
          typeof name === 'string' && Object.hasOwn(given, name)
            ? { value: standIn(name), enumerable: true, configurable: true, writable: false }
            : undefined,
      });
    });
    const { sql, query, parameters } = build(db, ...standIns).compile(db);
    const slots = parameters.map((p): Slot => (isObject(p) && stood.get(p)) || { fixed: p });
    const placed = new Set(slots.filter((s): s is Named => 'row' in s));
    for (const named of stood.values()) {
      if (!placed.has(named)) throw new Error(`${named.name} is no parameter of ${sql}`);
    }
    return { sql, query, slots };
  }

  return async (db, ...rows) => {
    const form = formOf(db, rows);
    const values = form.slots.map((s) => {
      if (!('row' in s)) return s.fixed;
      const value = (rows[s.row] as Record<string, unknown> | undefined)?.[s.name];
      // The builder leaves an undefined column out (its default applies); bound, it would be
      // NULL. A row names each value it has.
      if (value === undefined) throw new TypeError(`${s.name} is undefined in ${form.sql}`);
      return value;
    });
    const queryId = createQueryId();
    // The values pass through the plugins as the built query's would (PostgreSQL's
    // ReplaceNulPlugin), as a raw query of them alone: a pass over the whole query cost more.
    const passed = db.getExecutor().transformQuery(
      RawNode.create(
        ['', ...values.map(() => '')],
        values.map((v) => ValueNode.create(v)),
      ),
      queryId,
    ) as RawNode;
    const parameters = passed.parameters.map((p) => (p as ValueNode).value);
    return db.executeQuery<R>({ sql: form.sql, query: form.query, parameters, queryId });
  };
}

const isObject = (v: unknown): v is object => typeof v === 'object' && v !== null;

const samePlugins = (a: readonly KyselyPlugin[], b: readonly KyselyPlugin[]) =>
  a.length === b.length && a.every((p, i) => p === b[i]);
