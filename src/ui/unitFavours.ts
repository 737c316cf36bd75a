// Which digits a hidden unit pushes the network towards: the output layer's weights from that unit,
// the largest positive ones (a unit that lights up raises those digits' scores). What the network
// picture says on hover or focus of a unit of the layer before the output.

/** At most this many digits named: the strongest few say what the unit is for. */
const NAMED = 3;

/** The classes whose weights from `unit` are positive, largest first (kernel: [units, classes] row-major). */
export function favouredClasses(kernel: Float32Array, classes: number, unit: number): number[] {
  const row = kernel.subarray(unit * classes, (unit + 1) * classes);
  return Array.from(row.keys())
    .filter((c) => row[c] > 0)
    .sort((a, b) => row[b] - row[a])
    .slice(0, NAMED);
}

/** "favours 4, 9 and 7" (its outgoing weights), or that it favours none. */
export function describeFavours(kernel: Float32Array, classes: number, unit: number): string {
  const digits = favouredClasses(kernel, classes, unit).map(String);
  if (digits.length === 0) return 'its outgoing weights favour no digit (all negative)';
  const list = digits.length === 1 ? digits[0] : `${digits.slice(0, -1).join(', ')} and ${digits.at(-1)}`;
  return `its outgoing weights favour ${list}`;
}
