// Phone numbers reach the page masked (the backend's rule); the full number only when the
// operator reveals it, and then for a while.
import { DESKTOP } from "../contract";

/** How long a revealed number stays shown. */
export const REVEAL_SECONDS = DESKTOP.defaultRevealSeconds;
