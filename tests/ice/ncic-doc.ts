// Renders docs/ncic-codes.md from engine/ncic.ts: every code with its category, class and tags, and
// the rules that placed it, so a reviewer checks the mapping against its source line by line.

import {
  CLASS_RULES,
  expandCodes,
  NCIC_SOURCE,
  ncicCategories,
  ncicCodes,
  TAG_RULES,
  AGGRAVATED_FELONY_WITH_YEAR_SENTENCE,
} from '../../engine/ncic';

const cell = (s: string) => s.replace(/\|/g, '\\|');

export function ncicCodesMarkdown(): string {
  const out: string[] = [];
  out.push('# NCIC offense codes: the list, its source, and how each code maps to the ordinance vocabulary');
  out.push('');
  out.push(
    'ICE records the most serious conviction of each person it lodges a detainer on as an NCIC offense code: four digits, the first two naming the category. ' +
      'The importer of ICE detainer records ([ice-detainer-records.md](ice-detainer-records.md)) reads the code through the list in `engine/ncic.ts`. ' +
      'This page is generated from that file (`UPDATE_DOCS=1 npx vitest run tests/ice/ncic.test.ts`); a test keeps the two equal.',
  );
  out.push('');
  out.push('## Source');
  out.push('');
  out.push(`- **Codes and descriptions**: ${NCIC_SOURCE.list}`);
  out.push(`- **Wording**: ${NCIC_SOURCE.descriptions}`);
  out.push(`- **The NCIC code manual**: ${NCIC_SOURCE.manual}`);
  out.push(
    "- **A disagreement to know about**: a project note listed 5403 as driving under the influence of alcohol and 5404 as of drugs; the NIEM enumeration gives 5403 DRIVING UNDER INFLUENCE DRUGS and 5404 DRIVING UNDER INFLUENCE ALCOHOL. This list follows the enumeration. Both codes carry the same tags (`dui`, `serious-traffic`, `traffic`), so no decision turns on it; the offense text shown is always the record's own.",
  );
  out.push(
    "- **Categories, classes and tags are this project's mapping**, not part of the source: the rules below say what each rests on. A code the list lacks is read with the category its first two digits name and no tags, and the import says how many records carry such codes.",
  );
  out.push('');
  out.push('## Categories');
  out.push('');
  out.push('| digits | category | name taken from |');
  out.push('| --- | --- | --- |');
  for (const c of ncicCategories()) out.push(`| ${c.code} | ${cell(c.name)} | ${cell(c.source)} |`);
  out.push('');
  out.push('## Class rules');
  out.push('');
  out.push(
    'A code settles the class only where the offense it names is a felony wherever it is charged. For every other code the class comes from the record: a sentence of more than one year makes the conviction a felony (an offense punishable by more than a year is a felony, 18 U.S.C. 3559(a)); ICE\'s Felon flag "N" rules a felony out; otherwise the class is left unknown and tests of the class give a range, not a guess.',
  );
  out.push('');
  out.push('| class | codes | why | authority |');
  out.push('| --- | --- | --- | --- |');
  for (const r of CLASS_RULES) out.push(`| ${r.value} | ${r.codes} | ${cell(r.why)} | ${cell(r.authority ?? '')} |`);
  out.push('');
  out.push('## Tag rules');
  out.push('');
  out.push(
    "Tags are the offense categories ordinances name (`violent`, `serious`, `sex-offense`, `drug-trafficking`, `dui`, `firearm`, ...: the vocabulary of the samples, the form's templates and the synthetic cases).",
  );
  out.push('');
  out.push('| tag | codes | why | authority |');
  out.push('| --- | --- | --- | --- |');
  for (const r of TAG_RULES) out.push(`| ${r.value} | ${r.codes} | ${cell(r.why)} | ${cell(r.authority ?? '')} |`);
  const y = AGGRAVATED_FELONY_WITH_YEAR_SENTENCE;
  out.push(`| ${y.value} (with a sentence of a year or more) | ${y.codes} | ${cell(y.why)} | ${cell(y.authority ?? '')} |`);
  out.push('');
  out.push('## Every code');
  out.push('');
  out.push('| code | what it names (NIEM enumeration) | category | class | tags |');
  out.push('| --- | --- | --- | --- | --- |');
  for (const c of ncicCodes()) {
    out.push(
      `| ${c.code} | ${cell(c.description ?? '')} | ${c.category ? `${c.category.code} ${cell(c.category.name)}` : '**unplaced**'} | ${c.class ?? ''} | ${c.tags.join(', ')} |`,
    );
  }
  out.push('');
  const untagged = ncicCodes().filter((c) => c.tags.length === 0);
  out.push('## Codes with no tag');
  out.push('');
  out.push(
    `${untagged.length} codes name offenses no tag of the vocabulary covers (military, abortion, family neglect, obstruction, bribery, health and safety, tax, conservation, ...). They keep their category; an ordinance that names such offenses needs a tag this list does not give, and the vocabulary check of the case set says so.`,
  );
  out.push('');
  out.push(untagged.map((c) => c.code).join(', '));
  out.push('');
  // The rules' codes must all be in the list: checked by the test, shown here for a reviewer.
  void expandCodes;
  return out.join('\n');
}
