// How the views name the draft compared with this one: by its file where title and version are this one's.
import { describe, expect, it } from 'vitest';
import { otherDraftLabel, otherDraftTitle } from '../../renderer/src/lib/draft-names';

const ct = { title: 'An Act Concerning Civil Immigration Detainers', version: '2014' };
const copy = { title: ct.title, name: 'connecticut-trust-act-2014.ordinance.yaml', ordinance: { version: '2014' } };

describe('otherDraftLabel and otherDraftTitle', () => {
  it('name another draft by its title and file', () => {
    const other = { title: 'Safe City Ordinance', name: 'northampton.yaml', ordinance: { version: '19.153' } };
    expect(otherDraftLabel(other, ct)).toBe('Safe City Ordinance (northampton.yaml)');
    expect(otherDraftTitle(other, ct)).toBe('Safe City Ordinance');
  });

  it("name a draft with this one's title and version by its file, saying so", () => {
    expect(otherDraftLabel(copy, ct)).toBe('the file connecticut-trust-act-2014.ordinance.yaml, of the same title and version');
    expect(otherDraftTitle(copy, ct)).toBe('the file connecticut-trust-act-2014.ordinance.yaml');
  });

  it('take a later version of the same title by its title, and with no draft of this one to go by, likewise', () => {
    const later = { ...copy, ordinance: { version: '2019' } };
    expect(otherDraftLabel(later, ct)).toBe(`${ct.title} (connecticut-trust-act-2014.ordinance.yaml)`);
    expect(otherDraftLabel(copy, null)).toBe(`${ct.title} (connecticut-trust-act-2014.ordinance.yaml)`);
  });
});
