import {
  OperationNodeTransformer,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type PrimitiveValueListNode,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
  type ValueNode,
} from 'kysely';

// PostgreSQL text cannot hold U+0000 (the server refuses the whole statement, error 22021);
// SQLite stores it. Any string the store sends becomes storable: a NUL turns into U+FFFD, the
// Unicode replacement character, so a lookup by such a value simply finds nothing.
const storable = (v: unknown): unknown =>
  typeof v === 'string' && v.includes('\0') ? v.replaceAll('\0', '\uFFFD') : v;

class NulTransformer extends OperationNodeTransformer {
  protected override transformValue(node: ValueNode): ValueNode {
    return { ...node, value: storable(node.value) };
  }
  protected override transformPrimitiveValueList(
    node: PrimitiveValueListNode,
  ): PrimitiveValueListNode {
    return { ...node, values: node.values.map(storable) };
  }
}

/** Replaces NUL characters in every value a query sends (PostgreSQL only). */
export class ReplaceNulPlugin implements KyselyPlugin {
  readonly #transformer = new NulTransformer();
  transformQuery({ node }: PluginTransformQueryArgs): RootOperationNode {
    return this.#transformer.transformNode(node);
  }
  async transformResult({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return result;
  }
}
