// Phone numbers on screen are masked until the operator asks (the API's displayPhone when
// it has one, else the middle digits hidden), and masked again after a while.

/** How long a revealed number stays shown. */
export const REVEAL_SECONDS = 30;

/** `13812345678` → `138****5678`; short numbers keep only their last two digits. */
export function maskPhone(phone: string): string {
  const chars = [...phone];
  if (chars.length >= 7) return `${chars.slice(0, 3).join("")}****${chars.slice(-4).join("")}`;
  return `${"*".repeat(Math.max(chars.length - 2, 1))}${chars.slice(-2).join("")}`;
}
