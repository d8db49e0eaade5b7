// Any ordinance as json-rules-engine rules, for benchmarks: one rule per provision in document order
// (priority), all/any/not kept as the engine's own boolean conditions, each leaf test a fact. A
// provision whose condition holds a discretionary finding is one fact with three values (false,
// true, unknown), since the engine's conditions are two-valued.

import { Engine, type TopLevelCondition } from 'json-rules-engine';
import { compile, OUTCOME_CODE, type CaseTable, type ConditionNode, type Ordinance, type Scenario } from '../engine/index';
import { F_REQ_HOLD, F_REQ_NOTIFY } from '../engine/case-table';

type NestedCondition = TopLevelCondition | { fact: string; operator: string; value: unknown };

const CLAMP = [3, 0, 1, 0, 3, 1, 1, 1, 3, 2, 2, 2, 3, 3, 3, 3];

/**
 * A decision function over json-rules-engine for the rows of a case table: (provisionIndex << 2) |
 * outcome, as the compiled policy's decide returns.
 */
export function rulesEnginePolicy(ordinance: Ordinance, scenario: Scenario, table: CaseTable): (row: number) => Promise<number> {
  const policy = compile(ordinance, scenario);
  const engine = new Engine([], { allowUndefinedFacts: false });
  let facts = 0;
  const fact = (fn: (row: number) => number | boolean): string => {
    const id = `f${facts++}`;
    engine.addFact(id, (_params, almanac) => almanac.factValue<number>('row').then(fn));
    return id;
  };
  const condition = (node: ConditionNode): NestedCondition => {
    if (node.kind === 'all') return { all: node.children.map(condition) };
    if (node.kind === 'any') return { any: node.children.map(condition) };
    if (node.kind === 'not') return { not: condition(node.children[0]!) };
    return { fact: fact(node.bindBool!(table)), operator: 'equal', value: true };
  };
  const n = policy.provisions.length;
  policy.provisions.forEach((p, i) => {
    const code = OUTCOME_CODE[p.outcome];
    const event = (outcome: number) => ({ type: 'decide', params: { index: i, outcome } });
    const priority = n - i + 1;
    const node = p.condition;
    if (!node) {
      engine.addRule({ priority, conditions: { all: [] }, event: event(code) });
    } else if (node.uncertain) {
      // 1 = the condition holds, 2 = a person must decide (review).
      const tri = fact(node.bind(table));
      engine.addRule({ priority, conditions: { all: [{ fact: tri, operator: 'equal', value: 1 }] }, event: event(code) });
      engine.addRule({ priority, conditions: { all: [{ fact: tri, operator: 'equal', value: 2 }] }, event: event(OUTCOME_CODE.review) });
    } else {
      const top = condition(node);
      const conditions: TopLevelCondition = 'all' in top || 'any' in top || 'not' in top ? (top as TopLevelCondition) : { all: [top] };
      engine.addRule({ priority, conditions, event: event(code) });
    }
  });
  // First match decides: rules run in priority order, so stop at the first success.
  engine.on('success', () => engine.stop());
  const otherwise = OUTCOME_CODE[policy.otherwise];
  return async (row) => {
    const { events } = await engine.run({ row });
    let index = n;
    let outcome = otherwise;
    for (const e of events) {
      const params = e.params as { index: number; outcome: number };
      if (params.index < index) {
        index = params.index;
        outcome = params.outcome;
      }
    }
    const f = table.flags[row]!;
    return (index << 2) | CLAMP[(outcome << 2) | (f & F_REQ_HOLD ? 1 : 0) | (f & F_REQ_NOTIFY ? 2 : 0)]!;
  };
}
