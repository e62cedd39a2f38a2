// Human names for the codes the API returns (DESIGN.md, "CAMEO in one screen").

export const QUAD_NAMES = ['verbal cooperation', 'material cooperation', 'verbal conflict', 'material conflict'] as const;
/** Greens for cooperation, oranges/reds for conflict; also used by the stylesheet's badges. */
export const QUAD_COLORS = ['#7fb77e', '#2e7d32', '#f0a04b', '#c0392b'] as const;

export const MODALITIES = ['asserted', 'negated', 'reported', 'speculative'] as const;

export const CAMEO_ROOTS: Record<string, string> = {
  '01': 'public statement',
  '02': 'appeal',
  '03': 'express intent to cooperate',
  '04': 'consult',
  '05': 'diplomatic cooperation',
  '06': 'material cooperation',
  '07': 'provide aid',
  '08': 'yield',
  '09': 'investigate',
  '10': 'demand',
  '11': 'disapprove',
  '12': 'reject',
  '13': 'threaten',
  '14': 'protest',
  '15': 'exhibit force posture',
  '16': 'reduce relations',
  '17': 'coerce',
  '18': 'assault',
  '19': 'fight',
  '20': 'mass violence',
};

export function quadName(q: number): string {
  return QUAD_NAMES[q - 1] ?? `quad ${q}`;
}

export function cameoName(code: string | null | undefined): string {
  if (!code) return '';
  return CAMEO_ROOTS[code.slice(0, 2)] ?? '';
}
