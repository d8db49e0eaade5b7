// The case table rendered to static markup for one simulated side, with the props a test does not vary
// set as the Simulation view sets them for a draft shown alone.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { CaseColumns } from '../../engine/index';
import { CaseTable, type CaseTableProps } from '../../renderer/src/simulation/CaseTable';
import { NO_FILTER } from '../../renderer/src/simulation/case-rows';

/** A simulated side as the table reads it: its codes and provisions (the otherwise clause last). */
interface Side {
  codes: Int32Array;
  provisions: CaseTableProps['provisions'];
  possible?: CaseTableProps['possible'];
  oneOf?: CaseTableProps['oneOf'];
  undecidedBy?: CaseTableProps['undecidedBy'];
}

export function caseTableMarkup(columns: CaseColumns, side: Side, props: Partial<CaseTableProps> = {}): string {
  return renderToStaticMarkup(
    createElement(CaseTable, {
      label: 'Cases',
      columns,
      codes: side.codes,
      otherCodes: null,
      provisions: side.provisions.slice(0, -1),
      otherwise: side.provisions.at(-1)!,
      otherProvisions: [],
      otherOtherwise: null,
      possible: side.possible,
      oneOf: side.oneOf,
      undecidedBy: side.undecidedBy,
      filter: NO_FILTER,
      selected: null,
      onSelect: () => undefined,
      height: 400,
      ...props,
    }),
  );
}
