// The form's "Every other case": with otherwise: hold it shows the otherwise clause's maximum hold
// (otherwiseMaxHold), as a provision card shows its maxHold; without one it says the federal maximum applies.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { FormView } from '../../renderer/src/form/FormView';

const doc = (tail: string) =>
  parse(`title: Draft
jurisdiction: { name: Town of Example, state: NM }
sections:
  - heading: Detainers
    provisions:
      - { id: minors, when: { age: { under: 18 } }, outcome: decline }
${tail}`) as Record<string, unknown>;

const render = (data: Record<string, unknown>) =>
  renderToStaticMarkup(
    createElement(FormView, {
      data,
      text: null,
      edit: () => {},
      onShowInEditor: () => {},
      onUndo: () => {},
      onRedo: () => {},
    } as unknown as Parameters<typeof FormView>[0]),
  );

/** The "Every other case" section's markup. */
const otherwiseSection = (html: string) =>
  html.slice(html.indexOf('id="form-otherwise"'), html.indexOf('</section>', html.indexOf('id="form-otherwise"')));

describe('the form: every other case', () => {
  it('shows the maximum hold of an otherwise hold', () => {
    const html = otherwiseSection(render(doc('otherwise: hold\notherwiseMaxHold: { hours: 36 }\n')));
    expect(html).toContain('Maximum hold (hours)');
    expect(html).toContain('value="36"');
    expect(html).toContain('Excluding Saturdays, Sundays and holidays');
  });
  it('says the federal maximum applies where none is stated', () => {
    const html = otherwiseSection(render(doc('otherwise: hold\n')));
    expect(html).toContain(
      'Without it the otherwise clause holds for the federal maximum, 48 hours excluding Saturdays, Sundays and holidays',
    );
    // The box shows what the federal maximum does: weekends and holidays are not counted.
    expect(html).toMatch(/<input type="checkbox"[^>]*checked=""\/>Excluding Saturdays, Sundays and holidays/);
  });
  it('shows no hold fields for another outcome', () => {
    expect(otherwiseSection(render(doc('otherwise: decline\n')))).not.toContain('Maximum hold');
  });
});
