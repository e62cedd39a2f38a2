// The "two actors and a period" form of the home page and the relation view.
import { h } from '../dom';
import { link } from '../router';

export interface RelationParams {
  a?: string;
  b?: string;
  by?: string;
  directed?: boolean;
}

/** Actor keys are upper-case country codes or org acronyms: normalise what was typed. */
export function actorKeyInput(v: string): string {
  return v.trim().toUpperCase().replace(/\s+/g, '_');
}

export function relationForm(p: RelationParams): HTMLFormElement {
  const a = h('input', { name: 'a', value: p.a ?? '', placeholder: 'DZA', required: true, size: 8, 'aria-label': 'first actor', 'data-testid': 'relation-a' });
  const b = h('input', { name: 'b', value: p.b ?? '', placeholder: 'RUS', required: true, size: 8, 'aria-label': 'second actor', 'data-testid': 'relation-b' });
  const by = h(
    'select',
    { name: 'by', value: p.by ?? 'month', 'aria-label': 'period', 'data-testid': 'relation-by' },
    ['day', 'week', 'month', 'year'].map((v) => h('option', { value: v }, v)),
  );
  const directed = h('input', { type: 'checkbox', name: 'directed', checked: !!p.directed, 'data-testid': 'relation-directed' });
  return h(
    'form',
    {
      class: 'inline-form',
      'data-testid': 'relation-form',
      onsubmit: (ev: Event) => {
        ev.preventDefault();
        location.hash = link('relation', null, {
          a: actorKeyInput(a.value),
          b: actorKeyInput(b.value),
          by: by.value,
          directed: directed.checked,
        });
      },
    },
    h('label', null, 'Actor ', a),
    h('label', null, 'and ', b),
    h('label', null, 'by ', by),
    h('label', { title: 'only events from the first actor to the second' }, directed, ' first → second only'),
    h('button', { type: 'submit' }, 'Show relation'),
  );
}
