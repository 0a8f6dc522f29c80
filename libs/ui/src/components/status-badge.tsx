const TONES = {
  neutral: 'bg-slate-100 text-slate-800',
  info: 'bg-blue-100 text-blue-900',
  success: 'bg-green-100 text-green-900',
  warning: 'bg-amber-100 text-amber-900',
  danger: 'bg-red-100 text-red-900',
} as const;

export type StatusTone = keyof typeof TONES;

/** A status as a coloured pill; the text (already translated) carries the meaning, colour only helps. */
export function StatusBadge({ label, tone = 'neutral' }: { label: string; tone?: StatusTone }) {
  return <span className={`inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-medium ${TONES[tone]}`}>{label}</span>;
}
