/** "3 min ago", "in 2 h", "2026-11-28" — times as a terminal reader wants them. */
export function formatWhen(iso: string | undefined, now: Date): string {
  if (!iso) return "never";
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const seconds = Math.round((at.getTime() - now.getTime()) / 1000);
  const abs = Math.abs(seconds);
  const [value, unit] =
    abs < 60
      ? [abs, "s"]
      : abs < 3600
        ? [Math.round(abs / 60), "min"]
        : abs < 86_400
          ? [Math.round(abs / 3600), "h"]
          : [0, ""];
  if (unit === "") return iso.slice(0, 10);
  return seconds < 0 ? `${value} ${unit} ago` : `in ${value} ${unit}`;
}
