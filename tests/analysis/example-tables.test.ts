// The examples an order finding shows in its message are worked out together: their cases are read
// and decided in one table for them all, not a table for each case and each record test (which made
// the examples most of the work of a check with examples of a long ordinance).

import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../engine/analysis/index';
import { clearAnalysisCaches } from '../../engine/analysis/facts';
import { caseTablesBuilt } from '../../engine/case-table';
import { sampleOrdinanceText } from '../../bench/sample-ordinance';

describe('the examples of order findings', () => {
  it('are read and decided in a few tables, whatever their number', () => {
    const text = sampleOrdinanceText(100);
    clearAnalysisCaches();
    const before = caseTablesBuilt.count;
    const { diagnostics } = checkDocument(text, { examples: true });
    const built = caseTablesBuilt.count - before;
    const shown = diagnostics.filter((d) => d.code === 'order-conflict' && d.message.includes('. For example: '));
    expect(shown.length).toBeGreaterThanOrEqual(10);
    // One table for the record tests of every example; one for the engine's decisions for each value
    // of the reimbursement agreement; none for findings whose examples no one has read.
    expect(built).toBeLessThanOrEqual(3);
    // Each shown example is the finding's own, and its words are the message's.
    for (const d of shown) expect(d.message.endsWith(`. For example: ${d.example!.facts.join('; ')}`)).toBe(true);
  });
});
