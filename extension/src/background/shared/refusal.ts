/**
 * A handler's typed refusal: a feature throws a subclass (the gate's `GateHeld`, the taught
 * adapters' `WrongHostError`) and the router turns it into the reply error `code` without knowing
 * the feature. `audited` refusals are also reported to the audit log (never the message content).
 * @module
 */
import type { MessageErrorCode } from '../../messages/shared';

/**
 * Rule: a refusal names its reply code; anything else a handler throws is `storage` or `internal`.
 * @example
 * class WrongHostError extends HandlerRefusal {
 *   constructor(message: string) { super('forbidden-sender', message, true); }
 * }
 */
export class HandlerRefusal extends Error {
  override readonly name: string = 'HandlerRefusal';
  constructor(
    readonly code: MessageErrorCode,
    message: string,
    /** Whether the router reports it as a refusal (audit `refused`). */
    readonly audited: boolean,
  ) {
    super(message);
  }
}
