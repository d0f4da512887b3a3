import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';

/** Called once per statement the adapter runs (transaction control aside) with the rows it returned. */
export type QueryObserver = (rows: readonly unknown[]) => void;

/** A kysely plugin that reports every statement's result; the contract suite counts queries with it. */
export class QueryObserverPlugin implements KyselyPlugin {
  constructor(private readonly observe: QueryObserver) {}

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    this.observe(args.result.rows);
    return args.result;
  }
}
