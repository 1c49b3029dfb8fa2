// What the page asked the trusted window for, and how the operator answered there. The
// page only ever learns the answer's outcome (applied or not, a credential's saved state),
// never what was typed.
import type { ApprovalDone } from "../../bindings";

export type Asked = "credentials" | "changes";

export class ApprovalsStore {
  /** What waits for the operator in the trusted window, as far as this page asked. */
  waiting = $state.raw<Asked | null>(null);
  /** The last answer, with a number so that the same answer twice is two answers. */
  answered = $state.raw<{ answer: ApprovalDone; seq: number } | null>(null);
  #seq = 0;

  asked(kind: Asked): void {
    this.waiting = kind;
  }

  answer(answer: ApprovalDone): void {
    this.waiting = null;
    this.#seq += 1;
    this.answered = { answer, seq: this.#seq };
  }
}
